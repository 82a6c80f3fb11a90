/// Distinct keys in insertion order, found again through the caller's own 64-bit hash, with open
/// addressing and linear probing.
///
/// Swift's `Set` and `Dictionary` seed and finish SipHash on every insert and lookup. In a `perf`
/// profile of the feature benchmark that took about a tenth of the engine's time, in the two
/// tables the SMS preparation fills per user (docs/benchmarks.md, "Per-user tables without SipHash").
///
/// The callers' hashes are not keyed, and SMS senders and bodies come from borrowers' phones, so
/// crafted input could give many keys one slot and make every insert walk them all. A walk longer
/// than `maxProbes` therefore moves the table onto a `Dictionary`, whose seeded SipHash such input
/// cannot aim at, for the rest of its life.
struct OpenKeyTable<Key: Hashable> {
    /// Slots tried before the table gives up on the callers' hashes. Half-full slots with mixed
    /// hashes give walks of a few slots; 64 is far past what honest keys reach.
    static var maxProbes: Int { 64 }

    /// The keys, each once, in the order they were first inserted.
    private(set) var keys: [Key] = []
    private var hashes: [UInt64] = []
    /// Per slot, 0 for empty or the key's position in `keys` plus one.
    private var slots: [Int32]
    private var mask: Int
    /// Positions by key once a walk was too long; nil before.
    private var fallback: [Key: Int]?

    /// True once the table has moved onto a `Dictionary`.
    var usesFallback: Bool { fallback != nil }

    init(minimumCapacity: Int = 8) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        keys.reserveCapacity(minimumCapacity)
        hashes.reserveCapacity(minimumCapacity)
    }

    var count: Int { keys.count }

    /// Returns the position of `key` in `keys`, after appending it when it was not there, and
    /// whether it was appended. Equal keys must come with equal hashes.
    mutating func insert(_ key: Key, hash: UInt64) -> (position: Int, inserted: Bool) {
        if fallback != nil { return insertInFallback(key) }
        if (keys.count + 1) * 2 > slots.count { grow() }
        var slot = Self.slot(of: hash, mask: mask)
        for _ in 0..<Self.maxProbes {
            let entry = Int(slots[slot])
            if entry == 0 {
                keys.append(key)
                hashes.append(hash)
                slots[slot] = Int32(truncatingIfNeeded: keys.count)
                return (keys.count - 1, true)
            }
            if hashes[entry - 1] == hash, keys[entry - 1] == key { return (entry - 1, false) }
            slot = (slot + 1) & mask
        }
        var positions: [Key: Int] = [:]
        positions.reserveCapacity(keys.count * 2)
        for position in keys.indices { positions[keys[position]] = position }
        fallback = positions
        slots = []
        hashes = []
        return insertInFallback(key)
    }

    private mutating func insertInFallback(_ key: Key) -> (position: Int, inserted: Bool) {
        if let position = fallback?[key] { return (position, false) }
        fallback?[key] = keys.count
        keys.append(key)
        return (keys.count - 1, true)
    }

    /// Doubles the slots and places every key again; keys keep their positions.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for position in hashes.indices {
            var slot = Self.slot(of: hashes[position], mask: mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: position + 1)
        }
    }

    /// Spreads every bit of `hash` over the low bits that pick the slot (the finish of MurmurHash3).
    private static func slot(of hash: UInt64, mask: Int) -> Int {
        var mixed = hash ^ (hash >> 33)
        mixed &*= 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 33
        return Int(truncatingIfNeeded: mixed) & mask
    }
}
