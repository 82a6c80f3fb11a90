/// Group of words that the contact and fraud features look for in contact names and texts.
public enum KeywordFamily: String, CaseIterable, Sendable {
    /// Lenders, NBFCs and loan words (`loan`, `finance`, `kreditbee`).
    case lender
    /// Banks and bank staff (`sbi`, `hdfc`, `bank`).
    case bank
    /// Collection, recovery and legal words (`recovery`, `advocate`, `court`).
    case recoveryLegal = "recovery_legal"
    /// Relatives, in English and in Hindi transliterations and script (`papa`, `didi`, `भाई`).
    case family
    /// Workplace words (`office`, `boss`, `hr`).
    case work
}

/// One keyword found in a text.
public struct KeywordMatch: Sendable, Equatable {
    public var family: KeywordFamily
    /// The table keyword that matched, in its normalised form (`team lead`).
    public var keyword: String
}

/// Finds keyword families in contact names and short texts.
///
/// The table is data: `family<TAB>keyword` lines with `#` comments. A keyword is one or more
/// words, and it matches whole words of the text. Both are lower-cased and split at anything that
/// is not a letter, mark or digit, so `papa` matches `Papa ji` but not `papad`. A word that
/// matches nothing is tried again without a trailing honorific `ji` (`mummyji` matches `mummy`).
public final class KeywordCatalog: Sendable {
    /// Families of each single-word keyword.
    private let singleWords: [String: [KeywordFamily]]
    /// Multi-word keywords, keyed by their first word.
    private let phrases: [String: [(words: [String], family: KeywordFamily)]]

    /// Number of keywords in the table.
    public let count: Int

    /// The catalogue built from the compiled-in table.
    public static let standard: KeywordCatalog = {
        do {
            return try KeywordCatalog(tsv: KeywordTable.defaultTSV)
        } catch {
            preconditionFailure("The compiled-in keyword table is invalid: \(error)")
        }
    }()

    /// Builds a catalogue from table text. The same keyword listed twice in one family is an error.
    public init(tsv: String, origin: String = "compiled-in keyword table") throws(CatalogError) {
        var singleWords: [String: [KeywordFamily]] = [:]
        var phrases: [String: [(words: [String], family: KeywordFamily)]] = [:]
        var seen: Set<String> = []
        for row in try CatalogTSV.rows(tsv, origin: origin, minimumColumns: 2, maximumColumns: 2) {
            guard let family = KeywordFamily(rawValue: row.columns[0]) else {
                throw .invalidLine(
                    origin: origin, line: row.lineNumber, reason: "unknown keyword family '\(row.columns[0])'")
            }
            let words = Self.words(in: row.columns[1])
            guard let first = words.first else {
                throw .invalidLine(origin: origin, line: row.lineNumber, reason: "keyword has no letters or digits")
            }
            guard seen.insert(family.rawValue + "\t" + words.joined(separator: " ")).inserted else {
                throw .invalidLine(
                    origin: origin, line: row.lineNumber,
                    reason: "duplicate keyword '\(row.columns[1])' in family '\(family.rawValue)'")
            }
            if words.count == 1 {
                singleWords[first, default: []].append(family)
            } else {
                phrases[first, default: []].append((words, family))
            }
        }
        self.singleWords = singleWords
        self.phrases = phrases
        self.count = seen.count
    }

    /// Returns the families whose keywords occur in a contact name or text.
    public func families(in text: String) -> Set<KeywordFamily> {
        Set(matches(in: text).map(\.family))
    }

    /// Returns every keyword occurrence in a text, in text order.
    public func matches(in text: String) -> [KeywordMatch] {
        let words = Self.words(in: text)
        var found: [KeywordMatch] = []
        for index in words.indices {
            var word = words[index]
            if singleWords[word] == nil, phrases[word] == nil, let bare = Self.droppingHonorific(word) {
                word = bare
            }
            for family in singleWords[word] ?? [] {
                found.append(KeywordMatch(family: family, keyword: word))
            }
            for phrase in phrases[word] ?? [] where words[(index + 1)...].starts(with: phrase.words.dropFirst()) {
                found.append(KeywordMatch(family: phrase.family, keyword: phrase.words.joined(separator: " ")))
            }
        }
        return found
    }

    /// Returns the word without a trailing `ji` when at least three letters remain, else nil.
    private static func droppingHonorific(_ word: String) -> String? {
        guard word.count > 4, word.hasSuffix("ji") else { return nil }
        return String(word.dropLast(2))
    }

    /// Splits text into lower-case words of letters, combining marks and digits.
    static func words(in text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return asciiWords(in: text)
        }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            let isWordPart = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || category == .nonspacingMark || category == .spacingMark
            if isWordPart {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty {
            words.append(String(current))
        }
        return words
    }

    /// Splits ASCII text on bytes. It gives the same words as the Unicode path about six times
    /// faster (one million names, -O build), and most contact names are ASCII.
    private static func asciiWords(in text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x61...0x7A, 0x30...0x39:
                current.append(byte)
            case 0x41...0x5A:
                current.append(byte + 0x20)
            default:
                if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty {
            words.append(String(decoding: current, as: UTF8.self))
        }
        return words
    }
}
