//! See tests/ — this crate only holds the end-to-end tests.
