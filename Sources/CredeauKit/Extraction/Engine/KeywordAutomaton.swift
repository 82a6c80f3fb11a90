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
    /// Byte to its column in `transitions`. Bytes that occur in no keyword share column 0.
    private let byteClass: UnsafeMutablePointer<UInt8>
    private let classCount: Int
    /// `transitions[row + class]`, where `row` is a state times `classCount`, is the next state's
    /// row shifted left once, with bit 0 set when that state opens a gate. The DFA is complete,
    /// so the pass never follows a failure link.
    private let transitions: UnsafeMutablePointer<Int32>
    private let transitionCount: Int
    /// `gateMasks[state * gateWords ..< (state + 1) * gateWords]` are the gates opened on reaching
    /// `state`, through its own keyword or any keyword that ends there as a suffix.
    private let gateMasks: UnsafeMutablePointer<UInt64>
    private let maskCount: Int

    /// Builds the automaton for `gates`, where gate `index` is opened by any keyword of
    /// `gates[index]`. An empty keyword never opens a gate, as a substring search never finds it.
    init(gates: [[Keyword]]) {
        gateWords = max(1, (gates.count + 63) / 64)
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
        classCount = Int(nextClass)

        let states = trie.states.count
        var table = [Int32](repeating: 0, count: states * classCount)
        var masks = [UInt64](repeating: 0, count: states * gateWords)
        for state in trie.breadthFirstOrder {
            // A state opens its own gates and those of its failure state, which is nearer the
            // root and so already complete in breadth-first order.
            let failure = trie.states[state].failure
            for gate in trie.states[state].gates {
                masks[state * gateWords + gate >> 6] |= 1 << UInt64(gate & 63)
            }
            if state != 0 {
                for word in 0..<gateWords {
                    masks[state * gateWords + word] |= masks[failure * gateWords + word]
                }
            }
            // Column 0 (bytes that occur in no keyword) stays 0, because such a byte always leads back to the root.
            for byte in 0..<256 where classes[byte] != 0 {
                let column = Int(classes[byte])
                let next: Int
                if let child = trie.states[state].children[UInt8(byte)] {
                    next = child
                } else if state == 0 {
                    next = 0
                } else {
                    next = Int(table[failure * classCount + column] >> 1) / classCount
                }
                table[state * classCount + column] = Int32((next * classCount) << 1)
            }
        }
        let words = gateWords
        let columns = classCount
        for index in table.indices {
            let next = Int(table[index] >> 1) / columns
            let opens = (0..<words).contains { masks[next * words + $0] != 0 }
            if opens { table[index] |= 1 }
        }
        byteClass = Self.copy(classes)
        transitions = Self.copy(table)
        transitionCount = table.count
        gateMasks = Self.copy(masks)
        maskCount = masks.count
    }

    deinit {
        byteClass.deinitialize(count: 256).deallocate()
        transitions.deinitialize(count: transitionCount).deallocate()
        gateMasks.deinitialize(count: maskCount).deallocate()
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeMutablePointer<Element> {
        let memory = UnsafeMutablePointer<Element>.allocate(capacity: array.count)
        memory.initialize(from: array, count: array.count)
        return memory
    }

    /// Clears `hits` (`gateWords` words) and sets the bit of every gate that a keyword in `text` opens.
    func scan(_ text: UnsafeBufferPointer<UInt8>, into hits: UnsafeMutablePointer<UInt64>) {
        hits.update(repeating: 0, count: gateWords)
        let words = gateWords
        let columns = classCount
        let classes = byteClass
        let table = transitions
        let masks = gateMasks
        var row = 0
        for byte in text {
            let entry = Int(table[row + Int(classes[Int(byte)])])
            row = entry >> 1
            if entry & 1 != 0 {
                let first = row / columns * words
                for word in 0..<words {
                    hits[word] |= masks[first + word]
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
