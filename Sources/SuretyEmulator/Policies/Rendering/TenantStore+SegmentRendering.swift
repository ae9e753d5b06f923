import Foundation
import SuretyJSON
import SuretySchemas

extension TenantStore {
    /// A `SegmentResponse`, with the newer API's `transactionLocator` (`semantics.md` §8: emit the newer shape; the
    /// contract declares it optional, inferred).
    public func render(segment: Segment) -> JSONValue {
        let end = segmentEnd(segment)
        var members: [JSONMember] = [
            JSONMember(key: "locator", value: .string(segment.locator)),
            JSONMember(key: "startTime", value: .string(segment.startTime.rfc3339(fractional: true))),
            JSONMember(key: "endTime", value: .string(end.rfc3339(fractional: true))),
            JSONMember(key: "duration", value: Self.number(duration(from: segment.startTime, to: end, termLocator: segment.termLocator))),
            JSONMember(key: "element", value: render(element: segment.element, parent: segment.locator)),
            JSONMember(key: "segmentType", value: .string(segment.kind.rawValue)),
        ]
        if let basedOn = segment.basedOn { members.append(JSONMember(key: "basedOn", value: .string(basedOn))) }
        members.append(JSONMember(key: "transactionLocator", value: .string(segment.transactionLocator)))
        return .object(members)
    }

    /// An `ElementResponse` (the contract's members, inferred from this): the root's `parentLocator` is itself (`semantics.md` §3).
    public func render(element: Element, parent: String) -> JSONValue {
        .object([
            "locator": .string(element.locator), "staticLocator": .string(element.staticLocator), "type": .string(element.type),
            "parentLocator": .string(parent), "data": element.data,
            "coverageTerms": .object(element.coverageTerms.sorted { $0.key < $1.key }.map { JSONMember(key: $0.key, value: .string($0.value)) }),
            "originalEffectiveTime": .string(element.originalEffectiveTime.rfc3339(fractional: true)),
            "elements": .array(element.children.map { render(element: $0, parent: element.locator) }),
        ])
    }

    /// A period's duration in its policy's basis, anchored at its term's start.
    func duration(from start: Timestamp, to end: Timestamp, termLocator: String) -> Decimal {
        guard let term = terms[termLocator], let policy = policies[term.policyLocator] else { return 0 }
        return calculator(for: policy, term: term).duration(from: start, to: end)
    }
}
