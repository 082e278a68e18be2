//! A client desk: what it keeps (`desk.json` in its folder, mode 0600: the
//! host's address, the pinned fingerprint, the desk's token) and how it talks
//! to the host. It keeps no journal and never stores a PIN.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kense_core::ops::Op;
use kense_core::CoreError;
use kense_domain::{DomainError, ErrorCode};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::code::{self, parse_code};
use crate::trust::{client_config, Pin, PinnedVerifier};
use crate::wire::{
    JoinAnswer, JoinRequest, SignInAnswer, SignInRequest, WireError, DESK_HEADER, SESSION_HEADER,
};

pub const DESK_FILE: &str = "desk.json";

/// How long a write carrying a request id keeps trying a host that went away
/// (the host answers a repeated request id with its first result, so
/// resending is safe; a write without one is never resent).
pub const RETRY_FOR: Duration = Duration::from_secs(60);
/// The first pause before a resend; it doubles up to `LONGEST_PAUSE`.
const FIRST_PAUSE: Duration = Duration::from_millis(100);
const LONGEST_PAUSE: Duration = Duration::from_secs(2);

/// What a paired desk keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteDesk {
    /// `ADDR:PORT` of the host.
    pub host: String,
    /// The host certificate's fingerprint, as printed.
    pub fingerprint: String,
    pub desk_name: String,
    pub desk_token: String,
}

fn unreachable(host: &str, detail: impl std::fmt::Display) -> CoreError {
    DomainError::new(
        ErrorCode::HostUnreachable,
        format!("the host {host}: {detail}"),
    )
    .into()
}

fn mismatch(host: &str) -> CoreError {
    DomainError::new(
        ErrorCode::HostCertificateMismatch,
        format!("the host {host} presented a certificate other than the pinned one"),
    )
    .into()
}

/// An HTTPS client trusting only `pin`.
fn http(pin: Pin) -> Result<(reqwest::blocking::Client, Arc<PinnedVerifier>), CoreError> {
    crate::install_crypto();
    let verifier = Arc::new(PinnedVerifier::new(pin));
    let tls = client_config(verifier.clone()).map_err(|e| {
        CoreError::from(DomainError::new(
            ErrorCode::StorageFailed,
            format!("TLS: {e}"),
        ))
    })?;
    let client = reqwest::blocking::Client::builder()
        .use_preconfigured_tls(tls)
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(120))
        .build()
        .map_err(|e| {
            CoreError::from(DomainError::new(
                ErrorCode::StorageFailed,
                format!("HTTP client: {e}"),
            ))
        })?;
    Ok((client, verifier))
}

/// Sends one request and reads its JSON answer or its error.
fn send(
    request: reqwest::blocking::RequestBuilder,
    host: &str,
    verifier: &PinnedVerifier,
) -> Result<Value, CoreError> {
    let response = request.send().map_err(|e| {
        if verifier.was_mismatch() {
            mismatch(host)
        } else {
            unreachable(host, e)
        }
    })?;
    let status = response.status();
    let text = response.text().map_err(|e| unreachable(host, e))?;
    if status.is_success() {
        return serde_json::from_str(&text).map_err(|e| unreachable(host, e));
    }
    match serde_json::from_str::<WireError>(&text) {
        Ok(wire) => Err(wire.into_core()),
        Err(_) => Err(unreachable(host, format!("HTTP {status}"))),
    }
}

fn url(host: &str, path: &str) -> String {
    format!("https://{host}/api/v1/{path}")
}

impl RemoteDesk {
    /// The desk kept in `client_dir`; `client_not_joined` if there is none.
    pub fn load(client_dir: &Path) -> Result<RemoteDesk, CoreError> {
        let path = client_dir.join(DESK_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            CoreError::from(DomainError::new(
                ErrorCode::ClientNotJoined,
                format!("{}: {e}", path.display()),
            ))
        })?;
        serde_json::from_str(&text).map_err(|e| {
            DomainError::new(
                ErrorCode::ClientNotJoined,
                format!("{}: {e}", path.display()),
            )
            .into()
        })
    }

    pub fn save(&self, client_dir: &Path) -> Result<(), CoreError> {
        std::fs::create_dir_all(client_dir).map_err(|e| {
            CoreError::from(DomainError::new(
                ErrorCode::StorageFailed,
                format!("{}: {e}", client_dir.display()),
            ))
        })?;
        let text = serde_json::to_string_pretty(self).unwrap_or_default();
        crate::identity::write_private(&client_dir.join(DESK_FILE), text.as_bytes())
    }

    /// Joins the host at `host` with an invitation `code`: the host must show
    /// a certificate whose fingerprint starts with the code's 80 bits; that
    /// full fingerprint is pinned and kept in `client_dir` with the token.
    pub fn join(
        client_dir: &Path,
        host: &str,
        code: &str,
        name: Option<&str>,
    ) -> Result<RemoteDesk, CoreError> {
        let invitation = parse_code(code)?;
        let (client, verifier) = http(Pin::Prefix(invitation.prefix))?;
        let body = JoinRequest {
            secret: invitation.secret,
            name: name.map(str::to_string),
        };
        let answer = send(client.post(url(host, "join")).json(&body), host, &verifier)?;
        let answer: JoinAnswer =
            serde_json::from_value(answer).map_err(|e| unreachable(host, e))?;
        let seen = verifier.seen().ok_or_else(|| mismatch(host))?;
        let desk = RemoteDesk {
            host: host.to_string(),
            fingerprint: code::fingerprint_text(&seen),
            desk_name: answer.desk_name,
            desk_token: answer.desk_token,
        };
        desk.save(client_dir)?;
        Ok(desk)
    }

    /// A connection trusting only the pinned certificate.
    pub fn connect(&self) -> Result<Connection, CoreError> {
        let pinned = code::parse_fingerprint(&self.fingerprint).ok_or_else(|| {
            CoreError::from(DomainError::new(
                ErrorCode::ClientNotJoined,
                "the pinned fingerprint cannot be read",
            ))
        })?;
        let (http, verifier) = http(Pin::Full(pinned))?;
        Ok(Connection {
            desk: self.clone(),
            http,
            verifier,
            session: Mutex::new(None),
            person: None,
            retries: AtomicU64::new(0),
            retry_for: RETRY_FOR,
            last_answer: Mutex::new(None),
            idle: Duration::ZERO,
        })
    }
}

