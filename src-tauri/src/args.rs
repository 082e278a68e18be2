//! Command-line options of the window: where the journal is, demo mode, a set clock.

use std::path::PathBuf;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Args {
    pub data_dir: Option<PathBuf>,
    pub demo: bool,
    pub now: Option<String>,
    pub user: Option<String>,
}

impl Args {
    /// Reads `--data-dir DIR`, `--demo`, `--now RFC3339`, `--user LOGIN` (also as `--opt=value`).
    /// Unknown arguments are ignored: the WebDriver and desktop launchers may add their own.
    pub fn parse(items: impl IntoIterator<Item = String>) -> Args {
        let mut args = Args::default();
        let mut items = items.into_iter();
        while let Some(item) = items.next() {
            let (name, inline) = match item.split_once('=') {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (item.clone(), None),
            };
            let mut value = || inline.clone().or_else(|| items.next());
            match name.as_str() {
                "--data-dir" => args.data_dir = value().map(PathBuf::from),
                "--now" => args.now = value(),
                "--user" => args.user = value(),
                "--demo" => args.demo = true,
                _ => {}
            }
        }
        args
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_forms_and_ignores_the_rest() {
        let a = Args::parse(
            [
                "--data-dir",
                "/tmp/k",
                "--now=2026-11-23T10:00:00+05:00",
                "--demo",
                "-psn_0",
            ]
            .map(String::from),
        );
        assert_eq!(a.data_dir, Some(PathBuf::from("/tmp/k")));
        assert_eq!(a.now.as_deref(), Some("2026-11-23T10:00:00+05:00"));
        assert!(a.demo);
        assert_eq!(a.user, None);
    }
}
