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
// The part of credeau_utf8_check for text that is not plain ASCII.
static inline bool credeau_utf8_check_slowly(const char *text, size_t length, bool allow_null,
                                             bool reject_encoded_nul) {
    if (!bson_utf8_validate(text, length, allow_null)) {
        return false;
    }
    return !reject_encoded_nul || (memchr(text, 0xC0, length) == NULL && memchr(text, 0xC1, length) == NULL);
}

// Returns what bson_utf8_validate(text, length, allow_null) returns, and with
// reject_encoded_nul also rejects the bytes 0xC0 and 0xC1, which never occur in UTF-8:
// bson_utf8_validate accepts the two-byte NUL C0 80 of Java's modified UTF-8 when allow_null is
// true. ASCII text, nearly every key and value of a response, is checked here 8 bytes at a
// time, because bson_utf8_validate in libbson 1.23 decodes every character and took most of the
// time of reading a large response. Text with any byte of 0x80 or more, or a NUL when
// allow_null is false, goes to libbson.
static inline bool credeau_utf8_check(const char *text, size_t length, bool allow_null, bool reject_encoded_nul) {
    const uint64_t high_bits = 0x8080808080808080ULL;
    const uint64_t low_bits = 0x0101010101010101ULL;
    size_t index = 0;
    for (; index + 8 <= length; index += 8) {
        uint64_t word;
        memcpy(&word, text + index, 8);
        // With no high bit set, (word - low_bits) sets a high bit at every zero byte (and may
        // set one above it through the borrow), so a NUL is never missed.
        if ((word & high_bits) != 0 || (!allow_null && ((word - low_bits) & high_bits) != 0)) {
            return credeau_utf8_check_slowly(text, length, allow_null, reject_encoded_nul);
        }
    }
    for (; index < length; index++) {
        unsigned char byte = (unsigned char)text[index];
        if (byte >= 0x80 || (!allow_null && byte == 0)) {
            return credeau_utf8_check_slowly(text, length, allow_null, reject_encoded_nul);
        }
    }
    return true;
}

// Returns what bson_utf8_validate(text, length, allow_null) returns.
static inline bool credeau_utf8_validate(const char *text, size_t length, bool allow_null) {
    return credeau_utf8_check(text, length, allow_null, false);
}

// The deepest nesting credeau_bson_check_document accepts. An extract_sms response nests 3 deep.
#define CREDEAU_BSON_MAX_DEPTH 32

// One level of the iterator stack of the checks below. A struct around the iterator is padded to
// its 128-byte alignment, so it can form an array.
typedef struct { bson_iter_t iter; } credeau_bson_frame;

// Checks the key of the current element of `iter` and, for a string, its value: both must be
// valid UTF-8, with NUL allowed inside values but not its overlong form C0 80. Embedded documents
// and arrays are not entered.
static inline bool credeau_bson_check_key_and_text(const bson_iter_t *iter) {
    if (!credeau_utf8_validate(bson_iter_key(iter), bson_iter_key_len(iter), false)) {
        return false;
    }
    if (bson_iter_type(iter) == BSON_TYPE_UTF8) {
        uint32_t length = 0;
        const char *text = bson_iter_utf8(iter, &length);
        return credeau_utf8_check(text, length, true, true);
    }
    return true;
}

// Walks the elements of stack[bottom], which is at nesting level `bottom` (the top document is
// level 0), and everything nested in them, as credeau_bson_check_document describes. Returns
// false and sets *offset to the byte offset from `start` of the first invalid element.
static inline bool credeau_bson_check_frames(credeau_bson_frame *stack, int bottom, const uint8_t *start,
                                             size_t *offset) {
    int depth = bottom;
    while (depth >= bottom) {
        bson_iter_t *iter = &stack[depth].iter;
        // bson_iter_next sets raw to NULL when it finds a corrupt element, so it is kept here.
        const uint8_t *raw = iter->raw;
        if (!bson_iter_next(iter)) {
            if (iter->err_off != 0) {
                *offset = (size_t)(raw - start) + iter->err_off;
                return false;
            }
            depth--;
            continue;
        }
        *offset = (size_t)(iter->raw - start) + iter->off;
        if (!credeau_bson_check_key_and_text(iter)) {
            return false;
        }
        bson_type_t type = bson_iter_type(iter);
        if (type == BSON_TYPE_DOCUMENT || type == BSON_TYPE_ARRAY) {
            if (depth + 1 >= CREDEAU_BSON_MAX_DEPTH || !bson_iter_recurse(iter, &stack[depth + 1].iter)) {
                return false;
            }
            depth++;
        }
    }
    *offset = 0;
    return true;
}

