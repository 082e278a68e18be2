//! The host: serves the office's core to the paired desks over HTTPS + JSON.
//!
//! `POST /api/v1/join` (invitation secret → desk token), `POST /api/v1/sign-in`
//! (desk token + login + PIN → session token bound to that desk),
//! `POST /api/v1/sign-out`, `POST /api/v1/op/{name}` (desk + session token;
//! the body is the op's args → `Office::call`), `GET /api/v1/events`
//! (server-sent `changed` events). One `Office` behind a mutex, used from
//! blocking tasks; sessions live in memory and end after the office's idle
//! time; every call checks the desk's token again, so a revoked desk stops at
//! once.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use futures_util::StreamExt;
use kense_core::clock::Clock;
use kense_core::desks::Desk;
use kense_core::ops::Op;
use kense_core::{CoreError, Office, Session};
use kense_domain::types::Language;
use kense_domain::{DomainError, ErrorCode};
use serde_json::Value;
use tokio::sync::watch;

use crate::identity::Identity;
use crate::wire::{
    status_of, JoinAnswer, JoinRequest, SignInAnswer, SignInRequest, WireError, DESK_HEADER,
    SESSION_HEADER,
};

/// How often writes made by other processes on the host's folder are looked for.
const POLL: Duration = Duration::from_millis(500);

struct Live {
    session: Session,
    desk: String,
    last_use: Instant,
}

struct Host {
    office: Mutex<Office>,
    clock: Clock,
    lang: Language,
    idle: Duration,
    sessions: Mutex<HashMap<String, Live>>,
    changed: watch::Sender<u64>,
}

