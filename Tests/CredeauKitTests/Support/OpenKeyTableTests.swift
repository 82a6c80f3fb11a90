import Testing
@testable import CredeauKit

/// Checks `OpenKeyTable` against a `Dictionary` of first positions, through growth and with
/// hashes that collide on purpose.
@Suite struct OpenKeyTableTests {
    @Test(arguments: [UInt64(0), 7, 0xFFFF_FFFF_FFFF_FFFF])
    func positionsMatchFirstInsertions(hashMask: UInt64) {
        var table = OpenKeyTable<Int>()
        var reference: [Int: Int] = [:]
        var order: [Int] = []
        var state: UInt64 = 12345
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let key = Int(state >> 50)
            // A mask of 0 gives every key the same hash, 7 gives eight hashes: probing must still
            // tell the keys apart by equality.
            let (position, inserted) = table.insert(key, hash: UInt64(key) & hashMask)
            if let known = reference[key] {
                #expect(!inserted)
                #expect(position == known)
            } else {
                #expect(inserted)
                #expect(position == order.count)
                reference[key] = order.count
                order.append(key)
            }
        }
        #expect(table.keys == order)
        #expect(table.count == reference.count)
        // One or eight hashes for thousands of keys make the walks long, so the table moves onto
        // a Dictionary; distinct hashes never do.
        #expect(table.usesFallback == (hashMask != .max))
    }
}
