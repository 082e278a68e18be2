//! PDF documents of Kense: receipts, result documents (certificate, licence,
//! reference, duplicate, re-registered licence), reasoned refusal letters and
//! journal printouts, in Kazakh or Russian.
//!
//! Data in, language passed in, bytes out: no clock, no database, no Tauri.
//! The same data always renders to byte-identical files.

rust_i18n::i18n!("../../../locales", fallback = "ru");

// Lets the shared sample data (written against the public API) compile in unit tests.
#[cfg(test)]
extern crate self as kense_pdf;

mod assemble;
mod common;
mod docs;
mod fonts;
mod footer;
mod layout;
mod model;
mod qr;
mod text;

pub use kense_domain::types::Language as Lang;
pub use model::*;

pub use docs::certificate::{
    render_certificate_bilingual, render_duplicate, render_reregistered_licence, render_result,
};
pub use docs::journal::render_journal;
pub use docs::quarterly::render_quarterly;
pub use docs::receipt::render_receipt;
pub use docs::refusal::render_refusal;

/// Why a document could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error("font error: {0}")]
    Font(String),
    #[error("cannot encode the QR payload: {0}")]
    Qr(String),
    #[error("bad document metadata: {0}")]
    Metadata(String),
    #[error("cannot write the PDF: {0}")]
    Write(String),
}
