//! Commands on a client desk (`--client-dir`): the person signs in on the
//! host with their PIN, each command is one `Op` run there (and authorized
//! there), and the answer is printed exactly as on a single desk. The host's
//! clock decides the time; a command not yet served over the LAN says so.

use std::path::Path;

use kense_core::documents::{DocumentInfo, Printed};
use kense_core::ops::{Op, PrintedDocument};
use kense_core::requests::ActOptions;
use kense_core::views::{CaseView, JournalRow, OverdueDashboard};
use kense_core::CoreError;
use kense_domain::case::{ApplicationInput, Case};
use kense_domain::journal::JournalFilter;
use kense_domain::user::User;
use kense_domain::workflow::{Action, ActionKind};
use kense_domain::{DomainError, ErrorCode};
use kense_net::client::{Connection, RemoteDesk};
use serde_json::Value;

use super::{documents, journal, read_json, route};
use crate::cli::{Cli, Command, UserCommand};
use crate::output::{print_json, Failure};
use crate::trust;

fn not_remote(what: &str) -> Failure {
    Failure::from(CoreError::from(DomainError::new(
        ErrorCode::NotAvailableRemotely,
        format!("`{what}` is not available on a client desk yet; run it on the host"),
    )))
}

pub fn run(cli: &Cli, client_dir: &Path) -> Result<(), Failure> {
    if trust::clock_set_by_hand(cli) {
        return Err(Failure::from(CoreError::from(DomainError::at(
            ErrorCode::NowNotAllowed,
            "now",
            "on a client desk the host's clock decides: no --now / KENSE_NOW",
        ))));
    }
    let desk = RemoteDesk::load(client_dir)?;
    let mut host = desk.connect()?;
    let login = super::user(cli);
    let pin = trust::read_pin(cli, &login)?;
    host.sign_in(&login, &pin)?;
    let result = command(cli, &host, &pin);
    let _ = host.sign_out();
    result
}

fn command(cli: &Cli, host: &Connection, pin: &str) -> Result<(), Failure> {
    match &cli.command {
        Command::Register { json, request_id } => {
            let input: ApplicationInput = read_json(json)?;
            let case: Case = host.call(&Op::Register {
                input: Box::new(input),
                request_id: request_id.clone(),
            })?;
            print_json(&case)
        }
        Command::Journal {
            json,
            filter,
            xlsx: None,
            csv: None,
            ..
        } => {
            let filter = journal::journal_filter(crate::cli::JournalFilterArgs {
                status: filter.status.clone(),
                service: filter.service.clone(),
                executor: filter.executor.clone(),
                from: filter.from.clone(),
                to: filter.to.clone(),
                overdue: filter.overdue,
                text: filter.text.clone(),
            })?;
            if filter == JournalFilter::default() {
                if *json {
                    return print_json(&host.call::<Vec<Case>>(&Op::Cases)?);
                }
                journal::print_rows(&host.call::<Vec<JournalRow>>(&Op::Journal)?);
                return Ok(());
            }
            let rows: Vec<JournalRow> = host.call(&Op::Search { filter })?;
            if *json {
                return print_json(&rows);
            }
            journal::print_rows(&rows);
            Ok(())
        }
        Command::Act {
            case,
            action,
            json,
            expect_version,
            request_id,
        } => {
            let data = json.as_deref().map(read_json::<Value>).transpose()?;
            let action = route::action_from(action, data)?;
            // Every signature needs the signer's PIN on every desk.
            let op = match action {
                Action::Sign { comment } => Op::Sign {
                    case: case.clone(),
                    pin: pin.to_string(),
                    comment,
                },
                action => Op::Act {
                    case: case.clone(),
                    action,
                    options: ActOptions {
                        expect_version: *expect_version,
                        request_id: request_id.clone(),
                    },
                },
            };
            print_json(&host.call::<CaseView>(&op)?)
        }
        Command::Actions { case, json } => {
            let kinds: Vec<ActionKind> = host.call(&Op::CaseActions { case: case.clone() })?;
            route::print_actions(&kinds, *json)
        }
        Command::Case { case, json } => {
            let view: CaseView = host.call(&Op::CaseView { case: case.clone() })?;
            route::print_case(&view, *json)
        }
        Command::Work { json } => {
            route::print_work(&host.call::<Vec<JournalRow>>(&Op::MyWork)?, *json)
        }
        Command::Overdue { json } => route::print_overdue(
            &host.call::<OverdueDashboard>(&Op::OverdueDashboard)?,
            *json,
        ),
        Command::User(UserCommand::List { json }) => {
            route::print_users(&host.call::<Vec<User>>(&Op::Users)?, *json)
        }
        Command::Print {
            case,
            kind,
            lang,
            out,
        } => {
            let kind = documents::case_document_kind(kind)?;
            let lang = lang.as_deref().map(documents::lang).transpose()?;
            let printed: PrintedDocument = host
                .call(&Op::PrintDocument {
                    case: case.clone(),
                    kind,
                    lang,
                })
                .map_err(documents::failure)?;
            let info: DocumentInfo = printed.info.clone().ok_or_else(|| {
                Failure::from(CoreError::from(DomainError::new(
                    ErrorCode::DocumentNotAvailable,
                    "the host sent no document record",
                )))
            })?;
            let printed = Printed {
                bytes: printed.bytes()?,
                copy: printed.copy,
                info,
            };
            documents::write_pdf(out, &printed)
        }
        other => Err(not_remote(&command_name(other))),
    }
}

fn command_name(command: &Command) -> String {
    let text = format!("{command:?}");
    let head: String = text.chars().take_while(|c| c.is_alphanumeric()).collect();
    head.to_lowercase()
}
