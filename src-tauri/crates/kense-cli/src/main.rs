//! `kense-cli`: the office journal without a window.
//!
//! Exit codes: 0 done; 1 the journal could not be opened or written;
//! 2 bad input (nothing written; also a command not yet available on a
//! client desk); 3 not allowed (nothing changed; also an unpaired or revoked
//! desk, a used, expired or wrong invitation); 4 the LAN host cannot be
//! reached, or showed a certificate other than the pinned one (`--client-dir`).

mod admin_cli;
mod cli;
mod commands;
mod output;
mod trust;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

fn main() -> ExitCode {
    // Like other Unix tools, end quietly when the reader goes away (`| head`).
    #[cfg(unix)]
    // SAFETY: restoring the default action of SIGPIPE before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // A file-size limit (a full disk's stand-in) then fails the write instead of killing us.
    #[cfg(unix)]
    // SAFETY: setting a signal's action to "ignore" before any thread starts.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    // `--version` needs no command; every other use does.
    let mut app = cli::Cli::command()
        .subcommand_required(false)
        .arg_required_else_help(false);
    let matches = app.get_matches_mut();
    if matches.get_flag("version") {
        let dir = kense_core::data_dir::resolve(
            matches.get_one::<std::path::PathBuf>("data_dir").cloned(),
            std::env::var("KENSE_DATA_DIR").ok(),
        );
        println!(
            "{}",
            kense_core::about::about_folder(&dir).to_text("kense-cli")
        );
        return ExitCode::SUCCESS;
    }
    if matches.subcommand_name().is_none() {
        let _ = app.print_help();
        return ExitCode::from(2);
    }
    let command = matches.subcommand_name().unwrap_or("").to_string();
    let cli = match cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    // A client desk logs in its own folder (made at `join`); it has no journal folder.
    if let Some(client_dir) = &cli.client_dir {
        let _ = std::fs::create_dir_all(client_dir);
    }
    let dir = cli.client_dir.clone().unwrap_or_else(|| {
        kense_core::data_dir::resolve(cli.data_dir.clone(), std::env::var("KENSE_DATA_DIR").ok())
    });
    kense_core::logging::init(&dir, "kense-cli");
    match commands::run(cli) {
        Ok(()) => {
            tracing::info!(command = %command, "done");
            ExitCode::SUCCESS
        }
        Err(failure) => {
            tracing::error!(command = %command, exit_code = failure.exit_code, error = %failure.log, "failed");
            eprintln!("{}", failure.message);
            ExitCode::from(failure.exit_code)
        }
    }
}
