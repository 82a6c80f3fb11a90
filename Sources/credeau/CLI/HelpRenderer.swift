import CredeauKit

/// Renders help and usage text in the OVERVIEW / USAGE / OPTIONS / SUBCOMMANDS layout.
enum HelpRenderer {
    static func render(_ spec: CommandSpec) -> String {
        var text = "OVERVIEW: \(spec.abstract)\n"
        if let discussion = spec.discussion {
            text += "\n\(discussion)\n"
        }
        text += "\nUSAGE: \(spec.usage)\n\nOPTIONS:\n"
        text += renderOptions(spec.allOptions)
        return text
    }

    static func renderOptions(_ options: [OptionSpec]) -> String {
        let labels = options.map(label)
        let width = min(34, (labels.map(\.count).max() ?? 0) + 2)
        var text = ""
        for (option, label) in zip(options, labels) {
            var help = option.help
            if let defaultValue = option.defaultValue {
                help += " (default: \(defaultValue))"
            }
            if label.count + 2 > width {
                text += "  \(label)\n" + String(repeating: " ", count: width + 2) + "\(help)\n"
            } else {
                text += "  " + label.padding(to: width) + help + "\n"
            }
        }
        return text
    }

    private static func label(_ option: OptionSpec) -> String {
        var label = option.short.map { "-\($0), " } ?? ""
        label += "--\(option.name)"
        if let valueName = option.valueName {
            label += " <\(valueName)>"
        }
        return label
    }

    /// The three-line message for a usage error, written to standard error.
    static func usageError(_ error: any CredeauError, usage: String, helpCommand: String) -> String {
        "Error: \(error.description)\nUsage: \(usage)\n  See '\(helpCommand)' for more information.\n"
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
