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
    #[error("there is no journal at {path} ({detail}); nothing was created")]
    JournalMissing { path: String, detail: String },
    #[error("{path} is an empty (zero-byte) file; it was left untouched")]
    JournalEmpty { path: String },
    #[error("{path} is not a Kense journal: {detail}; it was left untouched")]
    JournalForeign { path: String, detail: String },
    #[error("{path} is damaged: {detail}; it was left untouched")]
    JournalDamaged { path: String, detail: String },
    #[error("the journal is read-only here: {detail}")]
    ReadOnly { detail: String },
    #[error("a new journal is only created in an empty folder; {path} holds {found}")]
    FolderNotEmpty { path: String, found: String },
    #[error("the chain of history is broken: {0}")]
    ChainBroken(String),
    #[error("file operation on {path} failed: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

impl StoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            StoreError::Domain(e) => e.code,
            StoreError::Sqlite(e) if crate::open::is_busy(e) => ErrorCode::JournalBusy,
            StoreError::JournalMissing { .. } => ErrorCode::JournalMissing,
            StoreError::JournalEmpty { .. } => ErrorCode::JournalEmpty,
            StoreError::JournalForeign { .. } => ErrorCode::JournalForeign,
            StoreError::JournalDamaged { .. } => ErrorCode::JournalDamaged,
            StoreError::ReadOnly { .. } => ErrorCode::JournalReadOnly,
            StoreError::FolderNotEmpty { .. } => ErrorCode::FolderNotEmpty,
            StoreError::ChainBroken(_) => ErrorCode::ChainBroken,
            StoreError::Sqlite(e) => match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ReadOnly) => ErrorCode::JournalReadOnly,
                Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                    ErrorCode::JournalDamaged
                }
                Some(rusqlite::ErrorCode::DiskFull) => ErrorCode::DiskFull,
                _ => ErrorCode::StorageFailed,
            },
            StoreError::Io { source, .. } if source.raw_os_error() == Some(28) => {
                ErrorCode::DiskFull
            }
            _ => ErrorCode::StorageFailed,
        }
    }

    /// The error and every source under it, for logs ("a: b: c").
    pub fn chain(&self) -> String {
        let mut text = self.to_string();
        let mut source = std::error::Error::source(self);
        while let Some(s) = source {
            let next = s.to_string();
            if !text.contains(&next) {
                text.push_str(": ");
                text.push_str(&next);
            }
            source = s.source();
        }
        text
    }
}

impl From<StoreError> for DomainError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Domain(d) => d,
            other => DomainError::new(other.code(), other.chain()),
        }
    }
}
