/// The category lists that LightGBM's Python package stores on the `pandas_categorical:` line
/// when a model is trained on a pandas DataFrame with `category` columns.
///
/// At prediction, Python replaces each value of such a column by its position in the training
/// categories, and a value outside them by NaN. The lists follow the DataFrame's category
/// columns in order, which are the `categorical_feature` parameter's columns when that
/// parameter was left at 'auto'.
struct PandasCategories: Sendable {
    /// Category positions of one column, for text and for numeric categories.
    struct Column: Sendable {
        var textCodes: [String: Double] = [:]
        var numberCodes: [Double: Double] = [:]

        /// Returns the code LightGBM receives for `value`: its position, or NaN when it is not a category.
        func code(for value: FeatureValue) -> Double {
            switch value {
            case let .string(text): return textCodes[text] ?? .nan
            case let .integer(number): return numberCodes[Double(number)] ?? .nan
            case let .double(number): return numberCodes[number] ?? .nan
            case .null: return .nan
            }
        }
    }

    /// Columns by model feature index.
    private(set) var columns: [Int: Column] = [:]

    init() {}

    /// Matches the `pandas_categorical` JSON to the `categorical_feature` parameter.
    init(text: LightGBMModelText, featureCount: Int, file: String) throws(ScoreModelError) {
        guard let field = text.pandasCategorical else { return }
        let json = field.value.trimmingSpaces()
        if json == "null" || json.isEmpty { return }
        let fail = { (reason: String) in ScoreModelError.invalidModel(file: file, line: field.line, reason: reason) }
        let lists: [JSONValue]
        do {
            guard let array = try JSONParser.parse(String(json)).arrayValue else { throw fail("pandas_categorical is not a JSON list") }
            lists = array
        } catch let error as JSONParseError {
            throw fail("pandas_categorical is not valid JSON (\(error.reason))")
        } catch {
            throw fail("pandas_categorical is not valid JSON")
        }
        let declared = text.parameters["categorical_feature"] ?? ""
        let indexes = declared.split(separator: ",").compactMap { Int($0.trimmingSpaces()) }.filter { (0..<featureCount).contains($0) }
        guard indexes.count == lists.count, indexes.count == declared.split(separator: ",").count else {
            throw fail("the \(lists.count) pandas category columns do not match the categorical_feature parameter "
                       + "'\(declared)'; train with categorical_feature='auto' and unordered category columns")
        }
        for (feature, list) in zip(indexes, lists) {
            guard let categories = list.arrayValue else { throw fail("a pandas category list is not a list") }
            var column = Column()
            for (position, category) in categories.enumerated() {
                switch category {
                case let .string(value): column.textCodes[value] = Double(position)
                case let .integer(value): column.numberCodes[Double(value)] = Double(position)
                case let .number(value): column.numberCodes[value] = Double(position)
                default: throw fail("category \(position) of feature \(feature) is neither text nor a number")
                }
            }
            columns[feature] = column
        }
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        guard let first = firstIndex(where: { $0 != " " }), let last = lastIndex(where: { $0 != " " }) else { return "" }
        return self[first...last]
    }
}
