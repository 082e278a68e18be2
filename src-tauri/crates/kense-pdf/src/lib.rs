//! PDF documents of Kense.
