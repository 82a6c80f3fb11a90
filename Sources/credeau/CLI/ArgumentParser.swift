import CredeauKit

/// A usage error: the invocation itself is wrong, so the CLI prints usage and exits 2.
enum UsageError: CredeauError {
    case unknownOption(String, suggestion: String?)
    case missingValue(option: String, valueName: String)
    case unexpectedArgument(String)
    case invalidValue(option: String, value: String, reason: String)
    /// A positional argument outside its accepted values; `name` is its placeholder in the usage line.
    case invalidArgument(name: String, value: String, reason: String)
    case missingOption(String)
    case missingArgument(String)
    case conflictingOptions(String, String)
    case repeatedOption(String)

    var description: String {
        switch self {
        case let .unknownOption(option, suggestion):
            return "Unknown option '\(option)'" + (suggestion.map { ". Did you mean '--\($0)'?" } ?? "")
        case let .missingValue(option, valueName):
            return "Missing value for '--\(option) <\(valueName)>'"
        case let .unexpectedArgument(argument):
            return "Unexpected argument '\(argument)'"
        case let .invalidValue(option, value, reason):
            return "Invalid value '\(value)' for '--\(option)': \(reason)"
        case let .invalidArgument(name, value, reason):
            return "Invalid value '\(value)' for argument <\(name)>: \(reason)"
        case let .missingOption(option):
            return "Missing required option '--\(option)'"
        case let .missingArgument(name):
            return "Missing argument <\(name)>"
        case let .conflictingOptions(first, second):
            return "Options '--\(first)' and '--\(second)' cannot be used together"
        case let .repeatedOption(option):
            return "Option '--\(option)' is given more than once; pass it once"
        }
    }

    var exitCode: Int32 { ExitStatus.usage }
}

/// Options and positional arguments of one invocation, after parsing against a `CommandSpec`.
struct ParsedArguments {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The last value given for `name`, if any.
    func value(_ name: String) -> String? { values[name]?.last }

    func allValues(_ name: String) -> [String] { values[name] ?? [] }

    func required(_ name: String) throws -> String {
        guard let value = value(name) else { throw UsageError.missingOption(name) }
        return value
    }

    /// Parses `name` as a whole number in `range`, or nil when the option is absent.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError.invalidValue(option: name, value: text,
                                          reason: "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// Parses `arguments` (without the program and subcommand names).
    init(_ arguments: [String], spec: CommandSpec) throws {
        let options = spec.allOptions
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }

            var name: String
            var inlineValue: String?
            if argument.hasPrefix("--") {
                name = String(argument.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
            } else {
                guard argument.count == 2, let short = argument.last,
                      let option = options.first(where: { $0.short == short })
                else {
                    throw UsageError.unknownOption(argument, suggestion: nil)
                }
                name = option.name
            }

            guard let option = options.first(where: { $0.name == name }) else {
                throw UsageError.unknownOption(argument, suggestion: Self.nearestName(to: name, in: options.map(\.name)))
            }
            if option.isFlag {
                if let inlineValue {
                    throw UsageError.invalidValue(option: name, value: inlineValue, reason: "this option takes no value")
                }
                // A repeated flag is as much a slip as a repeated value (docs/cli.md); only a second
                // --help is let through, as it requests nothing else.
                let isNew = flags.insert(name).inserted
                guard isNew || option.repeatable || name == "help" else { throw UsageError.repeatedOption(name) }
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else {
                    throw UsageError.missingValue(option: name, valueName: option.valueName ?? "VALUE")
                }
                value = arguments[index]
                index += 1
            }
            // A second value would silently replace the first, so only repeatable options take several.
            if !option.repeatable, values[name] != nil { throw UsageError.repeatedOption(name) }
            values[name, default: []].append(value)
        }
    }

    /// The option name closest to a mistyped one, when the typo is small.
    static func nearestName(to name: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(name, $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(2, name.count / 3) else { return nil }
        return best
    }

    static func editDistance(_ first: String, _ second: String) -> Int {
        let a = Array(first), b = Array(second)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
