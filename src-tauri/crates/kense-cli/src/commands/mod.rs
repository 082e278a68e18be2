mod admin;
mod documents;
mod journal;
mod maintenance;
mod route;

use kense_core::clock::Clock;
use kense_core::{data_dir, CoreError, Office};
use kense_domain::{DomainError, ErrorCode};

use crate::cli::{Cli, Command, OfficeCommand};
use crate::output::{Failure, EXIT_BAD_INPUT};

/// What every command gets: the open office, the clock and the acting user.
pub struct Context {
    pub office: Office,
    pub clock: Clock,
    pub user: String,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

fn open(cli: &Cli) -> Result<Context, Failure> {
    let clock = Clock::from_override(cli.now.as_deref(), env("KENSE_NOW").as_deref()).map_err(
        |detail| {
            Failure::from(CoreError::from(DomainError::at(
                ErrorCode::DateInvalid,
                "now",
                detail,
            )))
        },
    )?;
    let dir = data_dir::resolve(cli.data_dir.clone(), env("KENSE_DATA_DIR"));
    let office = Office::open(&dir)?;
    let user = cli
        .user
        .clone()
        .or_else(|| env("KENSE_USER"))
        .or_else(|| env("USER"))
        .unwrap_or_else(|| "clerk".to_string());
    Ok(Context {
        office,
        clock,
        user,
    })
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    let mut ctx = open(&cli)?;
    match cli.command {
        Command::Register { json, request_id } => {
            journal::register(&mut ctx, &json, request_id.as_deref())
        }
        Command::Journal { json, filter } => journal::list(&ctx, json, filter),
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
