//! Starting tauri-driver and opening the app window as a WebDriver session.
//! Each test binary uses a part of it.
#![allow(dead_code)]

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// The office clock for the whole suite, so numbers and dates are known.
pub const NOW: &str = "2026-11-23T10:30:00+05:00";
const DRIVER_PORT: u16 = 4444;
const NATIVE_PORT: u16 = 4445;
const WAIT: Duration = Duration::from_secs(20);

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The app binary with the UI embedded; `scripts/test.sh` builds it.
fn app_binary() -> PathBuf {
    let path = std::env::var_os("KENSE_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/debug/kense"));
    assert!(
        path.exists(),
        "{} is missing: build the app first (scripts/test.sh does)",
        path.display()
    );
    path
}

/// A new test journal (`init --test-journal`, administrator `admin`) with one
/// clerk, `clerk` (PIN 1111): there is no setup mode, the clerk signs in.
pub fn office_with_clerk(data_dir: &Path) {
    let clerk = json!({
        "login": "clerk",
        "name": {"kk": "Айгүл Серікқызы", "ru": "Айгуль Сериковна"},
        "position": {"kk": "Кеңсе маманы", "ru": "Специалист канцелярии"},
        "roles": [{"role": "clerk"}],
        "pin": demo_pin("clerk"),
    });
    std::fs::create_dir_all(data_dir).unwrap();
    let file = std::env::temp_dir().join(format!("kense-e2e-clerk-{}.json", std::process::id()));
    std::fs::write(&file, clerk.to_string()).unwrap();
    cli(
        data_dir,
        NOW,
        &[
            "--user",
            "admin",
            "user",
            "add",
            "--json",
            file.to_str().unwrap(),
        ],
    );
}

/// The demo PIN of `login`: 6 digits for the head, the deputy and the administrator.
pub fn demo_pin(login: &str) -> &'static str {
    match login {
        "admin" | "head" | "deputy" => "111111",
        _ => "1111",
    }
}

/// A file holding `pin` on its first line (outside any data folder).
fn pin_file(pin: &str) -> PathBuf {
    let dir = std::env::temp_dir().join("kense-e2e-pins");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("pin-{pin}"));
    std::fs::write(&file, format!("{pin}\n")).unwrap();
    file
}