// The deepest nesting of documents and arrays accepted in a dump's BSON documents, as deep as
// MongoDB lets a document nest.
#define CREDEAU_DUMP_MAX_DEPTH 100

// Returns true when documents, arrays or code-with-scope scopes inside `document` (level 0) nest
// deeper than CREDEAU_DUMP_MAX_DEPTH levels. bson_validate and the readers recurse once per
// level, so a file nested thousands deep overflowed the C stack; this walk keeps its own stack.
// It stops at the first corrupt element and returns false, leaving the report to bson_validate,
// whose walk visits the elements in the same order and so goes no deeper before it stops there.
static inline bool credeau_bson_nests_too_deep(const bson_t *document) {
    credeau_bson_frame stack[CREDEAU_DUMP_MAX_DEPTH + 1];
    bson_t scopes[CREDEAU_DUMP_MAX_DEPTH + 1];
    if (!bson_iter_init(&stack[0].iter, document)) {
        return false;
    }
    int depth = 0;
    while (depth >= 0) {
        bson_iter_t *iter = &stack[depth].iter;
        if (!bson_iter_next(iter)) {
            if (iter->err_off != 0) {
                return false;
            }
            depth--;
            continue;
        }
        bson_type_t type = bson_iter_type(iter);
        if (type == BSON_TYPE_DOCUMENT || type == BSON_TYPE_ARRAY) {
            if (depth + 1 > CREDEAU_DUMP_MAX_DEPTH) {
                return true;
            }
            if (!bson_iter_recurse(iter, &stack[depth + 1].iter)) {
                return false;
            }
            depth++;
        } else if (type == BSON_TYPE_CODEWSCOPE) {
            uint32_t code_length = 0;
            uint32_t scope_length = 0;
            const uint8_t *scope = NULL;
            bson_iter_codewscope(iter, &code_length, &scope_length, &scope);
            if (scope == NULL) {
                return false;
            }
            if (depth + 1 > CREDEAU_DUMP_MAX_DEPTH) {
                return true;
            }
            if (!bson_init_static(&scopes[depth + 1], scope, scope_length)
                || !bson_iter_init(&stack[depth + 1].iter, &scopes[depth + 1])) {
                return false;
            }
            depth++;
        }
    }
    return false;
}

// Checks a BSON document from another process before it is read. Every element must be well
// formed (bson_iter_next reports a corrupt one through err_off), and keys and string values must
// be valid UTF-8, with NUL allowed inside values but not its overlong form C0 80. Documents and
// arrays nest at most CREDEAU_BSON_MAX_DEPTH deep.
// It walks with its own stack of iterators, so a deeply nested document cannot overflow the C
// stack, and it checks string values itself because bson_validate in libbson 1.23 does not,
// even with BSON_VALIDATE_UTF8. Returns false and sets *offset to the byte offset of the first
// invalid element (or 0 when the header is invalid).
static inline bool credeau_bson_check_document(const bson_t *document, size_t *offset) {
    credeau_bson_frame stack[CREDEAU_BSON_MAX_DEPTH];
    *offset = 0;
    if (!bson_iter_init(&stack[0].iter, document)) {
        return false;
    }
    return credeau_bson_check_frames(stack, 0, stack[0].iter.raw, offset);
}

// Checks the current element of `iter` as credeau_bson_check_document checks it, where `level` is
// the nesting level of the document that holds it (0 for the top document): its key, its string
// value, and every element of an embedded document or array, which must not nest past
// CREDEAU_BSON_MAX_DEPTH. A reader that walks a document once can check what it skips this way.
static inline bool credeau_bson_check_element(const bson_iter_t *iter, int level) {
    if (!credeau_bson_check_key_and_text(iter)) {
        return false;
    }
    bson_type_t type = bson_iter_type(iter);
    if (type != BSON_TYPE_DOCUMENT && type != BSON_TYPE_ARRAY) {
        return true;
    }
    if (level < 0 || level + 1 >= CREDEAU_BSON_MAX_DEPTH) {
        return false;
    }
    credeau_bson_frame stack[CREDEAU_BSON_MAX_DEPTH];
    if (!bson_iter_recurse(iter, &stack[level + 1].iter)) {
        return false;
    }
    size_t offset = 0;
    return credeau_bson_check_frames(stack, level + 1, stack[level + 1].iter.raw, &offset);
}

// True when the last bson_iter_next on `iter` stopped at a corrupt element rather than at the end.
static inline bool credeau_bson_iter_failed(const bson_iter_t *iter) {
    return iter->err_off != 0;
}
#endif
