//! TLS without a certificate authority: the host serves its self-signed
//! certificate; a client accepts exactly the certificate whose SHA-256 it
//! pinned (or, while joining, one whose fingerprint starts with the 80 bits
//! the invitation code carries) and nothing else — names and dates are not
//! what it trusts, the fingerprint is.

use std::sync::{Arc, Mutex};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, Error, ServerConfig, SignatureScheme};

use crate::code::{fingerprint_of, PREFIX_BYTES};
use crate::identity::Identity;

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The host's TLS configuration: its own certificate, no client certificates
/// (desks prove themselves with their token).
pub fn server_config(identity: &Identity) -> Result<ServerConfig, Error> {
    ServerConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(vec![identity.cert_der()], identity.key_der())
}

/// What a client accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pin {
    /// Exactly this fingerprint.
    Full([u8; 32]),
    /// Any fingerprint starting with these 80 bits (joining only).
    Prefix([u8; PREFIX_BYTES]),
}

/// Accepts only the pinned certificate; remembers what the host presented,
/// and whether it was refused, so the caller can tell the person why.
#[derive(Debug)]
pub struct PinnedVerifier {
    pin: Pin,
    provider: Arc<CryptoProvider>,
    /// The fingerprint the host presented last.
    pub seen: Mutex<Option<[u8; 32]>>,
    /// Set when a presented certificate did not match the pin.
    pub mismatch: Mutex<bool>,
}

impl PinnedVerifier {
    pub fn new(pin: Pin) -> PinnedVerifier {
        PinnedVerifier {
            pin,
            provider: provider(),
            seen: Mutex::new(None),
            mismatch: Mutex::new(false),
        }
    }

    fn accepts(&self, fingerprint: &[u8; 32]) -> bool {
        match &self.pin {
            Pin::Full(pinned) => pinned == fingerprint,
            Pin::Prefix(prefix) => fingerprint[..PREFIX_BYTES] == prefix[..],
        }
    }

    pub fn was_mismatch(&self) -> bool {
        self.mismatch.lock().map(|m| *m).unwrap_or(false)
    }

    pub fn seen(&self) -> Option<[u8; 32]> {
        self.seen.lock().ok().and_then(|s| *s)
    }
}

impl ServerCertVerifier for PinnedVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        let fingerprint = fingerprint_of(end_entity.as_ref());
        if let Ok(mut seen) = self.seen.lock() {
            *seen = Some(fingerprint);
        }
        if self.accepts(&fingerprint) {
            Ok(ServerCertVerified::assertion())
        } else {
            if let Ok(mut mismatch) = self.mismatch.lock() {
                *mismatch = true;
            }
            Err(Error::General(
                "the host's certificate is not the pinned one".into(),
            ))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// A client configuration trusting only `verifier`'s pin.
pub fn client_config(verifier: Arc<PinnedVerifier>) -> Result<ClientConfig, Error> {
    Ok(ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth())
}
