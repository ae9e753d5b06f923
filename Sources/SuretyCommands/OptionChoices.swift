/// The words of an option whose value is a choice, as usage text shows them: `text|json`.
func choices<Choice: CaseIterable & RawRepresentable>(_: Choice.Type) -> String where Choice.RawValue == String {
    Choice.allCases.map(\.rawValue).joined(separator: "|")
}

/// `--format` of `lint`, `routes`, `schemas` and `validate`: a text report or JSON.
enum OutputFormat: String, Sendable, CaseIterable {
    case text, json

    /// What a command writes without `--format`.
    static let defaultFormat = OutputFormat.text

    /// Whether the output is JSON.
    var isJSON: Bool {
        switch self {
        case .text: false
        case .json: true
        }
    }
}

/// `--format` of `diff`: text, JSON or Markdown.
enum DiffFormat: String, Sendable, CaseIterable {
    case text, json, markdown

    /// What `diff` writes without `--format`.
    static let defaultFormat = DiffFormat.text
}

/// `--coverage` of `check`: the summary of optional properties and enum values, or every one of them.
enum CoverageDetail: String, Sendable, CaseIterable {
    case summary, full

    /// What `check` reports without `--coverage`.
    static let defaultDetail = CoverageDetail.summary
}
