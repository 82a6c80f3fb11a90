#ifndef CREDEAU_CCURL_SHIM_H
#define CREDEAU_CCURL_SHIM_H
#include <stddef.h>
#include <curl/curl.h>

// Stands in for the variadic curl_easy_setopt with a long argument (timeouts, flags).
static inline CURLcode credeau_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

// Stands in for curl_easy_setopt with a string argument; libcurl copies the string
// (https://curl.se/libcurl/c/curl_easy_setopt.html, "Strings passed to libcurl as 'char *'
// arguments, are copied by the library").
static inline CURLcode credeau_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

// Stands in for curl_easy_setopt with a pointer argument (header lists, callback data, bodies).
static inline CURLcode credeau_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

// Stands in for curl_easy_setopt(CURLOPT_POSTFIELDSIZE_LARGE, size).
static inline CURLcode credeau_curl_set_post_size(CURL *handle, curl_off_t size) {
    return curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, size);
}

typedef size_t (*credeau_curl_write_callback)(char *data, size_t size, size_t count, void *context);

// Stands in for curl_easy_setopt(CURLOPT_WRITEFUNCTION, callback).
static inline CURLcode credeau_curl_set_write_function(CURL *handle, credeau_curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

// Stands in for the variadic curl_easy_getinfo(CURLINFO_RESPONSE_CODE).
static inline long credeau_curl_response_code(CURL *handle) {
    long code = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    return code;
}

// Stands in for the variadic curl_easy_getinfo(CURLINFO_NUM_CONNECTS): new connections the
// last transfer opened, 0 when it reused a kept-alive one.
static inline long credeau_curl_new_connections(CURL *handle) {
    long count = 0;
    curl_easy_getinfo(handle, CURLINFO_NUM_CONNECTS, &count);
    return count;
}
// Stands in for the variadic curl_easy_getinfo(CURLINFO_CONTENT_TYPE): the last transfer's
// Content-Type header, NULL when it had none. libcurl owns the text until the next transfer.
static inline const char *credeau_curl_content_type(CURL *handle) {
    char *type = NULL;
    curl_easy_getinfo(handle, CURLINFO_CONTENT_TYPE, &type);
    return type;
}
#endif
