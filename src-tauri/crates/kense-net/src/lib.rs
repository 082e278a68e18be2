//! Kense on a LAN. One desk, the host, owns the journal and serves its core
//! over HTTPS + JSON (`host`); the other desks are clients (`client`) that
//! pin the host's self-signed certificate, Syncthing style (`trust`): the
//! invitation code an administrator reads out carries the first 80 bits of
//! the certificate's fingerprint and a one-time secret.

pub mod client;
pub mod code;
pub mod host;
pub mod identity;
pub mod trust;
pub mod wire;

/// Makes _ring_ the process's TLS crypto provider (idempotent).
pub fn install_crypto() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// `count` random bytes from the TLS provider's system random source.
pub(crate) fn random_bytes(count: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; count];
    rustls::crypto::ring::default_provider()
        .secure_random
        .fill(&mut bytes)
        .expect("the system's random source");
    bytes
}
