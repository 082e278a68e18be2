//! The texts people read: a certificate's fingerprint (SHA-256 of its DER,
//! Crockford base32 in dash-separated groups of 4) and the invitation code
//! (7 groups of 4: the fingerprint's first 80 bits, then a 60-bit secret).

use kense_domain::{base32, DomainError, ErrorCode};
use sha2::{Digest, Sha256};

/// Symbols of the fingerprint's prefix in a code (80 bits).
pub const PREFIX_SYMBOLS: usize = 16;
/// The prefix's length in bytes.
pub const PREFIX_BYTES: usize = 10;

/// The SHA-256 of a certificate's DER.
pub fn fingerprint_of(der: &[u8]) -> [u8; 32] {
    Sha256::digest(der).into()
}

/// `XXXX-XXXX-…` (52 symbols in 13 groups).
pub fn fingerprint_text(fingerprint: &[u8; 32]) -> String {
    base32::grouped(&base32::encode(fingerprint), 4)
}

/// Reads a fingerprint as printed.
pub fn parse_fingerprint(text: &str) -> Option<[u8; 32]> {
    let bytes = base32::decode(text)?;
    bytes.try_into().ok()
}

/// The invitation code: the fingerprint's first 80 bits and the secret.
pub fn invitation_code(fingerprint: &[u8; 32], secret: &str) -> String {
    let prefix = base32::encode_bits(fingerprint, PREFIX_SYMBOLS * 5);
    base32::grouped(&format!("{prefix}{}", secret.to_uppercase()), 4)
}

/// An invitation code read back: the fingerprint's prefix and the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub prefix: [u8; PREFIX_BYTES],
    pub secret: String,
}

pub fn parse_code(text: &str) -> Result<Invitation, DomainError> {
    let invalid = || {
        DomainError::at(
            ErrorCode::InvitationInvalid,
            "code",
            "not an invitation code",
        )
    };
    let symbols = base32::symbols(text).ok_or_else(invalid)?;
    if symbols.len() != PREFIX_SYMBOLS + kense_core::desks::SECRET_SYMBOLS {
        return Err(invalid());
    }
    let canonical: String = symbols
        .iter()
        .map(|v| base32::encode_bits(&[v << 3], 5))
        .collect();
    let prefix = base32::decode(&canonical[..PREFIX_SYMBOLS]).ok_or_else(invalid)?;
    Ok(Invitation {
        prefix: prefix.try_into().map_err(|_| invalid())?,
        secret: canonical[PREFIX_SYMBOLS..].to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_carries_the_prefix_and_the_secret() {
        let fp = fingerprint_of(b"certificate");
        let text = fingerprint_text(&fp);
        assert_eq!(text.len(), 52 + 12);
        assert_eq!(parse_fingerprint(&text), Some(fp));
        let code = invitation_code(&fp, "abcd0123wxyz");
        assert_eq!(code.len(), 28 + 6);
        let read = parse_code(&code.to_lowercase()).unwrap();
        assert_eq!(read.prefix[..], fp[..PREFIX_BYTES]);
        assert_eq!(read.secret, "ABCD0123WXYZ");
        assert!(text.starts_with(&code[..19]));
        assert_eq!(
            parse_code("ABCD-EFGH").unwrap_err().code,
            ErrorCode::InvitationInvalid
        );
    }
}
