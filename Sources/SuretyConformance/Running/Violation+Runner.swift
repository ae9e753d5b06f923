extension Violation.Rule {
    /// A scenario step or a negative probe expected another status than the backend answered.
    public static let expectedStatus = Violation.Rule(rawValue: "expectedStatus")
    /// A scenario step expected another value at a pointer of the response body.
    public static let expectedValue = Violation.Rule(rawValue: "expectedValue")
    /// A list endpoint documented to answer an empty list for an unknown reference answered items.
    public static let expectedEmptyList = Violation.Rule(rawValue: "expectedEmptyList")
}