fn refused(code: ErrorCode, detail: &str) -> CoreError {
    DomainError::new(code, detail).into()
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn token() -> String {
    crate::random_bytes(32)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn read<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, CoreError> {
    serde_json::from_slice(body).map_err(|e| {
        DomainError::new(ErrorCode::InvalidInput, format!("the request's JSON: {e}")).into()
    })
}

impl Host {
    fn office(&self) -> std::sync::MutexGuard<'_, Office> {
        self.office.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn notify(&self) {
        self.changed.send_modify(|v| *v += 1);
    }

    /// The paired desk presenting its token; `desk_not_paired` otherwise.
    fn desk(&self, office: &Office, headers: &HeaderMap) -> Result<Desk, CoreError> {
        let token = header(headers, DESK_HEADER).unwrap_or("");
        office
            .desk_for_token(token)?
            .ok_or_else(|| refused(ErrorCode::DeskNotPaired, "unknown or revoked desk token"))
    }

    /// The live session of that desk; an idle one ends here.
    fn session(&self, headers: &HeaderMap, desk: &Desk) -> Result<Session, CoreError> {
        let token = header(headers, SESSION_HEADER).unwrap_or("");
        let mut sessions = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
        sessions.retain(|_, live| live.last_use.elapsed() < self.idle);
        match sessions.get_mut(token) {
            Some(live) if live.desk == desk.name => {
                live.last_use = Instant::now();
                Ok(live.session.clone())
            }
            _ => Err(refused(
                ErrorCode::SessionExpired,
                "no live session for this desk",
            )),
        }
    }

    fn join(&self, body: &[u8]) -> Result<Value, CoreError> {
        let request: JoinRequest = read(body)?;
        let now = self.clock.now();
        let (desk, desk_token) =
            self.office()
                .redeem_invitation(&request.secret, request.name.as_deref(), now)?;
        tracing::info!(desk = %desk.name, "desk joined");
        Ok(serde_json::to_value(JoinAnswer {
            desk_name: desk.name,
            desk_token,
        })
        .unwrap_or_default())
    }

    fn sign_in(&self, headers: &HeaderMap, body: &[u8]) -> Result<Value, CoreError> {
        let request: SignInRequest = read(body)?;
        let (session, desk) = {
            let office = self.office();
            let desk = self.desk(&office, headers)?;
            (
                office.sign_in(&request.login, &request.pin, self.clock.now())?,
                desk,
            )
        };
        let session_token = token();
        let answer = SignInAnswer {
            session_token: session_token.clone(),
            login: session.login().to_string(),
            idle_minutes: (self.idle.as_secs() / 60) as u32,
        };
        self.sessions
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(
                session_token,
                Live {
                    session,
                    desk: desk.name,
                    last_use: Instant::now(),
                },
            );
        Ok(serde_json::to_value(answer).unwrap_or_default())
    }

    fn sign_out(&self, headers: &HeaderMap) -> Result<Value, CoreError> {
        let token = header(headers, SESSION_HEADER).unwrap_or("");
        self.sessions
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(token);
        Ok(Value::Null)
    }

    fn op(&self, headers: &HeaderMap, name: &str, body: &[u8]) -> Result<Value, CoreError> {
        let args: Value = if body.iter().all(u8::is_ascii_whitespace) {
            Value::Null
        } else {
            read(body)?
        };
        let mut tagged = serde_json::json!({ "op": name });
        if !args.is_null() {
            tagged["args"] = args;
        }
        let op: Op = serde_json::from_value(tagged).map_err(|e| {
            CoreError::from(DomainError::at(
                ErrorCode::InvalidInput,
                "op",
                format!("operation `{name}`: {e}"),
            ))
        })?;
        let writes = op.writes();
        let answer = {
            let mut office = self.office();
            let desk = self.desk(&office, headers)?;
            let session = self.session(headers, &desk)?;
            office.call(&session, op, self.clock.now())
        };
        if writes && answer.is_ok() {
            self.notify();
        }
        answer
    }

    fn answer(&self, result: Result<Value, CoreError>) -> Response {
        match result {
            Ok(value) => Json(value).into_response(),
            Err(e) => {
                let status = StatusCode::from_u16(status_of(e.first_code()))
                    .unwrap_or(StatusCode::BAD_REQUEST);
                (status, Json(WireError::from_core(&e, self.lang))).into_response()
            }
        }
    }
}

/// Runs `work` on a blocking thread (argon2, SQLite and PDF work never hold
/// up the server's event loop).
async fn blocking(
    host: Arc<Host>,
    work: impl FnOnce(&Host) -> Result<Value, CoreError> + Send + 'static,
) -> Response {
    let task_host = host.clone();
    match tokio::task::spawn_blocking(move || work(&task_host)).await {
        Ok(result) => host.answer(result),
        Err(e) => host.answer(Err(refused(
            ErrorCode::StorageFailed,
            &format!("the host's task failed: {e}"),
        ))),
    }
}

async fn join(State(host): State<Arc<Host>>, body: Bytes) -> Response {
    blocking(host, move |h| h.join(&body)).await
}

async fn sign_in(State(host): State<Arc<Host>>, headers: HeaderMap, body: Bytes) -> Response {
    blocking(host, move |h| h.sign_in(&headers, &body)).await
}

async fn sign_out(State(host): State<Arc<Host>>, headers: HeaderMap) -> Response {
    blocking(host, move |h| h.sign_out(&headers)).await
}

async fn op(
    State(host): State<Arc<Host>>,
    Path(name): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    blocking(host, move |h| h.op(&headers, &name, &body)).await
}

async fn events(State(host): State<Arc<Host>>, headers: HeaderMap) -> Response {
    let checked = {
        let host = host.clone();
        tokio::task::spawn_blocking(move || {
            let office = host.office();
            let desk = host.desk(&office, &headers)?;
            host.session(&headers, &desk).map(|_| ())
        })
        .await
        .unwrap_or_else(|e| Err(refused(ErrorCode::StorageFailed, &e.to_string())))
    };
    if let Err(e) = checked {
        return host.answer(Err(e));
    }
    let changes = tokio_stream::wrappers::WatchStream::from_changes(host.changed.subscribe());
    let stream =
        changes.map(|v| Ok::<_, Infallible>(Event::default().event("changed").data(v.to_string())));
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

fn router(host: Arc<Host>) -> Router {
    Router::new()
        .route("/api/v1/join", post(join))
        .route("/api/v1/sign-in", post(sign_in))
        .route("/api/v1/sign-out", post(sign_out))
        .route("/api/v1/op/{name}", post(op))
        .route("/api/v1/events", get(events))
        .with_state(host)
}

fn failed(detail: String) -> CoreError {
    DomainError::new(ErrorCode::StorageFailed, detail).into()
}

/// Watches the journal for writes made by other processes (an operator's
/// CLI on the host's folder) and tells the desks.
fn watch_journal(host: Arc<Host>, stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        let mut last = host.office().data_version().ok();
        while !stop.load(Ordering::Relaxed) {
            std::thread::sleep(POLL);
            let now = host.office().data_version().ok();
            if now != last {
                last = now;
                host.notify();
            }
        }
    });
}

/// Serves `office` on `listen` until SIGINT or SIGTERM. `ready` is called
/// once the port is bound, with the real address and the certificate's
/// fingerprint text.
pub fn serve(
    office: Office,
    identity: &Identity,
    listen: &str,
    clock: Clock,
    ready: impl FnOnce(SocketAddr, &str),
) -> Result<(), CoreError> {
    crate::install_crypto();
    let config = crate::trust::server_config(identity)
        .map_err(|e| failed(format!("the host's TLS configuration: {e}")))?;
    let listener = std::net::TcpListener::bind(listen).map_err(|e| {
        CoreError::from(DomainError::at(
            ErrorCode::InvalidInput,
            "listen",
            format!("cannot listen on {listen}: {e}"),
        ))
    })?;
    listener
        .set_nonblocking(true)
        .map_err(|e| failed(e.to_string()))?;
    let address = listener.local_addr().map_err(|e| failed(e.to_string()))?;
    let idle = Duration::from_secs(u64::from(office.idle_lock_minutes()) * 60);
    let lang = office.ui_language();
    let (changed, _) = watch::channel(0u64);
    let host = Arc::new(Host {
        office: Mutex::new(office),
        clock,
        lang,
        idle,
        sessions: Mutex::new(HashMap::new()),
        changed,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| failed(format!("the host's runtime: {e}")))?;
    let stop = Arc::new(AtomicBool::new(false));
    watch_journal(host.clone(), stop.clone());
    let fingerprint = crate::code::fingerprint_text(&identity.fingerprint());
    ready(address, &fingerprint);
    let result = runtime.block_on(async move {
        let handle = axum_server::Handle::new();
        let stopper = handle.clone();
        tokio::spawn(async move {
            stopped().await;
            stopper.graceful_shutdown(Some(Duration::from_secs(1)));
        });
        let tls = axum_server::tls_rustls::RustlsConfig::from_config(Arc::new(config));
        axum_server::from_tcp_rustls(listener, tls)
            .handle(handle)
            .serve(router(host).into_make_service())
            .await
    });
    stop.store(true, Ordering::Relaxed);
    result.map_err(|e| failed(format!("the host stopped: {e}")))
}

/// Resolves on SIGINT, or SIGTERM on Unix.
async fn stopped() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut term = match signal(SignalKind::terminate()) {
            Ok(term) => term,
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    use kense_core::demo::{demo_pin, seed};

    const NOW: &str = "2026-11-23T10:00:00+05:00";

    /// A host on an in-memory demo journal with one paired desk: (host, desk token).
    fn host(idle: Duration) -> (Host, String) {
        let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
        let mut office = Office::open_in_memory().unwrap();
        seed(&mut office, now).unwrap();
        let admin = office.sign_in("admin", demo_pin("admin"), now).unwrap();
        let secret = office.invite_desk(&admin, "A", now).unwrap();
        let (_, token) = office.redeem_invitation(&secret, None, now).unwrap();
        let host = Host {
            office: Mutex::new(office),
            clock: Clock::from_override(Some(NOW), None).unwrap(),
            lang: Language::Kk,
            idle,
            sessions: Mutex::new(HashMap::new()),
            changed: watch::channel(0).0,
        };
        (host, token)
    }

    fn headers(desk: &str, session: Option<&str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(DESK_HEADER, HeaderValue::from_str(desk).unwrap());
        if let Some(session) = session {
            headers.insert(SESSION_HEADER, HeaderValue::from_str(session).unwrap());
        }
        headers
    }

    fn sign_in(host: &Host, desk: &str, login: &str) -> String {
        let body = serde_json::json!({"login": login, "pin": demo_pin(login)}).to_string();
        let answer = host.sign_in(&headers(desk, None), body.as_bytes()).unwrap();
        answer["session_token"].as_str().unwrap().to_string()
    }

    #[test]
    fn a_session_works_on_its_desk_until_revoked_or_signed_out() {
        let (host, desk) = host(Duration::from_secs(600));
        let session = sign_in(&host, &desk, "head");
        let work = host.op(&headers(&desk, Some(&session)), "my_work", b"");
        assert!(work.unwrap().is_array());
        // Another desk's token with this session: refused.
        let err = host
            .op(&headers("other", Some(&session)), "my_work", b"")
            .unwrap_err();
        assert_eq!(err.first_code(), ErrorCode::DeskNotPaired);
        // An unknown op: a clear input error.
        let err = host
            .op(&headers(&desk, Some(&session)), "drop_journal", b"")
            .unwrap_err();
        assert_eq!(err.first_code(), ErrorCode::InvalidInput);
        // A write op tells the desks.
        let before = *host.changed.borrow();
        let err = host
            .op(
                &headers(&desk, Some(&session)),
                "register",
                br#"{"input": {"service": "x", "procedure": "y", "channel": "state_corp",
                   "received_at": "23.11.2026 09:00", "language": "kk",
                   "applicant": {"kind": "person", "name": "A"}}}"#,
            )
            .unwrap_err();
        assert_eq!(err.first_code(), ErrorCode::PermissionDenied);
        assert_eq!(
            *host.changed.borrow(),
            before,
            "nothing written, nothing told"
        );
        let clerk = sign_in(&host, &desk, "clerk");
        let case = host
            .op(
                &headers(&desk, Some(&clerk)),
                "register",
                br#"{"input": {"service": "small-vessel-certificate", "procedure": "issue",
                   "channel": "state_corp", "received_at": "23.11.2026 09:00", "language": "kk",
                   "applicant": {"kind": "person", "iin": "800416100254", "name": "Synaq Test"},
                   "documents": ["Application"]}}"#,
            )
            .unwrap();
        assert!(case["number"].is_string(), "{case}");
        assert_eq!(*host.changed.borrow(), before + 1, "a write is told");
        // Signed out: the token is gone.
        host.sign_out(&headers(&desk, Some(&session))).unwrap();
        let err = host
            .op(&headers(&desk, Some(&session)), "my_work", b"")
            .unwrap_err();
        assert_eq!(err.first_code(), ErrorCode::SessionExpired);
        // Revoked: a live session of that desk stops at once.
        let session = sign_in(&host, &desk, "head");
        {
            let now = host.clock.now();
            let mut office = host.office();
            let admin = office.sign_in("admin", demo_pin("admin"), now).unwrap();
            office.revoke_desk(&admin, "A", now).unwrap();
        }
        let err = host
            .op(&headers(&desk, Some(&session)), "my_work", b"")
            .unwrap_err();
        assert_eq!(err.first_code(), ErrorCode::DeskNotPaired);
    }

    #[test]
    fn an_idle_session_ends() {
        let (host, desk) = host(Duration::ZERO);
        let session = sign_in(&host, &desk, "clerk");
        let err = host
            .op(&headers(&desk, Some(&session)), "journal", b"")
            .unwrap_err();
        assert_eq!(err.first_code(), ErrorCode::SessionExpired);
        let wrong = serde_json::json!({"login": "clerk", "pin": "0000"}).to_string();
        let err = host
            .sign_in(&headers(&desk, None), wrong.as_bytes())
            .unwrap_err();
        assert_eq!(err.first_code(), ErrorCode::PinWrong);
    }
}
