/// An Aho-Corasick automaton that evaluates every keyword gate of one rule pack in a single
/// pass over a body.
///
/// Every `any` list of the pack becomes a `KeywordGate`. The automaton is built once over the
/// union of the lists' keywords, and each state stores the gates that its matching keywords open.
/// One pass over the lower-cased body sets a bit per open gate, and a gate check is then one
/// bit test. A gate opens exactly when one of its keywords occurs as a byte substring of the
/// lower-cased body, which is what a `memchr` + `memcmp` search per keyword decides.
///
/// The tables live in raw memory that is written once in `init` and only read afterwards, which
/// makes sharing one instance between threads safe and keeps the scan free of array retains.
final class KeywordAutomaton: @unchecked Sendable {
    /// Number of 64-bit words of the per-body gate bit set.
    let gateWords: Int
    /// Byte to its column in the transition table. Bytes that occur in no keyword share column 0.
    private let byteClass: UnsafeMutablePointer<UInt8>
    private let classCount: Int
    /// The transition table: `table[row + class]`, where `row` is a state times `classCount`, is
    /// the next state's row. Entries have 16 bits when every row fits (79 KB for the standard
    /// pack), else 32 bits.
    private let transitions: Transitions
    /// States are numbered so that those that open a gate come last: reaching a row at or past
    /// `firstOpeningRow` is the test for "some gate opens here". The others follow breadth-first
    /// order, so the root and the shallow states that most bytes visit share a few cache lines.
    private let firstOpeningRow: Int
    /// `gateMasks[(state - firstOpeningState) * gateWords ..< ... + gateWords]` are the gates opened
    /// on reaching an opening state, through its own keyword or one that ends there as a suffix.
    private let gateMasks: UnsafeMutablePointer<UInt64>
    private let maskCount: Int
    private let firstOpeningState: Int

    private enum Transitions {
        case narrow(UnsafeMutablePointer<UInt16>, count: Int)
        case wide(UnsafeMutablePointer<UInt32>, count: Int)
    }

    /// Builds the automaton for `gates`, where gate `index` is opened by any keyword of
    /// `gates[index]`. An empty keyword never opens a gate, as a substring search never finds it.
    init(gates: [[Keyword]]) {
        let words = max(1, (gates.count + 63) / 64)
        gateWords = words
        var trie = KeywordTrie()
        for (gate, keywords) in gates.enumerated() {
            for keyword in keywords where !keyword.bytes.isEmpty {
                trie.insert(keyword.bytes, gate: gate)
            }
        }

        var classes = [UInt8](repeating: 0, count: 256)
        var nextClass: UInt8 = 1
        for byte in trie.bytesUsed.sorted() {
            classes[Int(byte)] = nextClass
            nextClass += 1
        }
        let columns = Int(nextClass)
        classCount = columns

        // Transitions and gate masks by trie state, completed in breadth-first order: a state's
        // failure state is nearer the root, so its row and mask are already complete.
        let order = trie.breadthFirstOrder
        let states = trie.states.count
        var next = [Int](repeating: 0, count: states * columns)
        var masks = [UInt64](repeating: 0, count: states * words)
        for state in order {
            let failure = trie.states[state].failure
            for gate in trie.states[state].gates {
                masks[state * words + gate >> 6] |= 1 << UInt64(gate & 63)
            }
            if state != 0 {
                for word in 0..<words {
                    masks[state * words + word] |= masks[failure * words + word]
                }
            }
            // Column 0 (bytes that occur in no keyword) stays 0, because such a byte always leads back to the root.
            for byte in 0..<256 where classes[byte] != 0 {
                let column = Int(classes[byte])
                if let child = trie.states[state].children[UInt8(byte)] {
                    next[state * columns + column] = child
                } else if state != 0 {
                    next[state * columns + column] = next[failure * columns + column]
                }
            }
        }

        // Renumber: states that open no gate first, in breadth-first order (the root stays 0),
        // then the opening ones.
        let opens = (0..<states).map { state in (0..<words).contains { masks[state * words + $0] != 0 } }
        let ordered = order.filter { !opens[$0] } + order.filter { opens[$0] }
        var number = [Int](repeating: 0, count: states)
        for (position, state) in ordered.enumerated() { number[state] = position }
        let openingStart = ordered.count - opens.filter { $0 }.count
        firstOpeningState = openingStart
        firstOpeningRow = openingStart * columns

        var rows = [Int](repeating: 0, count: states * columns)
        var openingMasks = [UInt64](repeating: 0, count: max(1, (states - openingStart) * words))
        for state in 0..<states {
            let renumbered = number[state]
            for column in 0..<columns {
                rows[renumbered * columns + column] = number[next[state * columns + column]] * columns
            }
            if renumbered >= openingStart {
                for word in 0..<words {
                    openingMasks[(renumbered - openingStart) * words + word] = masks[state * words + word]
                }
            }
        }
        if rows.count <= Int(UInt16.max) {
            transitions = .narrow(Self.copy(rows.map { UInt16($0) }), count: rows.count)
        } else {
            transitions = .wide(Self.copy(rows.map { UInt32($0) }), count: rows.count)
        }
        byteClass = Self.copy(classes)
        gateMasks = Self.copy(openingMasks)
        maskCount = openingMasks.count
    }

