//! PINs are kept only as salted argon2id hashes.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use kense_domain::{DomainError, ErrorCode};

pub fn hash(pin: &str) -> Result<String, DomainError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| {
            DomainError::new(
                ErrorCode::StorageFailed,
                format!("cannot hash the PIN: {e}"),
            )
        })
}

pub fn verify(pin: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            Argon2::default()
                .verify_password(pin.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_pin_only_and_is_salted() {
        let a = hash("2580").unwrap();
        let b = hash("2580").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify("2580", &a));
        assert!(!verify("2581", &a));
        assert!(!verify("2580", "not a hash"));
    }
}
