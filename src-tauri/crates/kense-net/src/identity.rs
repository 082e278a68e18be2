//! The host's identity: a key and a self-signed certificate made at the first
//! start (rcgen) and kept beside the journal, readable only by its owner.

use std::path::{Path, PathBuf};

use kense_core::CoreError;
use kense_domain::{DomainError, ErrorCode};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

use crate::code;

pub const KEY_FILE: &str = "host-key.der";
pub const CERT_FILE: &str = "host-cert.der";

/// The host's certificate and key (DER).
pub struct Identity {
    pub cert: Vec<u8>,
    pub key: Vec<u8>,
}

impl Identity {
    pub fn fingerprint(&self) -> [u8; 32] {
        code::fingerprint_of(&self.cert)
    }

    pub fn cert_der(&self) -> CertificateDer<'static> {
        CertificateDer::from(self.cert.clone())
    }

    pub fn key_der(&self) -> PrivateKeyDer<'static> {
        PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(self.key.clone()))
    }
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> CoreError {
    DomainError::new(
        ErrorCode::StorageFailed,
        format!("the host's key or certificate {}: {e}", path.display()),
    )
    .into()
}

/// Writes `bytes` to a new file readable only by its owner.
pub(crate) fn write_private(path: &Path, bytes: &[u8]) -> Result<(), CoreError> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| io_error(path, e))?;
    file.write_all(bytes)
        .and_then(|_| file.sync_all())
        .map_err(|e| io_error(path, e))
}

/// Loads the identity kept in `dir`, or makes one there at the first start.
pub fn load_or_create(dir: &Path) -> Result<Identity, CoreError> {
    let key_path: PathBuf = dir.join(KEY_FILE);
    let cert_path: PathBuf = dir.join(CERT_FILE);
    if key_path.exists() && cert_path.exists() {
        return Ok(Identity {
            cert: std::fs::read(&cert_path).map_err(|e| io_error(&cert_path, e))?,
            key: std::fs::read(&key_path).map_err(|e| io_error(&key_path, e))?,
        });
    }
    let made = rcgen::generate_simple_self_signed(vec!["kense-host".to_string()])
        .map_err(|e| io_error(&cert_path, e))?;
    let identity = Identity {
        cert: made.cert.der().to_vec(),
        key: made.key_pair.serialize_der(),
    };
    write_private(&key_path, &identity.key)?;
    write_private(&cert_path, &identity.cert)?;
    Ok(identity)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_once_kept_private_and_loaded_again() {
        let dir = tempfile::tempdir().unwrap();
        let first = load_or_create(dir.path()).unwrap();
        let again = load_or_create(dir.path()).unwrap();
        assert_eq!(first.fingerprint(), again.fingerprint());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(KEY_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