    deinit {
        byteClass.deinitialize(count: 256).deallocate()
        switch transitions {
        case let .narrow(table, count): table.deinitialize(count: count).deallocate()
        case let .wide(table, count): table.deinitialize(count: count).deallocate()
        }
        gateMasks.deinitialize(count: maskCount).deallocate()
    }

    /// Bits per transition entry: 16, or 32 for a table of more than 65,535 entries.
    var entryBits: Int {
        switch transitions {
        case .narrow: 16
        case .wide: 32
        }
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeMutablePointer<Element> {
        let memory = UnsafeMutablePointer<Element>.allocate(capacity: array.count)
        memory.initialize(from: array, count: array.count)
        return memory
    }

    /// Clears `hits` (`gateWords` words) and sets the bit of every gate that a keyword in `text` opens.
    /// `ends` has room for `gateWords * 64` entries. For each gate the text opens, `ends[gate]` gets
    /// the offset just past the first keyword of that gate to end in `text`. Other entries keep
    /// their values.
    func scan(_ text: UnsafeBufferPointer<UInt8>, into hits: UnsafeMutablePointer<UInt64>,
              ends: UnsafeMutablePointer<Int32>) {
        hits.update(repeating: 0, count: gateWords)
        switch transitions {
        case let .narrow(table, _): walk(text, table, into: hits, ends: ends)
        case let .wide(table, _): walk(text, table, into: hits, ends: ends)
        }
    }

    @inline(__always)
    private func walk<Row: FixedWidthInteger>(_ text: UnsafeBufferPointer<UInt8>, _ table: UnsafeMutablePointer<Row>,
                                              into hits: UnsafeMutablePointer<UInt64>, ends: UnsafeMutablePointer<Int32>) {
        let words = gateWords
        let columns = classCount
        let classes = byteClass
        let masks = gateMasks
        let opening = firstOpeningRow
        let firstOpening = firstOpeningState
        var row = 0
        for position in 0..<text.count {
            row = Int(table[row + Int(classes[Int(text[position])])])
            if row >= opening {
                let first = (row / columns - firstOpening) * words
                for word in 0..<words {
                    // Only gates opened for the first time are recorded, so this runs once per gate.
                    var fresh = masks[first + word] & ~hits[word]
                    guard fresh != 0 else { continue }
                    hits[word] |= fresh
                    while fresh != 0 {
                        ends[word << 6 | fresh.trailingZeroBitCount] = Int32(truncatingIfNeeded: position + 1)
                        fresh &= fresh - 1
                    }
                }
            }
        }
    }
}

/// An `any` list of a rule pack, compiled to one bit of the per-body gate set.
struct KeywordGate: Sendable {
    /// The gate's bit in `KeywordAutomaton` output, or nil for an empty list, which always passes.
    let bit: Int?
    /// The list as written in the pack, lower-cased, kept for tests and diagnostics.
    let keywords: [Keyword]
}

/// Assigns gate bits while a rule pack compiles, so equal keyword lists share one bit.
final class KeywordGateCollector {
    private(set) var gates: [[Keyword]] = []
    private var bitsByList: [[[UInt8]]: Int] = [:]

    func gate(for texts: [String]?) -> KeywordGate {
        let keywords = (texts ?? []).map(Keyword.init)
        if keywords.isEmpty { return KeywordGate(bit: nil, keywords: []) }
        let key = keywords.map(\.bytes)
        if let bit = bitsByList[key] { return KeywordGate(bit: bit, keywords: keywords) }
        let bit = gates.count
        gates.append(keywords)
        bitsByList[key] = bit
        return KeywordGate(bit: bit, keywords: keywords)
    }
}

/// The keyword trie with failure links, the first step of building `KeywordAutomaton`.
private struct KeywordTrie {
    struct State {
        var children: [UInt8: Int] = [:]
        var failure = 0
        var gates: [Int] = []
    }

    var states = [State()]
    var bytesUsed: Set<UInt8> = []

    mutating func insert(_ bytes: [UInt8], gate: Int) {
        var state = 0
        for byte in bytes {
            bytesUsed.insert(byte)
            if let child = states[state].children[byte] {
                state = child
            } else {
                states.append(State())
                states[state].children[byte] = states.count - 1
                state = states.count - 1
            }
        }
        states[state].gates.append(gate)
    }

    /// States in breadth-first order, with each state's failure link set on the way.
    var breadthFirstOrder: [Int] {
        mutating get {
            var order = [0]
            var next = 0
            while next < order.count {
                let state = order[next]
                next += 1
                for (byte, child) in states[state].children.sorted(by: { $0.key < $1.key }) {
                    var fallback = states[state].failure
                    if state == 0 {
                        fallback = 0
                    } else {
                        while fallback != 0, states[fallback].children[byte] == nil {
                            fallback = states[fallback].failure
                        }
                        fallback = states[fallback].children[byte] ?? 0
                    }
                    states[child].failure = fallback
                    order.append(child)
                }
            }
            return order
        }
    }
}
