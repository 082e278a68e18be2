//! Thin Tauri commands: take the state and the arguments, call one core function,
//! map the error to `{code, message}`.

pub mod admin;
pub mod app;
pub mod documents;
pub mod journal;
pub mod reports;
pub mod route;
pub mod safety;
pub mod session;
pub mod users;
