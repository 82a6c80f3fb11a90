/// Finds the best institution alias in a lower-case SMS body.
///
/// Matching rules, applied to ASCII bytes:
/// - an alias that starts or ends with a letter or digit matches only on a word boundary there, so
///   `cred` does not match inside `credited`;
/// - a space in an alias matches any run of whitespace (space, tab, CR, LF);
/// - punctuation in an alias (`-`, `&`, `'`, `/`) matches with or without whitespace around it, so
///   `-slice` also matches `- slice` and `l&t finance` matches `L & T Finance`;
/// - where aliases overlap, the longest one covering the text counts and the aliases inside it do
///   not, so `reserve bank of india` hides `bank of india`;
/// - among the aliases that remain, a sign-off beats any other: an alias after a dash with nothing
///   but whitespace and punctuation behind it (`... Settled instantly - CRED`), because that is
///   how the sender signs. Next, an alias of a financial institution (bank, card, NBFC, wallet,
///   insurer, investment platform) beats the rest, because bank SMS name merchants and operators
///   ("spent at FLIPKART"). After that the longest alias wins, by its length in the table, and
///   then the one that occurs first.
///
/// The aliases are bucketed by first byte and sorted longest first inside a bucket, so the first
/// alias that matches at a position is the longest there. The scan visits only word starts and
/// punctuation, and skips an alias whose second byte cannot match before comparing the rest.
struct InstitutionAliasMatcher: Sendable {
    private let aliasBytes: [UInt8]
    private let aliasStarts: [Int]
    private let aliasLengths: [Int]
    /// Rank of each alias among non-overlapping matches that are not sign-offs: its byte length,
    /// plus `financialBonus` for financial institutions.
    private let aliasScores: [Int]
    private let mentions: [InstitutionMention]
    /// `bucketBounds[b] ..< bucketBounds[b + 1]` are the indices of the aliases starting with byte `b`.
    private let bucketBounds: [Int]
    /// The byte that must follow the first one in the body, or 0 when the alias has no such fixed
    /// byte. Only an alias whose first two bytes are ASCII letters or digits has one, because
    /// spaces and punctuation in an alias match with optional white space around them.
    private let secondBytes: [UInt8]

    var count: Int { mentions.count }

    /// Larger than any alias length, so every financial alias outranks every other alias.
    private static let financialBonus = 1 << 20
    /// Larger than any other score, so a sign-off outranks every other match.
    private static let signOffBonus = 1 << 21

    private static func score(of alias: SenderTableParser.Alias) -> Int {
        let length = alias.text.utf8.count
        switch alias.info.type {
        case .bank, .card, .nbfc, .wallet, .insurance, .investment:
            return financialBonus + length
        case .telecom, .utility, .ecommerce, .government, .other:
            return length
        }
    }

    /// - Parameters:
    ///   - aliases: aliases in matching form (see `SenderTableParser.matchingForm(of:)`), in table order.
    ///   - filtersSecondByte: false turns off the second-byte check, so tests can compare both scans.
    init(aliases: [SenderTableParser.Alias], filtersSecondByte: Bool = true) {
        let order = aliases.indices.sorted { left, right in
            let leftFirst = aliases[left].text.utf8.first ?? 0
            let rightFirst = aliases[right].text.utf8.first ?? 0
            if leftFirst != rightFirst { return leftFirst < rightFirst }
            let leftLength = aliases[left].text.utf8.count, rightLength = aliases[right].text.utf8.count
            if leftLength != rightLength { return leftLength > rightLength }
            return left < right
        }

        var bytes: [UInt8] = []
        var starts: [Int] = []
        var lengths: [Int] = []
        var scores: [Int] = []
        var mentions: [InstitutionMention] = []
        var second: [UInt8] = []
        var bounds = [Int](repeating: 0, count: 257)
        for index in order {
            let alias = aliases[index]
            let utf8 = Array(alias.text.utf8)
            starts.append(bytes.count)
            lengths.append(utf8.count)
            scores.append(Self.score(of: alias))
            bytes.append(contentsOf: utf8)
            let hasFixedSecond = filtersSecondByte && utf8.count >= 2 && isASCIIAlphanumeric(utf8[0]) && isASCIIAlphanumeric(utf8[1])
            second.append(hasFixedSecond ? utf8[1] : 0)
            mentions.append(InstitutionMention(alias: alias.text, info: alias.info))
            bounds[Int(utf8[0]) + 1] += 1
        }
        for byte in 0..<256 {
            bounds[byte + 1] += bounds[byte]
        }

        aliasBytes = bytes
        aliasStarts = starts
        aliasLengths = lengths
        aliasScores = scores
        self.mentions = mentions
        bucketBounds = bounds
        secondBytes = second
    }

