import SuretyJSON

extension FaultPlan {
    /// Reads a plan from a faults file's bytes, reporting every problem with its line, column and pointer in one
    /// ``FaultPlanError``; `knownEndpoints` catches misspelled ids.
    public init(bytes: [UInt8], file: String, knownEndpoints: Set<String>) throws(FaultPlanError) {
        let document: JSONDocument
        do {
            document = try JSONParser().parse(bytes)
        } catch {
            throw FaultPlanError(diagnostics: [Diagnostic(syntaxError: error, file: file)])
        }
        var reader = LocatedReader(document: document, file: file)
        reader.reportDuplicateKeys()
        self.init()
        let root = document.root
        guard document.kind(root) == .object else {
            reader.error("expected an object with default and endpoints", at: root, .root)
            throw FaultPlanError(diagnostics: reader.diagnostics)
        }
        for member in document.members(root) {
            let pointer = JSONPointer(tokens: [member.key])
            switch member.key {
            case "default": defaultFault = Self.fault(member.valueIndex, at: pointer, &reader)
            case "endpoints":
                guard document.kind(member.valueIndex) == .object else {
                    reader.error("expected an object of endpoint ids", at: member.valueIndex, pointer)
                    continue
                }
                for entry in document.members(member.valueIndex) {
                    guard knownEndpoints.contains(entry.key) else {
                        reader.error("unknown endpoint id" + EditDistance.didYouMean(EditDistance.closest(to: entry.key, among: knownEndpoints.sorted())),
                                     at: entry.keyIndex, pointer.appending(entry.key))
                        continue
                    }
                    endpoints[entry.key] = Self.fault(entry.valueIndex, at: pointer.appending(entry.key), &reader)
                }
            default: reader.error("unknown key; expected default or endpoints", at: member.keyIndex, pointer)
            }
        }
        guard reader.diagnostics.isEmpty else { throw FaultPlanError(diagnostics: reader.diagnostics.sorted()) }
    }

    /// One endpoint's (or the default) fault; each bad member is reported and left at its default.
    private static func fault(_ node: Int, at pointer: JSONPointer, _ reader: inout LocatedReader) -> Fault {
        var fault = Fault()
        let document = reader.document
        guard document.kind(node) == .object else {
            reader.error("expected an object", at: node, pointer)
            return fault
        }
        for member in document.members(node) {
            let at = pointer.appending(member.key)
            let value = member.valueIndex
            switch member.key {
            case "latency":
                let text: String? = switch document.kind(value) {
                case .string: document.string(value)
                case .number: document.numberLiteral(value)
                default: nil
                }
                guard let range = text.flatMap(parseLatency) else {
                    reader.error("expected milliseconds, 120 or \"50-200\"", at: value, at)
                    continue
                }
                fault.latency = range
            case "failRate":
                guard document.kind(value) == .number, let rate = Double(document.numberLiteral(value)), (0...1).contains(rate) else {
                    reader.error("expected a number from 0 to 1", at: value, at)
                    continue
                }
                fault.failRate = rate
            case "failStatus":
                guard document.kind(value) == .number, let status = JSONNumber(literal: document.numberLiteral(value)).intValue, (500...599).contains(status) else {
                    reader.error("expected a 5xx status", at: value, at)
                    continue
                }
                fault.failStatus = status
            default: reader.error("unknown key; expected latency, failRate or failStatus", at: member.keyIndex, at)
            }
        }
        return fault
    }
}
