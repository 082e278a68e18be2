//! Three people at one desk walk cases along their regulation's route in the
//! real window: clerk, head (or the deputy acting), department head, executor.

mod driver;

use driver::{cli, Desk, TauriDriver, NOW};

const PIN: &str = "1111";
/// The demo head's and deputy's PIN (6 digits: the PIN policy).
const STRONG_PIN: &str = "111111";

/// Registers a case through the CLI (the desk's morning intake) and returns its number.
fn register(data: &std::path::Path, service: &str, procedure: &str, name: &str) -> String {
    let json = serde_json::json!({
        "service": service, "procedure": procedure, "channel": "state_corp",
        "received_at": "2026-11-23T10:20:00+05:00", "language": "kk",
        "applicant": {"kind": "person", "iin": "800416100254", "name": name},
        "documents": ["Өтініш"]
    });
    let file = data.join(format!("{name}.json"));
    std::fs::write(&file, json.to_string()).unwrap();
    let out = cli(
        data,
        NOW,
        &[
            "--user",
            "clerk",
            "register",
            "--json",
            file.to_str().unwrap(),
        ],
    );
    serde_json::from_str::<serde_json::Value>(&out).unwrap()["number"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn resolve_to_executor(desk: &Desk, number: &str) {
    desk.sign_in("head", STRONG_PIN).await;
    desk.open_from_work(number).await;
    desk.act("resolve").await;
    desk.type_into("#field-text", "Қарап, заңға сай шешім дайындаңыз")
        .await;
    desk.select("#field-executor", "executor").await;
    desk.submit_act().await;
}

async fn sign_and_hand_over(desk: &Desk, number: &str) {
    desk.sign_in("head", STRONG_PIN).await;
    desk.open_from_work(number).await;
    desk.sign_draft(STRONG_PIN).await;
    desk.sign_in("clerk", PIN).await;
    desk.open_from_work(number).await;
    desk.act("hand_over").await;
    desk.select("#field-method", "state_corp").await;
    desk.submit_act().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_vessel_certificate_goes_from_clerk_to_head_to_executor_and_back() {
    let data = tempfile::tempdir().unwrap();
    cli(data.path(), NOW, &["demo"]);
    let granted = register(
        data.path(),
        "small-vessel-certificate",
        "issue",
        "Әсет Құрманғалиұлы",
    );
    let refused = register(
        data.path(),
        "small-vessel-certificate",
        "issue",
        "Гүлжан Өтегенова",
    );
    let driver = TauriDriver::start().await;
    let desk = Desk::open(&driver, data.path()).await;
    desk.wait_for("#signin").await;

    // Main path: the executor finds the package complete and drafts the certificate.
    resolve_to_executor(&desk, &granted).await;
    desk.sign_in("executor", PIN).await;
    desk.open_from_work(&granted).await;
    desk.act("record_check").await;
    for checkbox in desk.all(".doc-checkbox").await {
        checkbox.click().await.unwrap();
    }
    desk.submit_act().await;
    desk.act("submit").await;
    desk.type_into("#field-fields-vessel-class", "Моторлы қайық")
        .await;
    desk.submit_act().await;
    assert_eq!(
        desk.attr("#case-status", "data-status").await,
        "awaiting_signature"
    );
    sign_and_hand_over(&desk, &granted).await;
    assert_eq!(desk.attr("#case-status", "data-status").await, "closed");
    desk.screenshot("10-workflow-closed.png").await;

    // Refusal path: an incomplete package.
    resolve_to_executor(&desk, &refused).await;
    desk.sign_in("executor", PIN).await;
    desk.open_from_work(&refused).await;
    desk.act("record_check").await;
    desk.all(".doc-checkbox").await[0].click().await.unwrap();
    desk.submit_act().await;
    desk.act("draft_refusal").await;
    desk.click(".ground-checkbox[value='incomplete-package']")
        .await;
    desk.submit_act().await;
    sign_and_hand_over(&desk, &refused).await;
    assert_eq!(desk.attr("#case-status", "data-status").await, "refused");
    desk.screenshot("11-workflow-refused.png").await;
    assert!(
        desk.exists("#history tr[data-action='draft_refusal']")
            .await
    );
    desk.close().await;
    driver.stop();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_deputy_acts_for_the_absent_head_and_late_steps_turn_red() {
    let data = tempfile::tempdir().unwrap();
    cli(data.path(), NOW, &["demo"]);
    cli(
        data.path(),
        NOW,
        &[
            "--user",
            "head",
            "absence",
            "--from",
            "2026-11-23T08:00:00+05:00",
            "--until",
            "2026-11-27T18:30:00+05:00",
        ],
    );
    let number = register(
        data.path(),
        "intl-inspection-certificate",
        "issue",
        "Иван Петров",
    );
    let driver = TauriDriver::start().await;
    let desk = Desk::open(&driver, data.path()).await;

    desk.sign_in("deputy", STRONG_PIN).await;
    desk.open_from_work(&number).await;
    desk.act("resolve").await;
    desk.type_into("#field-text", "Бөлімге орындауға").await;
    desk.select("#field-dept_head", "depthead").await;
    desk.submit_act().await;
    assert!(
        desk.exists("#history tr[data-action='resolve'][data-acting='true']")
            .await
    );
    desk.sign_in("depthead", PIN).await;
    desk.open_from_work(&number).await;
    desk.act("assign_executor").await;
    desk.select("#field-executor", "executor").await;
    desk.submit_act().await;
    assert_eq!(desk.attr("#current-step", "data-step").await, "examine");
    desk.screenshot("12-deputy-acting.png").await;
    desk.close().await;

    // Three working days later the executor's one-day step is overdue: red in My work.
    let later = Desk::open_at(&driver, data.path(), "2026-11-26T16:00:00+05:00").await;
    later.sign_in("executor", PIN).await;
    later.click("#nav-work").await;
    let row = format!("#work-table tr[data-number='{number}']");
    later.wait_for(&row).await;
    assert!(later.attr(&row, "class").await.contains("state-overdue"));
    assert!(later.exists("#work-banner").await);
    later.screenshot("13-overdue-red.png").await;
    later.close().await;
    driver.stop();
}
