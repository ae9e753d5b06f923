/// The emulator's validation rule: every element's type is one of the product's, with its required data present.
///
/// Stands in for the platform's config validation and Validation plugin [D Q]; a fixture makes a validation fail
/// by listing `requiredData` for an element type and a change that leaves a key out.
public enum ElementValidator {
    /// The findings for a tree, one per element with errors, depth first; empty when valid.
    public static func findings(for root: Element, product: Product) -> [ValidationFinding] {
        var findings: [ValidationFinding] = []
        root.forEachInTree { element in
            var errors: [String] = []
            if let type = product.elementType(element.type) {
                for key in type.requiredData where element.data[key] == nil || element.data[key] == .null {
                    errors.append("data.\(key) is required")
                }
            } else {
                errors.append("element type \(element.type) is not defined by product \(product.name)")
            }
            if !errors.isEmpty { findings.append(ValidationFinding(locator: element.locator, elementType: element.type, errors: errors)) }
        }
        return findings
    }
}
