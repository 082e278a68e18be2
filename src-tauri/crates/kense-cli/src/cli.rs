use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "kense-cli",
    version,
    about = "Kense (Кеңсе) office journal, headless"
)]
pub struct Cli {
    /// The journal's folder (default: $KENSE_DATA_DIR, else the OS app-data folder).
    #[arg(long, global = true)]
    pub data_dir: Option<PathBuf>,
    /// The office's "now", RFC 3339 (default: $KENSE_NOW, else the real clock).
    #[arg(long, global = true)]
    pub now: Option<String>,
    /// Who acts (default: $KENSE_USER, else $USER).
    #[arg(long, global = true)]
    pub user: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Registers one application read as JSON from FILE (`-` for standard input).
    Register {
        #[arg(long = "json", value_name = "FILE")]
        json: String,
    },
    /// Lists the journal, newest first.
    Journal {
        /// Print JSON (an array of cases).
        #[arg(long)]
        json: bool,
    },
    /// Fills an empty journal with the demo applications.
    Demo,
    /// Writes a consistent copy of the journal to FILE while it stays in use.
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Checks the journal file: SQLite integrity and gap-free yearly numbering.
    Verify {
        #[arg(long)]
        json: bool,
    },
}
