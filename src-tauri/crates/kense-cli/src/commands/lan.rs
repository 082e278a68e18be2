//! The LAN office on the CLI: `serve` (the host), `desks invite|list|revoke`
//! (an administrator on the host's folder) and `join` (a new client desk).

use std::io::Write;
use std::path::Path;

use kense_core::{CoreError, Office};
use kense_domain::{DomainError, ErrorCode};
use kense_net::client::RemoteDesk;
use kense_net::{code, host, identity};

use super::Context;
use crate::cli::{Cli, DesksCommand};
use crate::output::{print_json, Failure};
use crate::trust;

/// `serve --listen ADDR:PORT`: serves until SIGTERM/SIGINT. The journal is
/// opened as every command opens it (a clock set by hand only on a test
/// journal); no one signs in here: every desk's person signs in on the host.
pub fn serve(cli: &Cli, dir: &Path, listen: &str) -> Result<(), Failure> {
    let clock = super::clock(cli)?;
    let office = Office::open(dir)?;
    trust::check_clock(cli, &office)?;
    super::daily_backup(&office, &clock);
    let identity = identity::load_or_create(dir)?;
    host::serve(office, &identity, listen, clock, |address, fingerprint| {
        println!("listening {address} fingerprint {fingerprint}");
        let _ = std::io::stdout().flush();
        tracing::info!(%address, "serving");
    })?;
    Ok(())
}

pub fn desks(ctx: &mut Context, dir: &Path, command: DesksCommand) -> Result<(), Failure> {
    let now = ctx.clock.now();
    match command {
        DesksCommand::Invite { name } => {
            let secret = ctx.office.invite_desk(&ctx.session, &name, now)?;
            let identity = identity::load_or_create(dir)?;
            println!(
                "{}",
                code::invitation_code(&identity.fingerprint(), &secret)
            );
            Ok(())
        }
        DesksCommand::List { json } => {
            let desks = ctx.office.list_desks(&ctx.session)?;
            if json {
                return print_json(&desks);
            }
            for d in desks {
                println!(
                    "{}\t{}\t{}\t{}",
                    d.name,
                    d.paired_at,
                    d.paired_by,
                    d.revoked_at
                        .map(|at| format!("revoked {at} {}", d.revoked_by.unwrap_or_default()))
                        .unwrap_or_else(|| "paired".into())
                );
            }
            Ok(())
        }
        DesksCommand::Revoke { name } => {
            let desk = ctx.office.revoke_desk(&ctx.session, &name, now)?;
            print_json(&desk)
        }
    }
}

/// `--client-dir CDIR join --host ADDR:PORT --code CODE [--name NAME]`.
pub fn join(cli: &Cli, host: &str, code: &str, name: Option<&str>) -> Result<(), Failure> {
    let Some(client_dir) = &cli.client_dir else {
        return Err(Failure::from(CoreError::from(DomainError::at(
            ErrorCode::Required,
            "client_dir",
            "join needs --client-dir (the folder this desk keeps its pairing in)",
        ))));
    };
    if client_dir.join(kense_net::client::DESK_FILE).exists() {
        return Err(Failure::from(CoreError::from(DomainError::at(
            ErrorCode::InvalidInput,
            "client_dir",
            format!(
                "{} already holds a paired desk; use another folder",
                client_dir.display()
            ),
        ))));
    }
    let desk = RemoteDesk::join(client_dir, host, code, name)?;
    println!(
        "joined {} as {} fingerprint {}",
        desk.host, desk.desk_name, desk.fingerprint
    );
    Ok(())
}
