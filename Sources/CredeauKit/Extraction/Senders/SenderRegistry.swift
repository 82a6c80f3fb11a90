import Foundation

/// An institution behind one DLT header.
public struct SenderInfo: Sendable, Equatable {
    /// Bare header in upper case, without operator/circle prefix or message-type suffix (`HDFCBK`);
    /// empty for an institution that only the alias table names.
    public var header: String
    /// Institution name in lower case, as the extracted entry carries it (`hdfc bank`).
    public var name: String
    public var type: SenderType
    /// Evidence for the mapping: comma-separated source codes defined in docs/senders.md.
    public var source: String
}

/// What a raw `sms_sender` value turned out to be.
public enum SenderKind: String, Sendable {
    /// An alphabetic DLT header (`VM-HDFCBK-S`).
    case header
    /// A numeric header, which DLT assigns to promotional senders (`AX-650018`).
    case numericHeader = "numeric_header"
    /// A person's phone number (10 digits, optionally with +91 or a leading 0).
    case phoneNumber = "phone_number"
    /// Missing or empty.
    case unknown
}

/// An institution named in an SMS body, found by `SenderRegistry.institutionMention(inLowercasedBody:)`.
public struct InstitutionMention: Sendable, Equatable {
    /// The alias that matched, in the table's matching form (`idfc first bank`, `-sbi`).
    public var alias: String
    /// The institution, as its first header row in the header table describes it; `header` is empty
    /// for institutions that only the alias table names.
    public var info: SenderInfo
}

/// A normalised sender: the bare key used for lookups, its kind, and the institution if known.
public struct SenderLookup: Sendable, Equatable {
    /// Lower-case bare header (`hdfcbk`) or the phone number's digits; "" when the sender is missing.
    public var key: String
    public var kind: SenderKind
    public var info: SenderInfo?
}

/// Maps DLT headers to institutions, and institution names in SMS bodies to the same institutions.
///
/// Both tables are data: tab-separated lines of four columns with `#` comments. The header table
/// has `header`, `institution`, `type`, `source`; the alias table has `alias`, `institution`,
/// `type`, `source`. The default tables are compiled into the binary (`SenderTable.defaultTSV`,
/// `InstitutionAliasTable.defaultTSV`); an operator can load others with `init(tsv:aliasTSV:)` or
/// `load(headerTablePath:aliasTablePath:)`. docs/senders.md describes the format and the sources.
public final class SenderRegistry: Sendable {
    private let byHeader: [String: SenderInfo]
    private let orderedEntries: [SenderInfo]
    private let aliasMatcher: InstitutionAliasMatcher

    /// Number of headers in the header table.
    public var count: Int { byHeader.count }
    /// Header rows in table order.
    public var entries: [SenderInfo] { orderedEntries }
    /// Number of aliases in the alias table.
    public var aliasCount: Int { aliasMatcher.count }

    /// The registry built from the compiled-in header and alias tables.
    public static let standard: SenderRegistry = {
        do {
            return try SenderRegistry(tsv: SenderTable.defaultTSV, aliasTSV: InstitutionAliasTable.defaultTSV)
        } catch {
            preconditionFailure("The compiled-in sender tables are invalid: \(error)")
        }
    }()

    /// Builds a registry from a header table and an optional alias table.
    ///
    /// Each alias must name an institution with a type that the header table gives it, or an
    /// institution that the header table does not name at all. Pass an empty `aliasTSV` for no
    /// body lookup.
    /// - Parameters:
    ///   - origin: name of the header table in error messages.
    ///   - aliasOrigin: name of the alias table in error messages.
    /// - Throws: `SenderTableError.invalidLine` with the 1-based line number of the first bad line.
    public init(
        tsv: String, aliasTSV: String = "", origin: String = "compiled-in sender table",
        aliasOrigin: String = "compiled-in alias table"
    ) throws {
        let headers = try SenderTableParser.headers(from: tsv, origin: origin)
        let aliases = try SenderTableParser.aliases(from: aliasTSV, origin: aliasOrigin, headers: headers)
        var table: [String: SenderInfo] = [:]
        for info in headers {
            table[info.header] = info
        }
        byHeader = table
        orderedEntries = headers
        aliasMatcher = InstitutionAliasMatcher(aliases: aliases)
    }

    /// Loads a registry from table files, for operators who replace the compiled-in tables.
    /// - Parameter aliasTablePath: nil for no body lookup.
    /// - Throws: `SenderTableError.unreadableFile` or `SenderTableError.invalidLine`.
    public static func load(headerTablePath: String, aliasTablePath: String? = nil) throws -> SenderRegistry {
        let headerTSV = try readTable(at: headerTablePath)
        let aliasTSV = try aliasTablePath.map(readTable(at:)) ?? ""
        return try SenderRegistry(
            tsv: headerTSV, aliasTSV: aliasTSV, origin: headerTablePath, aliasOrigin: aliasTablePath ?? "")
    }

    /// Normalises a raw sender and looks up its institution.
    public func lookup(_ rawSender: String?) -> SenderLookup {
        let normalised = SenderNormaliser.normalise(rawSender)
        guard normalised.kind == .header || normalised.kind == .numericHeader else {
            return SenderLookup(key: normalised.key, kind: normalised.kind, info: nil)
        }
        return SenderLookup(key: normalised.key.lowercased(), kind: normalised.kind, info: byHeader[normalised.key])
    }

    /// Returns the row of a bare header (`HDFCBK`, any case), or nil.
    public func info(forHeader header: String) -> SenderInfo? {
        byHeader[header.uppercased()]
    }

    /// Finds the institution that an SMS body names, for SMS whose sender is unknown.
    ///
    /// `body` must already be lower-cased (`body.lowercased()`). When several aliases occur, a
    /// sign-off at the end (`- cred`) wins, then a financial institution over a merchant, operator
    /// or government body, then the longest alias. An alias inside a longer one never counts, so
    /// `state bank of india` is not reported as `bank of india`.
    /// > Note: A body that names only a merchant still returns the merchant, even when a bank sent
    /// > it without a sign-off ("spent at UBER"); callers should trust a known header over this.
    public func institutionMentioned(inLowercasedBody body: String) -> SenderInfo? {
        institutionMention(inLowercasedBody: body)?.info
    }

    /// Finds the institution that an ASCII-lower-cased UTF-8 body names; see the `String` overload.
    public func institutionMentioned(inLowercasedBody body: [UInt8]) -> SenderInfo? {
        body.withUnsafeBufferPointer { aliasMatcher.bestMention(in: $0)?.info }
    }

    /// Finds the institution that an ASCII-lower-cased UTF-8 body names, without copying it.
    func institutionMentioned(inLowercasedBytes body: UnsafeBufferPointer<UInt8>) -> SenderInfo? {
        aliasMatcher.bestMention(in: body)?.info
    }

    /// Finds the best alias in a lower-cased body, with the alias that matched.
    public func institutionMention(inLowercasedBody body: String) -> InstitutionMention? {
        var body = body
        return body.withUTF8 { aliasMatcher.bestMention(in: $0) }
    }

    private static func readTable(at path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SenderTableError.unreadableFile(path: path, reason: error.localizedDescription)
        }
    }
}
