//! lapkin's integration tests, one binary (as in typst and krilla): each
//! module tests one stage against the fixtures.

/// JSON → model: the fixtures' round trip, every invalid fixture's message,
/// the schema kept in sync.
mod model;
