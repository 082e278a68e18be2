//! One module per kind of document.

pub mod certificate;
pub mod journal;
pub mod quarterly;
pub mod receipt;
pub mod refusal;

#[cfg(test)]
mod tests;
