//! Regulations as versioned data. Each state service is a TOML file (see
//! `assets/regulations/`) read into a `ServiceDefinition`; a `Catalog` keeps
//! every valid version, and edits produce new versions. Text comes in, values
//! go out: no files, no clock.

mod catalog;
mod channel_limits;
mod date;
mod edit;
mod error;
mod locate;
mod model;
mod parse;
mod validate;

pub use catalog::Catalog;
pub use channel_limits::ChannelLimits;
pub use edit::{apply_edit, ServiceEdit, StepLimitEdit};
pub use error::{RegulationError, RejectedFile};
pub use model::{
    ActReference, Check, DocumentItem, Fee, LegalSource, Procedure, RefusalBranch, RefusalGround,
    ResultField, ResultKind, ServiceDefinition, Step, StepKind,
};
pub use parse::{parse_service, MAX_FILE_BYTES};
pub use validate::{MAX_ID_CHARS, MAX_LIST_ITEMS, MAX_PROCEDURES, MAX_STEPS, MAX_TEXT_CHARS};

#[cfg(test)]
mod tests;
