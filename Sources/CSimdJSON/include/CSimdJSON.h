#ifndef CREDEAU_CSIMDJSON_H
#define CREDEAU_CSIMDJSON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A simdjson DOM parser (simdjson::dom::parser). It is not thread-safe, so keep one per thread,
/// and reuse it, because it keeps its buffers between documents.
typedef struct credeau_json_parser credeau_json_parser;

/// A parsed document in simdjson's tape format (simdjson doc/tape.md): each word has its type
/// character in the top 8 bits and a payload in the low 56 bits. `words[0]` is the root word,
/// whose payload is the number of words, so `words[count - 1]` is the closing root word. A string
/// word's payload is an offset into `strings`, where a 32-bit little-endian length precedes the
/// bytes. The pointers stay valid until the parser parses again or is freed.
typedef struct credeau_json_tape {
    const uint64_t *words;
    size_t count;
    const uint8_t *strings;
} credeau_json_tape;

/// Returns a parser that rejects documents nested deeper than `max_depth` arrays and objects,
/// or NULL when memory runs out.
credeau_json_parser *credeau_json_parser_new(size_t max_depth);

void credeau_json_parser_free(credeau_json_parser *parser);

/// Parses `length` bytes (no padding needed, because the parser copies them into its own padded
/// buffer) and fills `tape`. Returns 0, or simdjson's nonzero error code (simdjson::error_code)
/// for invalid JSON, invalid UTF-8, a document deeper than the parser's maximum depth, or
/// content after the first value.
int credeau_json_parse(credeau_json_parser *parser, const uint8_t *bytes, size_t length, credeau_json_tape *tape);

#ifdef __cplusplus
}
#endif

#endif
