//! The arguments of the regulation and calendar commands (plan, due, calendar,
//! services, service-edit), flattened into the main command list.

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// The latest lawful schedule of a procedure: each step starts when the previous one is due.
    Plan {
        #[arg(long)]
        service: String,
        #[arg(long)]
        procedure: String,
        /// When the first step starts: DD.MM.YYYY HH:MM (office time) or RFC 3339.
        #[arg(long, value_name = "RFC3339")]
        start: String,
        /// The intake channel (state_corp, portal, in_person, post); default state_corp
        /// where the service takes it.
        #[arg(long)]
        channel: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// When one limit (15min, 2h, 1wd, same-day, same-day-max-30min) started at --start is due.
    Due {
        #[arg(long, value_name = "RFC3339")]
        start: String,
        #[arg(long)]
        limit: String,
        #[arg(long)]
        json: bool,
    },
    /// The days off and worked weekend days of a year, and the office hours.
    Calendar {
        /// The year (default: the current one).
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        action: Option<CalendarAction>,
    },
    /// The loaded services with procedures and versions, and any rejected files.
    Services {
        #[arg(long)]
        json: bool,
    },
    /// Saves a change of a service (a ServiceEdit as JSON, `-` for stdin) as its next version.
    ServiceEdit {
        #[arg(long)]
        service: String,
        #[arg(long = "json", value_name = "FILE")]
        json: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum CalendarAction {
    /// Changes the calendar as --user (recorded with who and when).
    #[command(subcommand)]
    Edit(CalendarEdit),
    /// The record of calendar edits, newest first.
    Log {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CalendarEdit {
    /// Makes a working weekday a day off.
    AddDayOff {
        #[arg(long, value_name = "DD.MM.YYYY")]
        date: String,
        #[command(flatten)]
        act: ActArgs,
    },
    /// Takes back a transferred day off.
    RemoveDayOff {
        #[arg(long, value_name = "DD.MM.YYYY")]
        date: String,
    },
    /// Makes a Saturday or Sunday a working day.
    AddWorkingDay {
        #[arg(long, value_name = "DD.MM.YYYY")]
        date: String,
        #[command(flatten)]
        act: ActArgs,
    },
    /// Takes back a worked weekend day.
    RemoveWorkingDay {
        #[arg(long, value_name = "DD.MM.YYYY")]
        date: String,
    },
    /// Sets the office hours (HH:MM).
    OfficeHours {
        #[arg(long)]
        opens: String,
        #[arg(long)]
        closes: String,
        #[arg(long)]
        lunch_from: String,
        #[arg(long)]
        lunch_until: String,
    },
}

/// The act behind a transfer, in both languages (both or neither).
#[derive(Debug, clap::Args)]
pub struct ActArgs {
    #[arg(long, requires = "act_ru")]
    pub act_kk: Option<String>,
    #[arg(long, requires = "act_kk")]
    pub act_ru: Option<String>,
}