    /// Returns the best alias found in `body`, which must already be lower-cased (ASCII letters in
    /// upper case never match), or nil.
    func bestMention(in body: UnsafeBufferPointer<UInt8>) -> InstitutionMention? {
        var bestIndex = -1
        var bestScore = 0
        var coveredUntil = 0
        var previousIsWordByte = false
        var lastWordByteIndex = body.count - 1
        while lastWordByteIndex >= 0, !isASCIIAlphanumeric(body[lastWordByteIndex]) { lastWordByteIndex -= 1 }

        for position in 0..<body.count {
            let byte = body[position]
            let isWordByte = isASCIIAlphanumeric(byte)
            defer { previousIsWordByte = isWordByte }
            // Aliases starting with a letter or digit need a word boundary before them, and aliases
            // starting with punctuation start on that punctuation, so mid-word positions never match.
            if isWordByte && previousIsWordByte { continue }

            var candidate = bucketBounds[Int(byte)]
            let bucketEnd = bucketBounds[Int(byte) + 1]
            let nextByte = position + 1 < body.count ? body[position + 1] : 0
            while candidate < bucketEnd {
                let second = secondBytes[candidate]
                if second != 0, second != nextByte {
                    candidate += 1
                    continue
                }
                if let end = matchEnd(of: candidate, in: body, at: position) {
                    // A match that ends inside an earlier, longer match is part of that match.
                    if end > coveredUntil {
                        coveredUntil = end
                        var score = aliasScores[candidate]
                        if end > lastWordByteIndex, followsDash(candidate, in: body, at: position) {
                            score += Self.signOffBonus
                        }
                        if score > bestScore {
                            bestIndex = candidate
                            bestScore = score
                        }
                    }
                    break
                }
                candidate += 1
            }
        }
        return bestIndex >= 0 ? mentions[bestIndex] : nil
    }

    /// Returns the body index just after the alias when it matches at `position`, or nil.
    private func matchEnd(of index: Int, in body: UnsafeBufferPointer<UInt8>, at position: Int) -> Int? {
        let start = aliasStarts[index]
        let end = start + aliasLengths[index]
        var bodyIndex = position
        var aliasIndex = start

        while aliasIndex < end {
            let expected = aliasBytes[aliasIndex]
            if expected == 0x20 {
                guard bodyIndex < body.count, isASCIISpace(body[bodyIndex]) else { return nil }
                bodyIndex = indexAfterSpaces(in: body, from: bodyIndex)
            } else if isASCIIAlphanumeric(expected) {
                guard bodyIndex < body.count, body[bodyIndex] == expected else { return nil }
                bodyIndex += 1
            } else {
                if aliasIndex > start { bodyIndex = indexAfterSpaces(in: body, from: bodyIndex) }
                guard bodyIndex < body.count, body[bodyIndex] == expected else { return nil }
                bodyIndex += 1
                if aliasIndex + 1 < end { bodyIndex = indexAfterSpaces(in: body, from: bodyIndex) }
            }
            aliasIndex += 1
        }

        let endsWithWordByte = isASCIIAlphanumeric(aliasBytes[end - 1])
        if endsWithWordByte, bodyIndex < body.count, isASCIIAlphanumeric(body[bodyIndex]) { return nil }
        return bodyIndex
    }

    /// Tells whether the alias at `position` starts with a dash or has one before it, spaces apart.
    private func followsDash(_ index: Int, in body: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        if aliasBytes[aliasStarts[index]] == 0x2D { return true }
        var before = position - 1
        while before >= 0, isASCIISpace(body[before]) { before -= 1 }
        return before >= 0 && body[before] == 0x2D
    }

    @inline(__always)
    private func indexAfterSpaces(in body: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        while index < body.count, isASCIISpace(body[index]) { index += 1 }
        return index
    }
}
