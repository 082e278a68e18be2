//! The journal's storage: one SQLite file (WAL, foreign keys, busy timeout),
//! schema by embedded ordered migrations, one query module per table.

mod error;
pub mod migrations;
mod open;

pub mod absences;
pub mod calendar_files;
pub mod cases;
pub mod desks;
pub mod documents;
pub mod events;
pub mod file_check;
pub mod ledger;
pub mod maintenance;
pub mod outgoing;
pub mod queues;
pub mod reports;
pub mod requests;
pub mod salvage;
pub mod search;
pub mod service_versions;
pub mod settings;
pub mod sign_in_log;
pub mod users;

pub use error::StoreError;
pub use open::{is_busy, Store, BUSY_TIMEOUT, JOURNAL_FILE};
pub use rusqlite::Connection;
