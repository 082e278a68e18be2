use kense_domain::{DomainError, ErrorCode};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the journal file has schema version {found}, newer than this program knows ({known}); it was not modified — use a newer Kense")]
    SchemaTooNew { found: i64, known: i64 },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot create the data folder {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Domain(#[from] DomainError),
}

impl StoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            StoreError::Domain(e) => e.code,
            StoreError::Sqlite(e) if crate::open::is_busy(e) => ErrorCode::JournalBusy,
            _ => ErrorCode::StorageFailed,
        }
    }
}

impl From<StoreError> for DomainError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Domain(d) => d,
            other => DomainError::new(other.code(), other.to_string()),
        }
    }
}
