//! "Save diagnostics": one plain-text file support can read — the versions
//! (program, schema, regulations, OS), the journal's chain head and size, and
//! the end of the newest log files. Logs hold no PINs and no applicants' data.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use kense_store::StoreError;

use crate::{CoreError, Office};

/// How much of each log file goes into the bundle (its end), and how many files.
const LOG_TAIL_BYTES: u64 = 256 * 1024;
const LOG_FILES: usize = 3;

fn os_name() -> String {
    std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|v| v.trim_matches('"').to_string())
        })
        .unwrap_or_else(|| std::env::consts::OS.to_string())
}

/// The newest log files in `logs/` of the data folder, newest first.
pub fn log_files(data_dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data_dir.join(crate::logging::LOG_FOLDER))
        .map(|e| e.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file());
    files.sort();
    files.reverse();
    files.truncate(LOG_FILES);
    files
}

fn tail(path: &Path) -> String {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(mut file) = std::fs::File::open(path) else {
        return String::new();
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let _ = file.seek(SeekFrom::Start(len.saturating_sub(LOG_TAIL_BYTES)));
    let mut bytes = Vec::new();
    let _ = file.read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Writes the bundle to `out` (never overwrites). `office` is `None` when the
/// journal could not be opened: the bundle then says why, and still has the logs.
pub fn save(
    office: Option<&Office>,
    data_dir: &Path,
    open_error: Option<&CoreError>,
    out: &Path,
) -> Result<PathBuf, CoreError> {
    let mut text = String::new();
    let w = &mut text;
    let _ = writeln!(w, "Kense diagnostics");
    let _ = writeln!(w, "program: kense {}", env!("CARGO_PKG_VERSION"));
    let _ = writeln!(
        w,
        "schema known: {}",
        kense_store::migrations::SCHEMA_VERSION
    );
    let _ = writeln!(
        w,
        "os: {} ({} {})",
        os_name(),
        std::env::consts::OS,
        std::env::consts::ARCH
    );
    let _ = writeln!(w, "data folder: {}", data_dir.display());
    let journal = data_dir.join(kense_store::JOURNAL_FILE);
    let size = std::fs::metadata(&journal).map(|m| m.len().to_string());
    let _ = writeln!(
        w,
        "journal file: {} bytes",
        size.unwrap_or_else(|e| e.to_string())
    );
    if let Some(e) = open_error {
        let _ = writeln!(
            w,
            "journal could not be opened: {}",
            e.0.iter()
                .map(|d| format!("{}: {}", d.code.as_str(), d.detail))
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    if let Some(office) = office {
        let schema = office.store().schema_version()?;
        let head = office.chain_head()?;
        let _ = writeln!(w, "journal schema: {schema}");
        let _ = writeln!(w, "read-only: {}", office.store().is_read_only());
        let _ = writeln!(w, "chain: {} lines, head {}", head.length, head.hash);
        let _ = writeln!(w, "cases: {}", office.case_count()?);
        let _ = writeln!(w, "backup folder: {}", office.backup_folder()?.display());
        let _ = writeln!(w, "regulations:");
        for service in office.catalog().services() {
            let versions: Vec<String> = office
                .catalog()
                .versions(&service.id)
                .iter()
                .map(|v| format!("v{} from {}", v.version, v.effective_from))
                .collect();
            let _ = writeln!(w, "  {}: {}", service.id, versions.join(", "));
        }
        for rejected in office.catalog().rejected() {
            let _ = writeln!(w, "  rejected file: {rejected:?}");
        }
    }
    let latest = crate::safety::backups::latest_for_data_dir(data_dir);
    let _ = writeln!(
        w,
        "latest backup: {}",
        latest
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "none".into())
    );
    for log in log_files(data_dir) {
        let _ = writeln!(w, "\n===== {} (end) =====", log.display());
        w.push_str(&tail(&log));
    }
    if out.exists() {
        return Err(StoreError::Io {
            path: out.display().to_string(),
            source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, "never overwritten"),
        }
        .into());
    }
    std::fs::write(out, text).map_err(|source| {
        CoreError::from(StoreError::Io {
            path: out.display().to_string(),
            source,
        })
    })?;
    tracing::info!(out = %out.display(), "diagnostics saved");
    Ok(out.to_path_buf())
}
