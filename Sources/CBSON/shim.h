#ifndef CREDEAU_CBSON_SHIM_H
#define CREDEAU_CBSON_SHIM_H
#include <stdlib.h>
#include <bson/bson.h>

// bson_t and bson_iter_t are declared 128-byte aligned, so Swift imports them as opaque
// pointers and cannot allocate them itself. These wrappers allocate zeroed, correctly aligned
// storage with posix_memalign; free it with credeau_bson_iter_free.
static inline bson_iter_t *credeau_bson_iter_new(void) {
    void *memory = NULL;
    if (posix_memalign(&memory, 128, sizeof(bson_iter_t)) != 0) {
        return NULL;
    }
    memset(memory, 0, sizeof(bson_iter_t));
    return (bson_iter_t *)memory;
}

static inline void credeau_bson_iter_free(bson_iter_t *iterator) {
    free(iterator);
}
#endif
