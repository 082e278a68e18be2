//! Who may use the CLI on a journal: every command signs in with the user's
//! PIN (first line of `--pin-file`, else asked at the terminal; never an
//! argument), and a clock set by hand is accepted only by a journal marked
//! for tests or the demo.

use std::io::IsTerminal;

use kense_core::{CoreError, Office, Session};
use kense_domain::{DomainError, ErrorCode};

use crate::cli::Cli;
use crate::output::{Failure, EXIT_BAD_INPUT};

/// The PIN: the first line of `--pin-file`, or typed at the terminal without echo.
pub fn read_pin(cli: &Cli, login: &str) -> Result<String, Failure> {
    if let Some(file) = &cli.pin_file {
        let text = std::fs::read_to_string(file).map_err(|e| {
            Failure::new(
                EXIT_BAD_INPUT,
                format!("cannot read the PIN file {}: {e}", file.display()),
            )
        })?;
        return Ok(text.lines().next().unwrap_or("").trim().to_string());
    }
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password(format!("PIN ({login}): "))
            .map_err(|e| Failure::new(EXIT_BAD_INPUT, format!("cannot read the PIN: {e}")));
    }
    Err(Failure::from(CoreError::from(DomainError::at(
        ErrorCode::PinRequired,
        "pin",
        "no --pin-file and no terminal to ask at",
    ))))
}

/// Signs `login` in with the PIN from the file or the terminal.
pub fn sign_in(
    cli: &Cli,
    office: &Office,
    login: &str,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Session, Failure> {
    let pin = read_pin(cli, login)?;
    Ok(office.sign_in(login, &pin, now)?)
}

/// Whether the clock was set by hand (`--now` or `KENSE_NOW`).
pub fn clock_set_by_hand(cli: &Cli) -> bool {
    cli.now.is_some() || std::env::var_os("KENSE_NOW").is_some()
}

/// Refuses a clock set by hand on an office's real journal.
pub fn check_clock(cli: &Cli, office: &Office) -> Result<(), Failure> {
    if clock_set_by_hand(cli) && !office.is_test_journal()? {
        return Err(Failure::from(CoreError::from(DomainError::at(
            ErrorCode::NowNotAllowed,
            "now",
            "--now / KENSE_NOW on a journal not marked for tests or the demo",
        ))));
    }
    Ok(())
}
