import Foundation
import SuretyJSON
import SuretySchemas

/// The billing values in the shapes of `installments.json` and `installment-lattices.json`.
extension InstallmentLattice {
    /// An `InstallmentLatticeResponse`.
    public var jsonValue: JSONValue {
        let calculator = DurationCalculator(basis: durationBasis, timeZoneIdentifier: timeZone, termStart: termStart)
        var members: [JSONMember] = [
            JSONMember(key: "locator", value: .string(locator)),
            JSONMember(key: "accountLocator", value: .string(accountLocator)),
            JSONMember(key: "effectiveTime", value: .string(effectiveTime.rfc3339(fractional: true))),
            JSONMember(key: "currency", value: .string(currency)),
            JSONMember(key: "timezone", value: .string(timeZone)),
            JSONMember(key: "reversalLattice", value: .bool(isReversal)),
            JSONMember(key: "termEndTime", value: .string(termEnd.rfc3339(fractional: true))),
            JSONMember(key: "termStartTime", value: .string(termStart.rfc3339(fractional: true))),
            JSONMember(key: "createdAt", value: .string(createdAt.rfc3339(fractional: true))),
            JSONMember(key: "createdBy", value: .string(createdBy)),
            JSONMember(key: "frames", value: .array(frames.map { $0.jsonValue(calculator) })),
        ]
        for (key, value) in [("policyLocator", policyLocator), ("termLocator", termLocator), ("basedOnLocator", basedOnLocator),
                             ("quoteLocator", quoteLocator), ("settingsLocator", settingsLocator)] {
            if let value { members.append(JSONMember(key: key, value: .string(value))) }
        }
        return .object(members)
    }
}

extension LatticeFrame {
    /// An `InstallmentLatticeFrame`, durations in the calculator's basis.
    func jsonValue(_ calculator: DurationCalculator) -> JSONValue {
        .object([
            "dueTime": .string(dueTime.rfc3339(fractional: true)), "generateTime": .string(generateTime.rfc3339(fractional: true)),
            "autopayTime": .string(autopayTime.rfc3339(fractional: true)),
            "coverageDuration": TenantStore.number(calculator.duration(from: coverageStart, to: coverageEnd)),
            "coverageEndTime": .string(coverageEnd.rfc3339(fractional: true)), "coverageStartTime": .string(coverageStart.rfc3339(fractional: true)),
            "installmentDuration": TenantStore.number(calculator.duration(from: installmentStart, to: installmentEnd)),
            "installmentEndTime": .string(installmentEnd.rfc3339(fractional: true)), "installmentStartTime": .string(installmentStart.rfc3339(fractional: true)),
            "normalizedWeight": TenantStore.number(normalizedWeight),
        ])
    }
}

extension Installment {
    /// An `Installment`.
    public var jsonValue: JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "locator", value: .string(locator)),
            JSONMember(key: "accountLocator", value: .string(accountLocator)),
            JSONMember(key: "installmentLatticeLocator", value: .string(latticeLocator)),
            JSONMember(key: "dueTime", value: .string(dueTime.rfc3339(fractional: true))),
            JSONMember(key: "generateTime", value: .string(generateTime.rfc3339(fractional: true))),
            JSONMember(key: "currency", value: .string(currency)),
            JSONMember(key: "timezone", value: .string(timeZone)),
            JSONMember(key: "coverageDuration", value: TenantStore.number(coverageDuration)),
            JSONMember(key: "coverageEndTime", value: .string(coverageEnd.rfc3339(fractional: true))),
            JSONMember(key: "coverageStartTime", value: .string(coverageStart.rfc3339(fractional: true))),
            JSONMember(key: "installmentDuration", value: TenantStore.number(installmentDuration)),
            JSONMember(key: "installmentEndTime", value: .string(installmentEnd.rfc3339(fractional: true))),
            JSONMember(key: "installmentFrameIndex", value: .integer(frameIndex)),
            JSONMember(key: "installmentStartTime", value: .string(installmentStart.rfc3339(fractional: true))),
            JSONMember(key: "updatedAt", value: .string(updatedAt.rfc3339(fractional: true))),
            JSONMember(key: "updatedBy", value: .string(updatedBy)),
            JSONMember(key: "createdAt", value: .string(createdAt.rfc3339(fractional: true))),
            JSONMember(key: "createdBy", value: .string(createdBy)),
            JSONMember(key: "installmentItems", value: .array(items.map { item(json: $0) })),
        ]
        for (key, value) in [("policyLocator", policyLocator), ("termLocator", termLocator), ("transactionLocator", transactionLocator),
                             ("quoteLocator", quoteLocator), ("reversalOfInstallmentLocator", reversalOfInstallmentLocator)] {
            if let value { members.append(JSONMember(key: key, value: .string(value))) }
        }
        members.append(JSONMember(key: "autopayTime", value: .string(autopayTime.rfc3339(fractional: true))))
        return .object(members)
    }

    func item(json item: Item) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "locator", value: .string(item.locator)),
            JSONMember(key: "chargeLocator", value: .string(item.chargeLocator)),
            JSONMember(key: "elementLocator", value: .string(item.elementLocator)),
            JSONMember(key: "elementStaticLocator", value: .string(item.elementStaticLocator)),
            JSONMember(key: "installmentLocator", value: .string(locator)),
            JSONMember(key: "amount", value: .number(TenantStore.amount(item.amountMinorUnits, scale: currencyScale))),
            JSONMember(key: "chargeCategory", value: .string(item.chargeCategory)),
            JSONMember(key: "chargeType", value: .string(item.chargeType)),
            JSONMember(key: "createdAt", value: .string(createdAt.rfc3339(fractional: true))),
            JSONMember(key: "createdBy", value: .string(createdBy)),
        ]
        if let reversal = item.reversalOfItemLocator { members.append(JSONMember(key: "reversalOfInstallmentItemLocator", value: .string(reversal))) }
        return .object(members)
    }
}

extension SettingsRecord {
    /// A `Settings` (with `createdAt` and `createdBy`) or, with `withAudit: false`, a `SettingsResponse`.
    public func jsonValue(withAudit: Bool) -> JSONValue {
        var members = [JSONMember(key: "locator", value: .string(locator)),
                       JSONMember(key: "installmentSettings", value: settings.jsonValue)]
        if withAudit {
            members += [JSONMember(key: "createdAt", value: .string(createdAt.rfc3339(fractional: true))),
                        JSONMember(key: "createdBy", value: .string(createdBy))]
        }
        return .object(members)
    }
}
