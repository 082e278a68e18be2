mod admin;
mod documents;
mod journal;
mod maintenance;
mod reports;
mod route;

use kense_core::clock::Clock;
use kense_core::reports::ExportFormat;
use kense_core::{data_dir, CoreError, Office};
use kense_domain::{DomainError, ErrorCode};

use crate::cli::{Cli, Command, OfficeCommand};
use crate::output::{Failure, EXIT_BAD_INPUT};
pub use reports::export_journal;

/// What every command gets: the open office, the clock and the acting user.
pub struct Context {
    pub office: Office,
    pub clock: Clock,
    pub user: String,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

fn clock(cli: &Cli) -> Result<Clock, Failure> {
    Clock::from_override(cli.now.as_deref(), env("KENSE_NOW").as_deref()).map_err(|detail| {
        Failure::from(CoreError::from(DomainError::at(
            ErrorCode::DateInvalid,
            "now",
            detail,
        )))
    })
}

fn user(cli: &Cli) -> String {
    cli.user
        .clone()
        .or_else(|| env("KENSE_USER"))
        .or_else(|| env("USER"))
        .unwrap_or_else(|| "clerk".to_string())
}

fn open(cli: &Cli) -> Result<Context, Failure> {
    let clock = clock(cli)?;
    let dir = data_dir::resolve(cli.data_dir.clone(), env("KENSE_DATA_DIR"));
    let office = match cli.command {
        // The explicit choices that make a new journal (in an empty folder only).
        Command::Init => Office::create(&dir)?,
        Command::Demo if !dir.join(kense_store::JOURNAL_FILE).exists() => Office::create(&dir)?,
        _ => Office::open(&dir)?,
    };
    // The first start of a working day backs the journal up (a failure is logged, not fatal).
    if let Err(e) = office.daily_backup(clock.now()) {
        tracing::error!(error = %e, "daily backup failed");
        eprintln!("{e}");
    }
    let user = user(cli);
    Ok(Context {
        office,
        clock,
        user,
    })
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    let dir = data_dir::resolve(cli.data_dir.clone(), env("KENSE_DATA_DIR"));
    match &cli.command {
        Command::Restore { file, json } => {
            return maintenance::restore(&dir, file, clock(&cli)?.now(), &user(&cli), *json)
        }
        Command::Salvage { file, out, json } => return maintenance::salvage(file, out, *json),
        Command::Diagnostics { out } => return maintenance::diagnostics(&dir, out),
        _ => {}
    }
    let mut ctx = open(&cli)?;
    match cli.command {
        Command::Init => maintenance::init(&ctx),
        Command::Restore { .. } | Command::Salvage { .. } | Command::Diagnostics { .. } => {
            unreachable!("handled before the journal is opened")
        }
        Command::Register { json, request_id } => {
            journal::register(&mut ctx, &json, request_id.as_deref())
        }
        Command::Journal {
            json,
            filter,
            xlsx,
            csv,
            lang,
        } => match (xlsx, csv) {
            (Some(out), None) => journal::export(&ctx, filter, &out, ExportFormat::Xlsx, &lang),
            (None, Some(out)) => journal::export(&ctx, filter, &out, ExportFormat::Csv, &lang),
            (Some(_), Some(_)) => Err(Failure::from(CoreError::from(DomainError::at(
                ErrorCode::InvalidInput,
                "output",
                "give one of --xlsx, --csv",
            )))),
            (None, None) => journal::list(&ctx, json, filter),
        },
        Command::Act {
            case,
            action,
            json,
            expect_version,
            request_id,
        } => {
            let options = kense_core::requests::ActOptions {
                expect_version,
                request_id,
            };
            route::act(&mut ctx, &case, &action, json.as_deref(), &options)
        }
        Command::Actions { case, json } => route::actions(&ctx, &case, json),
        Command::Case { case, json } => route::case(&ctx, &case, json),
        Command::Work { json } => route::work(&ctx, json),
        Command::Overdue { json } => route::overdue(&ctx, json),
        Command::User(command) => route::user(&mut ctx, command),
        Command::Absence { from, until } => route::absence(&mut ctx, &from, &until),
        Command::Admin(command) => admin::run(&mut ctx, command),
        Command::Demo => journal::demo(&mut ctx),
        Command::Backup { out } => maintenance::backup(&ctx, &out),
        Command::Verify { json } => maintenance::verify(&ctx, json),
        Command::Print {
            case,
            kind,
            lang,
            out,
        } => documents::print(&mut ctx, &case, &kind, lang.as_deref(), &out),
        Command::PrintJournal {
            from,
            to,
            lang,
            out,
        } => documents::print_journal(&mut ctx, &from, &to, &lang, &out),
        Command::VerifyDoc { file, code, json } => {
            documents::verify_doc(&ctx, file.as_deref(), code.as_deref(), json)
        }
        Command::Office(OfficeCommand::Show { json }) => documents::office_show(&ctx, json),
        Command::Office(OfficeCommand::Set { json }) => documents::office_set(&mut ctx, &json),
        Command::Report(args) => reports::report(&mut ctx, args),
    }
}

/// Reads a JSON document from a file or, for `-`, from standard input.
pub fn read_json<T: serde::de::DeserializeOwned>(source: &str) -> Result<T, Failure> {
    let text = if source == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map_err(|e| {
            Failure::new(EXIT_BAD_INPUT, format!("cannot read standard input: {e}"))
        })?;
        text
    } else {
        std::fs::read_to_string(source)
            .map_err(|e| Failure::new(EXIT_BAD_INPUT, format!("cannot read {source}: {e}")))?
    };
    serde_json::from_str(&text).map_err(|e| {
        let code = if e.to_string().contains("unknown field") {
            ErrorCode::UnknownField
        } else {
            ErrorCode::InvalidInput
        };
        Failure::from(CoreError::from(DomainError::new(
            code,
            format!("{source}: {e}"),
        )))
    })
}
