//! Kense application services. The window (Tauri commands) and `kense-cli` both
//! call these functions; each takes its inputs, the user and the time explicitly.

rust_i18n::i18n!("../../../locales", fallback = "kk");

pub mod about;
pub mod admin;
pub mod api_error;
pub mod authorize;
pub mod bundled;
pub mod clock;
pub mod data_dir;
pub mod demo;
pub mod desks;
pub mod documents;
pub mod first_run;
pub mod logging;
pub mod office;
pub mod office_details;
pub mod ops;
mod pin;
pub mod reports;
pub mod requests;
pub mod route;
mod route_check;
pub mod safety;
pub mod session;
mod timing;
pub mod user_admin;
pub mod users;
pub mod views;
pub mod work;

pub use api_error::{ApiError, CoreError, FieldError};
pub use office::Office;
pub use session::Session;
