use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "kense-cli",
    disable_version_flag = true,
    about = "Kense (Кеңсе) office journal, headless"
)]
pub struct Cli {
    /// Print the version, the journal's schema version, the regulations loaded and the data folder.
    #[arg(short = 'V', long, global = true)]
    pub version: bool,
    /// The journal's folder (default: $KENSE_DATA_DIR, else the OS app-data folder).
    #[arg(long, global = true)]
    pub data_dir: Option<PathBuf>,
    /// The office's "now", RFC 3339 or DD.MM.YYYY HH:MM (default: $KENSE_NOW, else the real clock).
    #[arg(long, global = true)]
    pub now: Option<String>,
    /// Who acts (default: $KENSE_USER, else $USER); signs in with the PIN.
    #[arg(long, global = true)]
    pub user: Option<String>,
    /// A file whose first line is the user's PIN (without it, the PIN is asked
    /// at the terminal; a PIN is never an argument).
    #[arg(long = "pin-file", value_name = "FILE", global = true)]
    pub pin_file: Option<PathBuf>,
    /// A client desk's folder (`desk.json` after `join`): the command runs
    /// on the LAN host this desk is paired with, not on a local journal.
    #[arg(long = "client-dir", value_name = "CDIR", global = true)]
    pub client_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Registers one application read as JSON from FILE (`-` for standard input).
    Register {
        #[arg(long = "json", value_name = "FILE")]
        json: String,
        /// The client's id of this registration: a retry with the same id
        /// returns the case it registered instead of a second one.
        #[arg(long = "request-id", value_name = "ID")]
        request_id: Option<String>,
    },
    /// Lists the journal, newest first, optionally filtered.
    Journal {
        /// Print JSON (an array of cases).
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        filter: JournalFilterArgs,
        /// Write every matching case to an Excel workbook.
        #[arg(long, value_name = "FILE.xlsx")]
        xlsx: Option<PathBuf>,
        /// Write every matching case as CSV (UTF-8 with BOM, `;`).
        #[arg(long, value_name = "FILE.csv")]
        csv: Option<PathBuf>,
        /// Language of the spreadsheet's headers and names: kk or ru.
        #[arg(long, default_value = "kk")]
        lang: String,
    },
    /// Performs one route action on a case as --user (see `actions`).
    Act {
        /// The case's registration number or id.
        case: String,
        /// The action, e.g. resolve, submit, draft_refusal, sign, hand_over.
        action: String,
        /// The action's data as a JSON object (`-` for standard input).
        #[arg(long = "json", value_name = "FILE")]
        json: Option<String>,
        /// The case's state version (history lines) the act was decided on:
        /// refused with `case_changed` if the case changed since.
        #[arg(long = "expect-version", value_name = "N")]
        expect_version: Option<u32>,
        /// The client's id of this act: a retry with the same id does nothing twice.
        #[arg(long = "request-id", value_name = "ID")]
        request_id: Option<String>,
    },
    /// Lists the actions --user may perform on a case now.
    Actions {
        case: String,
        #[arg(long)]
        json: bool,
    },
    /// Prints a case with its current step, due time, state and full history.
    Case {
        case: String,
        #[arg(long)]
        json: bool,
    },
    /// The open steps --user may act on, the most urgent first.
    Work {
        #[arg(long)]
        json: bool,
    },
    /// Every overdue step of the office, with counts by step and executor.
    Overdue {
        #[arg(long)]
        json: bool,
    },
    /// Users of the office.
    #[command(subcommand)]
    User(UserCommand),
    /// Serves the journal to the office's other desks on the LAN until
    /// stopped (SIGTERM/SIGINT); prints `listening ADDR:PORT fingerprint …`.
    Serve {
        #[arg(long, value_name = "ADDR:PORT")]
        listen: String,
    },
    /// The desks paired with this host (administrators).
    #[command(subcommand)]
    Desks(DesksCommand),
    /// Pairs this client desk (--client-dir) with a host using an invitation code.
    Join {
        #[arg(long, value_name = "ADDR:PORT")]
        host: String,
        #[arg(long, value_name = "CODE")]
        code: String,
        /// The desk's name (default: the name it was invited under).
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
    },
    /// Marks the head absent for a period: the deputy acts meanwhile.
    Absence {
        #[arg(long, value_name = "DD.MM.YYYY HH:MM")]
        from: String,
        #[arg(long, value_name = "DD.MM.YYYY HH:MM")]
        until: String,
    },
    #[command(flatten)]
    Admin(crate::admin_cli::AdminCommand),
    /// Fills an empty journal with the demo applications (creating the journal in an empty folder).
    Demo,
    /// Creates a new journal with its first administrator (PIN from --pin-file
    /// or the terminal); only in an empty (or missing) data folder.
    Init(InitArgs),
    /// Writes a checked copy of the journal to FILE while it stays in use (never a partial file).
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Checks the journal file: SQLite integrity, gap-free yearly numbering and the hash chain.
    Verify {
        #[arg(long)]
        json: bool,
    },
    /// Replaces the journal with a checked backup FILE; the replaced journal is kept aside.
    Restore {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Copies what can still be read from a damaged journal FILE into a new journal in DIR.
    Salvage {
        file: PathBuf,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Saves a diagnostics bundle for support (versions and the latest logs) to FILE.
    Diagnostics {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Prints a case's document to a PDF file (reprints are byte-identical copies).
    Print {
        /// The case's registration number or id.
        case: String,
        /// receipt, result, duplicate or refusal.
        #[arg(long)]
        kind: String,
        /// kk or ru (default: the application's language).
        #[arg(long)]
        lang: Option<String>,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Prints the registration journal for a period (registration dates, inclusive).
    PrintJournal {
        #[arg(long, value_name = "DD.MM.YYYY")]
        from: String,
        #[arg(long, value_name = "DD.MM.YYYY")]
        to: String,
        #[arg(long, default_value = "kk")]
        lang: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Checks a printed document against the journal: FILE.pdf, or --code CODE.
    VerifyDoc {
        file: Option<PathBuf>,
        /// The check code printed on the paper (or the QR code's text).
        #[arg(long)]
        code: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The office's details printed on documents.
    #[command(subcommand)]
    Office(OfficeCommand),
    /// The figures of a period (JSON, .xlsx, CSV) or the quarterly state-services report (PDF).
    Report(ReportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[arg(long, value_name = "DD.MM.YYYY")]
    pub from: String,
    #[arg(long, value_name = "DD.MM.YYYY")]
    pub to: String,
    /// The per-group table: service, executor or channel.
    #[arg(long)]
    pub by: Option<String>,
    #[arg(long)]
    pub service: Option<String>,
    #[arg(long)]
    pub procedure: Option<String>,
    #[arg(long)]
    pub channel: Option<String>,
    #[arg(long)]
    pub executor: Option<String>,
    #[arg(long)]
    pub department: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write every table to an Excel workbook.
    #[arg(long, value_name = "FILE.xlsx")]
    pub xlsx: Option<PathBuf>,
    /// Write every table as CSV (UTF-8 with BOM, `;`).
    #[arg(long, value_name = "FILE.csv")]
    pub csv: Option<PathBuf>,
    /// Write the quarterly state-services report: the signed copy if the period
    /// was signed, else a draft.
    #[arg(long, value_name = "FILE.pdf")]
    pub pdf: Option<PathBuf>,
    /// With --pdf: sign the report as --user (the head) and freeze it.
    #[arg(long)]
    pub sign: bool,
    #[arg(long, default_value = "kk")]
    pub lang: String,
}

#[derive(Debug, clap::Args, Default)]
pub struct JournalFilterArgs {
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub service: Option<String>,
    #[arg(long)]
    pub executor: Option<String>,
    /// Registered on or after (DD.MM.YYYY, or YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Registered on or before (DD.MM.YYYY, or YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub overdue: bool,
    /// A registration number, an IIN/BIN or part of a name.
    #[arg(long)]
    pub text: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Creates a user from JSON (login, name {kk, ru}, position {kk, ru}, phone, roles, pin).
    Add {
        #[arg(long = "json", value_name = "FILE")]
        json: String,
    },
    /// Lists the users.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Changes a user's details from JSON (name {kk, ru}, position {kk, ru},
    /// phone, roles); the login never changes.
    Edit {
        login: String,
        #[arg(long = "json", value_name = "FILE")]
        json: String,
    },
    /// Disables a user: they can no longer sign in.
    Disable { login: String },
    /// Enables a disabled user again.
    Enable { login: String },
    /// Gives a user a new PIN (the first line of FILE) and lifts their sign-in lock.
    ResetPin {
        login: String,
        #[arg(long = "new-pin-file", value_name = "FILE")]
        new_pin_file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum DesksCommand {
    /// Invites a desk: prints a one-time code (valid 24 h) to type on it.
    Invite {
        #[arg(long, value_name = "NAME")]
        name: String,
    },
    /// Lists the paired desks (and the revoked ones).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Revokes a paired desk: its sessions stop at once.
    Revoke { name: String },
}

#[derive(Debug, Subcommand)]
pub enum OfficeCommand {
    /// Shows the office's details.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Replaces the office's details from JSON (administrators only).
    Set {
        #[arg(long = "json", value_name = "FILE")]
        json: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The first administrator's login.
    #[arg(long = "admin-login", value_name = "LOGIN")]
    pub admin_login: String,
    /// The administrator's full name in Kazakh.
    #[arg(long = "admin-name-kk", value_name = "NAME")]
    pub admin_name_kk: String,
    /// The administrator's full name in Russian.
    #[arg(long = "admin-name-ru", value_name = "NAME")]
    pub admin_name_ru: String,
    /// The office's name in Kazakh (may be set later with `office set`).
    #[arg(
        long = "office-name-kk",
        value_name = "NAME",
        requires = "office_name_ru"
    )]
    pub office_name_kk: Option<String>,
    /// The office's name in Russian.
    #[arg(
        long = "office-name-ru",
        value_name = "NAME",
        requires = "office_name_kk"
    )]
    pub office_name_ru: Option<String>,
    /// Marks the journal for tests and demos: --now is accepted, PIN hashes are light.
    #[arg(long = "test-journal")]
    pub test_journal: bool,
}
