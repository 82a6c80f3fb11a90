import CBSON

/// Splits a `mongodump` BSON file into documents with libbson's `bson_reader_t`.
enum BSONFileScanner {
    static func scan(_ file: InputFile, progress: (Int64) -> Void, visit: (ScanItem) throws -> Void) throws {
        var error = bson_error_t()
        guard let reader = bson_reader_new_from_file(file.path, &error) else {
            throw SMSInputError.unreadable(path: file.displayName, reason: "libbson cannot open the file")
        }
        defer { bson_reader_destroy(reader) }

        var documentNumber = 0
        var reachedEnd = false
        while true {
            let offset = Int64(bson_reader_tell(reader))
            guard let document = bson_reader_read(reader, &reachedEnd) else { break }
            documentNumber += 1
            guard let data = bson_get_data(document) else { break }
            let length = BSONDocument.declaredLength(data)
            let span = DocumentSpan(offset: offset, length: length, location: RecordLocation(document: documentNumber))
            try visit(.document(span, UnsafeRawBufferPointer(start: data, count: length)))
            if documentNumber % 256 == 0 { progress(offset + Int64(length)) }
        }

        // bson_reader_read stops quietly at a partial trailing document, so compare the position
        // reached with the file size to notice a truncated dump.
        let end = Int64(bson_reader_tell(reader))
        progress(file.size)
        if !reachedEnd || end < file.size {
            // A length prefix larger than the rest of the file looks like a file cut short, but may
            // hide whole documents after it, so both cases count as a file not read to its end.
            let reason = reachedEnd
                ? "truncated document: \(file.size - end) bytes at offset \(end) do not form a whole BSON document "
                + "(the file was cut short, or a length prefix is larger than the rest of the file)"
                : "corrupt document at offset \(end): invalid length prefix; the last \(file.size - end) bytes of the file "
                + "are not read, because the documents after it cannot be found"
            try visit(.unreadable(RecordLocation(document: documentNumber + 1), reason: reason, losesRest: true))
        }
    }
}
