//! The log support can read: one file per day in `logs/` of the data folder
//! (`kense.YYYY-MM-DD.log`, the last 30 kept), set up by the CLI and the window.
//! Errors are logged with their whole source chain; nothing logged names an
//! applicant or carries a PIN (events name cases by number, users by login).

use std::path::Path;

use tracing_appender::rolling::{RollingFileAppender, Rotation};

pub const LOG_FOLDER: &str = "logs";
const KEEP_FILES: usize = 30;

/// Starts logging into `data_dir/logs/`. Returns false (and logs nothing) when
/// the folder cannot be written, e.g. a read-only data folder.
pub fn init(data_dir: &Path, program: &str) -> bool {
    // The appender prunes old files before it creates the folder, and says so
    // on stderr when the folder is missing: make it first.
    if std::fs::create_dir_all(data_dir.join(LOG_FOLDER)).is_err() {
        return false;
    }
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("kense")
        .filename_suffix("log")
        .max_log_files(KEEP_FILES)
        .build(data_dir.join(LOG_FOLDER));
    let Ok(appender) = appender else {
        return false;
    };
    let filter = tracing_subscriber::filter::LevelFilter::INFO;
    use tracing_subscriber::layer::SubscriberExt as _;
    use tracing_subscriber::util::SubscriberInitExt as _;
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(appender)
        .with_ansi(false)
        .with_target(false);
    let ok = tracing_subscriber::registry()
        .with(layer)
        .with(filter)
        .try_init()
        .is_ok();
    if ok {
        tracing::info!(program, version = env!("CARGO_PKG_VERSION"), "started");
    }
    ok
}

/// An error with every source under it, for `error = %…` fields.
pub fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
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
