import Testing
@testable import SuretySchemas

@Suite struct FormatsTests {
    @Test(arguments: [
        ("01ARZ3NDEKTSV4RRFFQ69G5FAV", true), ("7ZZZZZZZZZZZZZZZZZZZZZZZZZ", true), ("01arz3ndektsv4rrffq69g5fav", true),
        ("81ARZ3NDEKTSV4RRFFQ69G5FAV", false), ("01ARZ3NDEKTSV4RRFFQ69G5FA", false), ("01ARZ3NDEKTSV4RRFFQ69G5FAVX", false),
        ("01ARZ3NDEKTSV4RRFFQ69G5FAI", false), ("01ARZ3NDEKTSV4RRFFQ69G5FAL", false), ("01ARZ3NDEKTSV4RRFFQ69G5FAO", false),
        ("01ARZ3NDEKTSV4RRFFQ69G5FAU", false), ("01ARZ3NDEKTSV4RRFFQ69G5FA-", false),
    ])
    func ulids(text: String, valid: Bool) {
        #expect(Formats.matches(text, .ulid) == valid)
        #expect(Formats.matches(text, .locator) == valid)
    }

    @Test(arguments: [
        ("123e4567-e89b-12d3-a456-426614174000", true), ("123E4567-E89B-12D3-A456-426614174000", true),
        ("123e4567e89b12d3a456426614174000", false), ("123e4567-e89b-12d3-a456-42661417400", false),
        ("123e4567-e89b-12d3-a456-42661417400g", false), ("{123e4567-e89b-12d3-a456-426614174000}", false),
        ("123e4567-e89b-12d3-a456-42661-174000", false), ("123e4567xe89b-12d3-a456-426614174000", false),
    ])
    func uuids(text: String, valid: Bool) {
        #expect(Formats.matches(text, .uuid) == valid)
    }

    @Test(arguments: [
        ("2024-08-23T16:33:06.195973Z", true), ("2024-08-23T16:33:06Z", true), ("2024-08-23T16:33:06+05:30", true),
        ("2024-08-23t16:33:06z", true), ("2024-02-29T00:00:00Z", true), ("2000-02-29T23:59:59-00:00", true),
        ("2023-02-29T00:00:00Z", false), ("1900-02-29T00:00:00Z", false), ("2024-04-31T00:00:00Z", false),
        ("2024-08-23T24:00:00Z", false), ("2024-08-23T23:60:00Z", false), ("2024-12-31T23:59:60Z", false),
        ("2024-08-23T16:33:06", false), ("2024-08-23 16:33:06Z", false), ("2024-08-23T16:33:06.Z", false),
        ("2024-08-23T16:33:06+0530", false), ("2024-08-23T16:33:06+24:00", false), ("0000-01-01T00:00:00Z", false),
        ("2024-13-01T00:00:00Z", false), ("2024-00-10T00:00:00Z", false), ("2024-08-23", false),
    ])
    func dateTimes(text: String, valid: Bool) {
        #expect(Formats.matches(text, .datetime) == valid)
    }
}
