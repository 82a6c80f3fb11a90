#include "CSimdJSON.h"

#include <new>
#include <simdjson.h>

struct credeau_json_parser {
    simdjson::dom::parser parser;
};

extern "C" credeau_json_parser *credeau_json_parser_new(size_t max_depth) {
    auto *wrapper = new (std::nothrow) credeau_json_parser();
    if (wrapper == nullptr) { return nullptr; }
    // A small first capacity; parse() grows it to each document's size and keeps max_depth.
    if (wrapper->parser.allocate(4096, max_depth) != simdjson::SUCCESS) {
        delete wrapper;
        return nullptr;
    }
    return wrapper;
}

extern "C" void credeau_json_parser_free(credeau_json_parser *parser) {
    delete parser;
}

extern "C" int credeau_json_parse(credeau_json_parser *parser, const uint8_t *bytes, size_t length,
                                  credeau_json_tape *tape) {
    simdjson::dom::element root;
    simdjson::error_code error = parser->parser.parse(bytes, length, true).get(root);
    if (error != simdjson::SUCCESS) { return static_cast<int>(error); }

    const simdjson::dom::document &document = parser->parser.doc;
    const uint64_t rootWord = document.tape[0];
    tape->words = document.tape.get();
    tape->count = static_cast<size_t>(rootWord & simdjson::internal::JSON_VALUE_MASK);
    tape->strings = document.string_buf.get();
    return 0;
}
