//! PINs are kept only as salted argon2id hashes. An office journal uses
//! parameters that make an offline guess slow (64 MiB, 4 passes, 1 lane: see
//! ARCHITECTURE.md for the measured time per guess); a journal marked for
//! tests or the demo uses light ones. The parameters travel inside each PHC
//! hash string, so `verify` checks both kinds.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use kense_domain::{DomainError, ErrorCode};

/// Memory per guess, KiB (64 MiB).
pub const OFFICE_M_KIB: u32 = 64 * 1024;
/// Passes over the memory.
pub const OFFICE_T: u32 = 4;
/// Lanes.
pub const OFFICE_P: u32 = 1;

/// How costly a new hash is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// A real office's journal.
    Office,
    /// A journal marked for tests or the demo.
    Light,
}

fn hasher(strength: Strength) -> Argon2<'static> {
    let params = match strength {
        Strength::Office => Params::new(OFFICE_M_KIB, OFFICE_T, OFFICE_P, None),
        Strength::Light => Params::new(1024, 1, 1, None),
    }
    .expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash(pin: &str, strength: Strength) -> Result<String, DomainError> {
    let salt = SaltString::generate(&mut OsRng);
    hasher(strength)
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| {
            DomainError::new(
                ErrorCode::StorageFailed,
                format!("cannot hash the PIN: {e}"),
            )
        })
}

/// Checks `pin` against a stored hash with the parameters written in it.
pub fn verify(pin: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            Argon2::default()
                .verify_password(pin.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Spends about the time of a check, for an unknown login.
pub fn burn(pin: &str, strength: Strength) {
    let _ = hash(pin, strength);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_pin_only_and_is_salted() {
        let a = hash("2580", Strength::Light).unwrap();
        let b = hash("2580", Strength::Light).unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify("2580", &a));
        assert!(!verify("2581", &a));
        assert!(!verify("2580", "not a hash"));
    }

    #[test]
    fn office_hashes_carry_their_heavy_parameters_and_verify() {
        let a = hash("258025", Strength::Office).unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=65536,t=4,p=1$"), "{a}");
        assert!(verify("258025", &a));
        assert!(!verify("258026", &a));
    }

    /// `cargo test -p kense-core --release -- --ignored pin_cost --nocapture`:
    /// the time per guess and what 10^6 six-digit PINs cost on one core.
    #[test]
    #[ignore]
    fn pin_cost() {
        let stored = hash("258025", Strength::Office).unwrap();
        let n = 10;
        let start = std::time::Instant::now();
        for _ in 0..n {
            verify("000000", &stored);
        }
        let per = start.elapsed().as_secs_f64() / n as f64;
        println!(
            "argon2id m={OFFICE_M_KIB}KiB t={OFFICE_T} p={OFFICE_P}: {:.0} ms per guess; \
             10^6 PINs on one core: {:.1} days",
            per * 1000.0,
            per * 1e6 / 86400.0
        );
    }
}
