#ifndef CREDEAU_CPCRE2_SHIM_H
#define CREDEAU_CPCRE2_SHIM_H
// PCRE2 picks its code-unit width from this macro; credeau matches UTF-8 text only, so every
// call goes to the *_8 functions.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// Stands in for PCRE2_ZERO_TERMINATED, a cast macro Swift cannot import.
static inline size_t credeau_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }
// Stands in for PCRE2_UNSET, which marks a capture group that did not take part in a match.
static inline size_t credeau_pcre2_unset(void) { return PCRE2_UNSET; }
#endif
