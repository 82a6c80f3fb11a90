/// The sections of a LightGBM text model, as `Booster.save_model()` writes it, split into
/// `key=value` fields that remember their line numbers. Values are parsed by the model builder.
///
/// Layout: a `tree` line, header fields (`num_class=`, `objective=`, `feature_names=`, …, and a
/// bare `average_output` line for random forests), one block per tree starting `Tree=N`, the
/// line `end of trees`, feature importances, a `parameters:` block of `[key: value]` lines and a
/// final `pandas_categorical:` line.
struct LightGBMModelText {
    struct Field {
        var value: Substring
        /// 1-based line number in the model file.
        var line: Int
    }

    struct TreeBlock {
        var index: Int
        var line: Int
        var fields: [Substring: Field]
    }

    private enum Section {
        case header, trees, importances, parameters, tail
    }

    var header: [Substring: Field] = [:]
    var hasAverageOutput = false
    var trees: [TreeBlock] = []
    /// Training parameters by name, from the `[key: value]` lines.
    var parameters: [Substring: Substring] = [:]
    /// The JSON after `pandas_categorical:`; nil when the line is absent.
    var pandasCategorical: Field?

    init(text: String, file: String) throws(ScoreModelError) {
        var section = Section.header
        var sawTreeLine = false
        var lineNumber = 0
        // Swift reads "\r\n" as one newline character, so files saved on Windows split the same way.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            if line.isEmpty { continue }
            if !sawTreeLine {
                guard line == "tree" else {
                    throw .invalidModel(
                        file: file, line: lineNumber,
                        reason: "expected the first line 'tree' of a LightGBM text model, found something else "
                            + "(a pickle, JSON dump or binary file is not accepted)")
                }
                sawTreeLine = true
                continue
            }
            if line.hasPrefix("pandas_categorical:") {
                pandasCategorical = Field(value: line.dropFirst("pandas_categorical:".count), line: lineNumber)
                section = .tail
                continue
            }
            switch section {
            case .header, .trees:
                if line == "end of trees" {
                    section = .importances
                } else if line.hasPrefix("Tree=") {
                    try startTree(line, lineNumber: lineNumber, file: file)
                    section = .trees
                } else if section == .header, line == "average_output" {
                    hasAverageOutput = true
                } else {
                    try addField(line, lineNumber: lineNumber, section: section, file: file)
                }
            case .importances:
                if line == "parameters:" { section = .parameters }
            case .parameters:
                if line == "end of parameters" {
                    section = .tail
                } else if line.first == "[", line.last == "]", let colon = line.firstIndex(of: ":") {
                    let key = line[line.index(after: line.startIndex)..<colon]
                    let value = line[line.index(after: colon)..<line.index(before: line.endIndex)]
                    parameters[key] = value.drop { $0 == " " }
                }
            case .tail:
                continue
            }
        }
        guard sawTreeLine else { throw .invalidModel(file: file, line: nil, reason: "the file is empty") }
        guard section != .header && section != .trees else {
            throw .invalidModel(file: file, line: nil, reason: "the line 'end of trees' is missing, so the file is cut short")
        }
    }

    private mutating func startTree(_ line: Substring, lineNumber: Int, file: String) throws(ScoreModelError) {
        guard let index = Int(line.dropFirst("Tree=".count)), index == trees.count else {
            throw .invalidModel(file: file, line: lineNumber, reason: "expected 'Tree=\(trees.count)', found '\(line)'")
        }
        trees.append(TreeBlock(index: index, line: lineNumber, fields: [:]))
    }

    private mutating func addField(
        _ line: Substring, lineNumber: Int, section: Section, file: String
    ) throws(ScoreModelError) {
        guard let equals = line.firstIndex(of: "=") else {
            throw .invalidModel(file: file, line: lineNumber, reason: "expected 'key=value', found '\(line.prefix(60))'")
        }
        let field = Field(value: line[line.index(after: equals)...], line: lineNumber)
        let key = line[..<equals]
        if section == .header {
            header[key] = field
        } else {
            trees[trees.count - 1].fields[key] = field
        }
    }
}
