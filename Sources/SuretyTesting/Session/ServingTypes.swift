import SuretyServing

/// A run-time stub: the same type `surety serve` pins from `POST /__surety/stubs`.
public typealias Stub = SuretyServing.Stub
/// The request journal: the same type `surety serve` answers `GET /__surety/requests` from.
public typealias Journal = SuretyServing.Journal
