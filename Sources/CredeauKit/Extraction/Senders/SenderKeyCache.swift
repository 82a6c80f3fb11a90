/// The `SenderNormaliser` key of each raw sender seen so far.
///
/// One user's thousands of SMS come from a few dozen senders, so normalising each distinct
/// sender once saves most of the work of building their duplicate keys.
struct SenderKeyCache {
    private var keys: [RawSender: String] = [:]

    mutating func key(for rawSender: String?) -> String {
        guard let rawSender else { return SenderNormaliser.normalise(nil).key }
        let raw = RawSender(text: rawSender)
        if let key = keys[raw] { return key }
        let key = SenderNormaliser.normalise(rawSender).key
        keys[raw] = key
        return key
    }
}

/// A raw sender compared by its UTF-8 bytes.
///
/// `String` equality treats canonically equivalent text as equal (KELVIN SIGN U+212A equals `K`),
/// but the normaliser keeps only ASCII letters and digits, so two such senders can have different
/// keys and must not share a cache entry.
private struct RawSender: Hashable {
    let text: String

    static func == (lhs: RawSender, rhs: RawSender) -> Bool {
        // Comparing the contiguous bytes at once costs less than stepping through two UTF8Views.
        var left = lhs.text
        var right = rhs.text
        guard left.utf8.count == right.utf8.count else { return false }
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in leftBytes.elementsEqual(rightBytes) }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text  // withUTF8 is mutating: it makes the bytes contiguous when they are not.
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
