mod admin;
mod documents;
mod journal;
mod lan;
mod maintenance;
mod remote;
mod reports;
mod route;

use kense_core::clock::Clock;
use kense_core::first_run::{create_office, FirstRun};
use kense_core::reports::ExportFormat;
use kense_core::{data_dir, CoreError, Office, Session};
use kense_domain::types::Text;
use kense_domain::{DomainError, ErrorCode};

use crate::cli::{Cli, Command, InitArgs, OfficeCommand};
use crate::output::{Failure, EXIT_BAD_INPUT};
use crate::trust;
pub use reports::export_journal;

/// What every command gets: the open office, the clock and the signed-in
/// user's session (signed in with the PIN before any command runs).
pub struct Context {
    pub office: Office,
    pub clock: Clock,
    pub session: Session,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

pub(crate) fn clock(cli: &Cli) -> Result<Clock, Failure> {
    Clock::from_override(cli.now.as_deref(), env("KENSE_NOW").as_deref()).map_err(|detail| {
        Failure::from(CoreError::from(DomainError::at(
            ErrorCode::DateInvalid,
            "now",
            detail,
        )))
    })
}

pub(crate) fn user(cli: &Cli) -> String {
    cli.user
        .clone()
        .or_else(|| env("KENSE_USER"))
        .or_else(|| env("USER"))
        .unwrap_or_else(|| "clerk".to_string())
}

/// The first start of a working day backs the journal up (a failure is logged, not fatal).
pub(crate) fn daily_backup(office: &Office, clock: &Clock) {
    if let Err(e) = office.daily_backup(clock.now()) {
        tracing::error!(error = %e, "daily backup failed");
        eprintln!("{e}");
    }
}

/// Opens the folder's journal and signs the user in (a clock set by hand is
/// refused first on a real office's journal).
fn open(cli: &Cli, dir: &std::path::Path) -> Result<Context, Failure> {
    let clock = clock(cli)?;
    let office = Office::open(dir)?;
    trust::check_clock(cli, &office)?;
    let session = trust::sign_in(cli, &office, &user(cli), clock.now())?;
    daily_backup(&office, &clock);
    Ok(Context {
        office,
        clock,
        session,
    })
}

/// `init`: a new journal with its first administrator (the explicit create).
fn init(cli: &Cli, dir: &std::path::Path, args: &InitArgs) -> Result<(), Failure> {
    let clock = clock(cli)?;
    if trust::clock_set_by_hand(cli) && !args.test_journal {
        return Err(Failure::from(CoreError::from(DomainError::at(
            ErrorCode::NowNotAllowed,
            "now",
            "--now on `init` needs --test-journal",
        ))));
    }
    let first = FirstRun {
        admin_login: args.admin_login.clone(),
        admin_name: Text {
            kk: args.admin_name_kk.clone(),
            ru: args.admin_name_ru.clone(),
        },
        pin: trust::read_pin(cli, &args.admin_login)?,
        office_name: args
            .office_name_kk
            .clone()
            .zip(args.office_name_ru.clone())
            .map(|(kk, ru)| Text { kk, ru }),
    };
    let (office, _session) = create_office(dir, &first, args.test_journal, clock.now())?;
    maintenance::init(&office)
}

/// `demo` in an empty folder creates the demo journal with its users (no one
/// to sign in yet); on an existing journal it signs in like any command.
fn demo_new(cli: &Cli, dir: &std::path::Path) -> Result<(), Failure> {
    let clock = clock(cli)?;
    let mut office = Office::create(dir)?;
    let added = kense_core::demo::seed(&mut office, clock.now())?;
    println!("{added}");
    Ok(())
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    if let Command::Join { host, code, name } = &cli.command {
        return lan::join(&cli, host, code, name.as_deref());
    }
    if let Some(client_dir) = cli.client_dir.clone() {
        return remote::run(&cli, &client_dir);
    }
    let dir = data_dir::resolve(cli.data_dir.clone(), env("KENSE_DATA_DIR"));
    match &cli.command {
        Command::Serve { listen } => return lan::serve(&cli, &dir, listen),
        Command::Restore { file, json } => {
            return maintenance::restore(&cli, &dir, file, clock(&cli)?.now(), &user(&cli), *json)
        }
        Command::Salvage { file, out, json } => return maintenance::salvage(file, out, *json),
        Command::Diagnostics { out } => return maintenance::diagnostics(&dir, out),
        Command::Init(args) => return init(&cli, &dir, args),
        Command::Demo if !dir.join(kense_store::JOURNAL_FILE).exists() => {
            return demo_new(&cli, &dir)
        }
        _ => {}
    }
    let mut ctx = open(&cli, &dir)?;
    match cli.command {
        Command::Init(_)
        | Command::Restore { .. }
        | Command::Salvage { .. }
        | Command::Diagnostics { .. }
        | Command::Serve { .. }
        | Command::Join { .. } => {
            unreachable!("handled before the journal is opened")
        }
        Command::Desks(command) => lan::desks(&mut ctx, &dir, command),
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
