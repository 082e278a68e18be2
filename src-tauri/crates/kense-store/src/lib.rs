//! The journal's storage: one SQLite file (WAL, foreign keys, busy timeout),
//! schema by embedded ordered migrations, one query module per table.

mod error;
mod migrations;
mod open;

pub mod cases;
pub mod maintenance;
pub mod settings;

pub use error::StoreError;
pub use open::Store;