/// The request id a write carries, if any: only such a write is resent.
fn request_id(op: &Op) -> Option<&str> {
    match op {
        Op::Register { request_id, .. } => request_id.as_deref(),
        Op::Act { options, .. } => options.request_id.as_deref(),
        _ => None,
    }
}

/// A desk's connection to its host, with the signed-in person's session.
pub struct Connection {
    desk: RemoteDesk,
    http: reqwest::blocking::Client,
    verifier: Arc<PinnedVerifier>,
    session: Mutex<Option<String>>,
    /// Login and PIN of the signed-in person, in this process's memory only
    /// (never written anywhere) and only until sign-out: a host that
    /// restarted forgets its sessions, and a resent write signs in again.
    person: Option<(String, String)>,
    /// Resends made so far (writes carrying a request id).
    retries: AtomicU64,
    retry_for: Duration,
    /// When the session last answered, and the host's idle time: a session
    /// refused sooner than that cannot have gone idle, the host lost it.
    last_answer: Mutex<Option<Instant>>,
    idle: Duration,
}

impl Connection {
    fn post(&self, path: &str, body: Option<&Value>) -> Result<Value, CoreError> {
        let mut request = self
            .http
            .post(url(&self.desk.host, path))
            .header(DESK_HEADER, &self.desk.desk_token);
        if let Some(session) = self.session_token() {
            request = request.header(SESSION_HEADER, session);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        send(request, &self.desk.host, &self.verifier)
    }

    /// Signs a person in on the host (the PIN is checked there, under the
    /// host's sign-in limits).
    pub fn sign_in(&mut self, login: &str, pin: &str) -> Result<SignInAnswer, CoreError> {
        let body = serde_json::to_value(SignInRequest {
            login: login.to_string(),
            pin: pin.to_string(),
        })
        .unwrap_or_default();
        let answer = self.open_session(&body)?;
        self.person = Some((login.to_string(), pin.to_string()));
        self.idle = Duration::from_secs(u64::from(answer.idle_minutes) * 60);
        Ok(answer)
    }

    fn open_session(&self, body: &Value) -> Result<SignInAnswer, CoreError> {
        *self.session.lock().unwrap_or_else(|p| p.into_inner()) = None;
        let answer: SignInAnswer = serde_json::from_value(self.post("sign-in", Some(body))?)
            .map_err(|e| unreachable(&self.desk.host, e))?;
        *self.session.lock().unwrap_or_else(|p| p.into_inner()) =
            Some(answer.session_token.clone());
        self.answered();
        Ok(answer)
    }

    fn answered(&self) {
        *self.last_answer.lock().unwrap_or_else(|p| p.into_inner()) = Some(Instant::now());
    }

    /// Whether the session answered within the host's idle time.
    fn recently_answered(&self) -> bool {
        self.last_answer
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some_and(|at| at.elapsed() < self.idle)
    }

    fn session_token(&self) -> Option<String> {
        self.session
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub fn sign_out(&mut self) -> Result<(), CoreError> {
        self.person = None;
        if self.session_token().is_some() {
            self.post("sign-out", None)?;
            *self.session.lock().unwrap_or_else(|p| p.into_inner()) = None;
        }
        Ok(())
    }

    /// How long a write carrying a request id keeps trying (`RETRY_FOR`
    /// unless set here).
    pub fn with_retry_for(mut self, within: Duration) -> Connection {
        self.retry_for = within;
        self
    }

    /// Resends made so far by this connection.
    pub fn retries(&self) -> u64 {
        self.retries.load(Ordering::Relaxed)
    }

    /// Runs one operation on the host; the answer as JSON. A write carrying a
    /// request id that cannot reach the host is resent with backoff (0.1 s
    /// doubling to 2 s) for up to `RETRY_FOR`; if the host came back without
    /// the session (it restarted: it was seen away, or the session answered
    /// within the host's idle time), the person signs in again first. Anything
    /// else is tried once.
    pub fn call_value(&self, op: &Op) -> Result<Value, CoreError> {
        let tagged = serde_json::to_value(op).unwrap_or_default();
        let name = tagged.get("op").and_then(Value::as_str).unwrap_or("");
        let path = format!("op/{name}");
        let once = || {
            let answer = self.post(&path, tagged.get("args"));
            if answer.is_ok() {
                self.answered();
            }
            answer
        };
        if request_id(op).is_none() {
            return once();
        }
        let started = Instant::now();
        let mut pause = FIRST_PAUSE;
        let mut host_was_away = false;
        loop {
            let error = match once() {
                Ok(value) => return Ok(value),
                Err(e) => e,
            };
            let retry = match error.first_code() {
                ErrorCode::HostUnreachable => {
                    host_was_away = true;
                    true
                }
                // Sessions live in the host's memory: one lost with the host
                // (it was away, or the session answered within the idle
                // time) is opened again — never one that went idle.
                ErrorCode::SessionExpired if host_was_away || self.recently_answered() => {
                    host_was_away = true;
                    match &self.person {
                        Some((login, pin)) => {
                            let body = serde_json::to_value(SignInRequest {
                                login: login.clone(),
                                pin: pin.clone(),
                            })
                            .unwrap_or_default();
                            match self.open_session(&body) {
                                Ok(_) => true,
                                Err(e) if e.first_code() == ErrorCode::HostUnreachable => true,
                                Err(e) => return Err(e),
                            }
                        }
                        None => false,
                    }
                }
                _ => false,
            };
            if !retry || started.elapsed() + pause > self.retry_for {
                return Err(error);
            }
            self.retries.fetch_add(1, Ordering::Relaxed);
            std::thread::sleep(pause);
            pause = (pause * 2).min(LONGEST_PAUSE);
        }
    }

    /// Runs one operation on the host; the answer as its type.
    pub fn call<T: DeserializeOwned>(&self, op: &Op) -> Result<T, CoreError> {
        let value = self.call_value(op)?;
        serde_json::from_value(value).map_err(|e| unreachable(&self.desk.host, e))
    }

    /// Waits up to `within` for the host's next `changed` event.
    pub fn wait_changed(&self, within: Duration) -> Result<bool, CoreError> {
        use std::io::BufRead;
        let mut request = self
            .http
            .get(url(&self.desk.host, "events"))
            .timeout(within)
            .header(DESK_HEADER, &self.desk.desk_token);
        if let Some(session) = self.session_token() {
            request = request.header(SESSION_HEADER, session);
        }
        let response = request
            .send()
            .map_err(|e| unreachable(&self.desk.host, e))?;
        if !response.status().is_success() {
            let text = response.text().unwrap_or_default();
            return Err(serde_json::from_str::<WireError>(&text)
                .map(WireError::into_core)
                .unwrap_or_else(|_| unreachable(&self.desk.host, "events refused")));
        }
        for line in std::io::BufReader::new(response).lines() {
            match line {
                Ok(line) if line.trim() == "event: changed" => return Ok(true),
                Ok(_) => {}
                Err(_) => return Ok(false),
            }
        }
        Ok(false)
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        let _ = self.sign_out();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kense_core::requests::ActOptions;
    use kense_domain::workflow::Action;

    /// A desk whose host is not there: a port just released.
    fn nowhere() -> Connection {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        RemoteDesk {
            host: format!("127.0.0.1:{port}"),
            fingerprint: code::fingerprint_text(&[7; 32]),
            desk_name: "A".into(),
            desk_token: "t".into(),
        }
        .connect()
        .unwrap()
        .with_retry_for(Duration::from_millis(400))
    }

    fn act(request_id: Option<&str>) -> Op {
        Op::Act {
            case: "2026-00001".into(),
            action: Action::Resolve {
                text: "x".into(),
                executor: None,
                dept_head: None,
                deadline: None,
            },
            options: ActOptions::request(request_id.map(str::to_string)),
        }
    }

    #[test]
    fn only_a_write_with_a_request_id_is_resent_and_only_for_a_while() {
        let host = nowhere();
        let started = Instant::now();
        let err = host.call_value(&act(None)).unwrap_err();
        assert_eq!(err.first_code(), ErrorCode::HostUnreachable);
        assert_eq!(host.retries(), 0, "no request id: tried once");
        let err = host.call_value(&Op::MyWork).unwrap_err();
        assert_eq!(err.first_code(), ErrorCode::HostUnreachable);
        assert_eq!(host.retries(), 0, "a read is not resent");
        let err = host.call_value(&act(Some("r-1"))).unwrap_err();
        assert_eq!(err.first_code(), ErrorCode::HostUnreachable);
        // 0.1 + 0.2 s of pauses fit in 0.4 s; the next 0.4 s would not.
        assert_eq!(host.retries(), 2, "resent with backoff, then given up");
        assert!(started.elapsed() < Duration::from_secs(5));
    }
}
