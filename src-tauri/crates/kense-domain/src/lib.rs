//! Kense domain: every rule of the office that can be stated without I/O.
//! Time, locale and data are always passed in; nothing here reads a clock or a file.

pub mod base32;
pub mod calendar;
pub mod case;
pub mod dates;
pub mod deadline;
pub mod error;
pub mod iin;
pub mod journal;
pub mod limit;
pub mod numbering;
pub mod regulation;
pub mod report;
pub mod schedule;
pub mod search;
pub mod sign_in;
pub mod text;
pub mod types;
pub mod user;
pub mod workflow;

pub use error::{DomainError, ErrorCode};
