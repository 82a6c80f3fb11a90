import Testing
@testable import CredeauKit

/// Enum columns of `extracted_sms` are read from the row's bytes through `RawValueTable`. They
/// must give what reading the text and calling `init(rawValue:)` gives, for any stored value.
@Suite struct RawValueTableTests {
    private static func storedValues<Value: RawRepresentable>(_ cases: [Value]) -> [SQLiteValue] where Value.RawValue == String {
        var values: [SQLiteValue] = [.null, .integer(1), .real(1.5), .text(""), .text(" "), .text("\u{0}"), .text("x"),
                                     .text("b\u{E4}nk"), .text("upi\u{301}"), .text("\u{212A}"), .blob(Array("bank".utf8))]
        for value in cases {
            let raw = value.rawValue
            values += [.text(raw), .text(raw.uppercased()), .text(raw + " "), .text(" " + raw), .text(raw + "\u{0}tail"),
                       .text(String(raw.dropLast())), .text(raw + "s"), .text(raw + "\u{301}"), .blob(Array(raw.utf8))]
        }
        return values
    }

    /// Compares the table read with the String read for every stored value.
    private static func check<Value: RawRepresentable & Equatable>(_ table: RawValueTable<Value>, _ cases: [Value]) throws
        where Value.RawValue == String
    {
        let database = try SQLiteDatabase(path: ":memory:", walMode: false)
        for stored in storedValues(cases) {
            let statement = try database.prepare("SELECT ?")
            try statement.bind([stored])
            #expect(try statement.step())
            let row = ExtractedSMSSQLiteRow(statement: statement)
            let expected = row.text(at: 0).flatMap(Value.init(rawValue:))

            #expect(row.rawCase(at: 0, in: table) == expected, "stored \(stored)")
        }
    }

    @Test func matchesStringRead() throws {
        try Self.check(ExtractedSMSRowCodec.Cases.smsType, SMSType.allCases)
        try Self.check(ExtractedSMSRowCodec.Cases.senderType, SenderType.allCases)
        try Self.check(ExtractedSMSRowCodec.Cases.accountType, AccountType.allCases)
        try Self.check(ExtractedSMSRowCodec.Cases.transactionDirection, [TransactionDirection.debit, .credit])
        try Self.check(ExtractedSMSRowCodec.Cases.transactionChannel, TransactionChannel.allCases)
    }

    @Test func findsEveryCase() {
        for value in SMSType.allCases {
            var raw = value.rawValue
            let found = raw.withUTF8 { ExtractedSMSRowCodec.Cases.smsType.value(utf8: UnsafeRawBufferPointer($0)) }
            #expect(found == value)
        }
    }

    @Test func emptyRawValue() {
        enum Mark: String, CaseIterable, Sendable { case none = "", some = "s" }
        let table = RawValueTable(Mark.allCases)

        #expect(table.value(utf8: UnsafeRawBufferPointer(start: nil, count: 0)) == Mark.none)
        #expect("s".utf8.withContiguousStorageIfAvailable { table.value(utf8: UnsafeRawBufferPointer($0)) } == Mark.some)
        #expect("t".utf8.withContiguousStorageIfAvailable { table.value(utf8: UnsafeRawBufferPointer($0)) } == .some(nil))
    }
}