/// Runs `kense-cli` on the same journal, as an operator would before a shift,
/// signed in with the `--user` given in `args` (default `admin`) and the
/// demo PIN from a PIN file.
pub fn cli(data_dir: &Path, now: &str, args: &[&str]) -> String {
    let bin = app_binary().with_file_name("kense-cli");
    // A new journal is only made by an explicit choice: `init` in an empty folder
    // (a test journal, so `--now` is accepted, with `admin` as its administrator).
    if !data_dir.join("journal.sqlite").exists() && !matches!(args.first(), Some(&"demo")) {
        let made = Command::new(&bin)
            .arg("--data-dir")
            .arg(data_dir)
            .arg("--pin-file")
            .arg(pin_file(demo_pin("admin")))
            .args(["init", "--test-journal", "--admin-login", "admin"])
            .args([
                "--admin-name-kk",
                "Әкімші",
                "--admin-name-ru",
                "Администратор",
            ])
            .output()
            .unwrap_or_else(|e| panic!("{} does not run: {e}", bin.display()));
        assert!(
            made.status.success(),
            "kense-cli init: {}",
            String::from_utf8_lossy(&made.stderr)
        );
    }
    let user = args
        .iter()
        .position(|a| *a == "--user")
        .and_then(|i| args.get(i + 1))
        .copied()
        .unwrap_or("admin");
    let mut command = Command::new(&bin);
    command.arg("--data-dir").arg(data_dir).args(["--now", now]);
    if !args.contains(&"--user") {
        command.args(["--user", user]);
    }
    let out = command
        .arg("--pin-file")
        .arg(pin_file(demo_pin(user)))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{} does not run: {e}", bin.display()));
    assert!(
        out.status.success(),
        "kense-cli {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub fn output_dir() -> PathBuf {
    let dir = repo_root().join("test-output/e2e");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn port_open(port: u16) -> bool {
    TcpStream::connect(("127.0.0.1", port)).is_ok()
}

pub struct TauriDriver {
    child: Child,
}

impl TauriDriver {
    pub async fn start() -> TauriDriver {
        assert!(
            !port_open(DRIVER_PORT),
            "port {DRIVER_PORT} is taken: is another tauri-driver running?"
        );
        let child = Command::new("tauri-driver")
            .args([
                "--port",
                &DRIVER_PORT.to_string(),
                "--native-port",
                &NATIVE_PORT.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("tauri-driver must be installed (cargo install tauri-driver@2.1.0 --locked)");
        let driver = TauriDriver { child };
        let start = Instant::now();
        // Both the driver and WebKitWebDriver must listen, or a session fails at random.
        while !(port_open(DRIVER_PORT) && port_open(NATIVE_PORT)) {
            assert!(
                start.elapsed() < WAIT,
                "tauri-driver did not start listening"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        driver
    }

    /// SIGTERM, not SIGKILL: a killed driver orphans WebKitWebDriver on its port.
    pub fn stop(mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

/// One start of the app window, at the office desk.
pub struct Desk {
    client: Client,
}

impl Desk {
    pub async fn open(driver: &TauriDriver, data_dir: &Path) -> Desk {
        Desk::open_at(driver, data_dir, NOW).await
    }

    /// Opens the window with the office clock set to `now`.
    pub async fn open_at(_driver: &TauriDriver, data_dir: &Path, now: &str) -> Desk {
        let caps = json!({
            "browserName": "wry",
            "tauri:options": {
                "application": app_binary(),
                "args": ["--data-dir", data_dir, "--now", now],
            }
        });
        let caps = caps.as_object().unwrap().clone();
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{DRIVER_PORT}"))
            .await
            .expect("a WebDriver session on the app");
        Desk { client }
    }

    pub async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} did not appear: {e}"))
    }

    pub async fn wait_for_text(&self, css: &str, needle: &str) {
        let start = Instant::now();
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                if el.text().await.map(|t| t.contains(needle)).unwrap_or(false) {
                    return;
                }
            }
            assert!(start.elapsed() < WAIT, "{css} never showed `{needle}`");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.unwrap()
    }

    pub async fn click(&self, css: &str) {
        let element = self.wait_for(css).await;
        if let Err(e) = element.click().await {
            self.screenshot("failure.png").await;
            panic!("cannot click {css}: {e} (see failure.png)");
        }
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.wait_for(css).await;
        el.clear().await.unwrap();
        el.send_keys(text).await.unwrap();
    }

    /// How many cases the journal table shows.
    pub async fn rows(&self) -> usize {
        self.wait_for("main h2").await;
        self.client
            .find_all(Locator::Css("#journal tbody tr[data-number]"))
            .await
            .unwrap()
            .len()
    }

    pub async fn screenshot(&self, name: &str) {
        // Let WebKit paint the latest state before the snapshot is taken.
        self.client
            .execute_async(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));",
                vec![],
            )
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;
        let png = self.client.screenshot().await.unwrap();
        std::fs::write(output_dir().join(name), png).unwrap();
    }

    /// Signs in at the desk's sign-in list with the user's PIN.
    pub async fn sign_in(&self, login: &str, pin: &str) {
        if self.client.find(Locator::Css("#switch-user")).await.is_ok() {
            self.click("#switch-user").await;
        }
        self.click(&format!("#signin-user-{login}")).await;
        self.type_into("#signin-pin", &format!("{pin}\u{E007}"))
            .await;
        self.wait_for(&format!("#current-user[data-login='{login}']"))
            .await;
    }

    /// Opens a case from "My work".
    pub async fn open_from_work(&self, number: &str) {
        self.click("#nav-work").await;
        // WebKitWebDriver clicks cells, not rows.
        self.click(&format!("#work-table tr[data-number='{number}'] td"))
            .await;
        self.wait_for_text("#case-number", number).await;
    }

    /// Opens an act's form.
    pub async fn act(&self, kind: &str) {
        self.click(&format!("button[data-action-kind='{kind}']"))
            .await;
        self.wait_for(&format!("#action-form[data-action='{kind}']"))
            .await;
    }

    pub async fn submit_act(&self) {
        self.click("#action-form #action-submit").await;
        let start = Instant::now();
        while self.client.find(Locator::Css("#action-form")).await.is_ok() {
            if let Ok(err) = self
                .client
                .find(Locator::Css("#action-error, #action-form .field-error"))
                .await
            {
                panic!(
                    "the act was refused: {}",
                    err.text().await.unwrap_or_default()
                );
            }
            assert!(start.elapsed() < WAIT, "the act form did not close");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn select(&self, css: &str, value: &str) {
        self.click(&format!("{css} option[value='{value}']")).await;
    }

    pub async fn attr(&self, css: &str, name: &str) -> String {
        self.wait_for(css)
            .await
            .attr(name)
            .await
            .unwrap()
            .unwrap_or_default()
    }

    pub async fn all(&self, css: &str) -> Vec<Element> {
        self.wait_for(css).await;
        self.client.find_all(Locator::Css(css)).await.unwrap()
    }

    pub async fn exists(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    /// Runs `script` in the window (`return …` gives its value back).
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.client.execute(script, vec![]).await.unwrap()
    }

    /// Chooses `file` in a file input.
    pub async fn upload(&self, css: &str, file: &Path) {
        let input = self.wait_for(css).await;
        input.send_keys(file.to_str().unwrap()).await.unwrap();
    }

    /// Signs the draft in the signature panel with the PIN; panics when it is refused.
    pub async fn sign_draft(&self, pin: &str) {
        self.wait_for("#sign-panel").await;
        self.type_into("#sign-pin", pin).await;
        self.click("#sign-submit").await;
        let start = Instant::now();
        while self.exists("#sign-panel").await {
            if let Ok(err) = self.client.find(Locator::Css("#sign-error")).await {
                panic!(
                    "the signature was refused: {}",
                    err.text().await.unwrap_or_default()
                );
            }
            assert!(start.elapsed() < WAIT, "the signature panel did not close");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn close(self) {
        self.client.close().await.unwrap();
    }
}
