//! Where the journal lives: `--data-dir`, else `KENSE_DATA_DIR`, else the OS app-data folder.

use std::path::PathBuf;

/// The folder name under the OS data folder, matching the app's identifier.
pub const APP_FOLDER: &str = "kz.kense.app";

pub fn resolve(arg: Option<PathBuf>, env: Option<String>) -> PathBuf {
    arg.or_else(|| env.filter(|s| !s.trim().is_empty()).map(PathBuf::from))
        .unwrap_or_else(default_dir)
}

pub fn default_dir() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_FOLDER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argument_wins_over_environment() {
        let got = resolve(Some("/a".into()), Some("/b".into()));
        assert_eq!(got, PathBuf::from("/a"));
        assert_eq!(resolve(None, Some("/b".into())), PathBuf::from("/b"));
        assert_eq!(resolve(None, Some("  ".into())), default_dir());
    }
}
