/// The ISO 4217 minor units of currencies: how many decimals an amount in each currency has.
///
/// Amounts follow the currency, not a product setting: JPY has 0 decimals, USD 2, KWD 3. The table lists the current
/// codes whose minor unit is not 2 (ISO 4217 list one); every other code has 2.
public enum CurrencyMinorUnits {
    /// The current ISO 4217 codes whose minor unit is not 2 decimals, with their decimals.
    public static let exceptions: [String: Int] = [
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0, "RWF": 0, "UGX": 0,
        "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
        "CLF": 4, "UYW": 4,
    ]

    /// The decimals of an amount in `currency`: the table's for the listed codes, 2 for any other.
    public static func of(_ currency: String) -> Int { exceptions[currency.uppercased()] ?? 2 }
}
