#ifndef CREDEAU_CZLIB_SHIM_H
#define CREDEAU_CZLIB_SHIM_H
#include <zlib.h>

// Stands in for the inflateInit2 macro: accepts a gzip wrapper (window bits 15 + 16).
static inline int credeau_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}

// Stands in for the deflateInit2 macro: writes a gzip wrapper at the given level.
static inline int credeau_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
#endif
