//! The administrator adds a user in the window (and edits it), checks the journal's safety and
//! reads About, and the new user signs in.

mod driver;

use driver::{cli, Desk, TauriDriver, NOW};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_administrator_adds_an_executor_who_then_signs_in() {
    let data = tempfile::tempdir().unwrap();
    cli(data.path(), NOW, &["demo"]);
    let driver = TauriDriver::start().await;
    let desk = Desk::open(&driver, data.path()).await;
    desk.sign_in("admin", "111111").await;
    desk.click("#nav-admin").await;
    desk.click("#admin-tab-users").await;
    desk.wait_for("#users-table tr[data-login='executor']")
        .await;

    desk.type_into("#user-login", "aigul").await;
    desk.type_into("#user-pin", "12").await;
    desk.type_into("#user-name-kk", "Айгүл Серікқызы Әлиева")
        .await;
    desk.type_into("#user-name-ru", "Айгуль Сериковна Алиева")
        .await;
    desk.type_into("#user-position-kk", "Бас маман").await;
    desk.type_into("#user-position-ru", "Главный специалист")
        .await;
    desk.click(".role-checkbox[value='executor']").await;
    desk.type_into("#user-department", "Жолаушылар көлігі бөлімі")
        .await;
    desk.click("#user-submit").await;
    let error = desk.wait_for(".field-error[data-field='pin']").await;
    assert_eq!(
        error.text().await.unwrap(),
        "PIN-код 4–12 цифрдан тұруы керек."
    );
    assert!(
        !desk.exists("#users-table tr[data-login='aigul']").await,
        "nothing saved"
    );

    desk.type_into("#user-pin", "2580").await;
    desk.click("#user-submit").await;
    desk.wait_for("#users-table tr[data-login='aigul']").await;
    desk.screenshot("20-admin-users.png").await;

    // One edit: the new user's position, saved and shown in the list.
    desk.click("#users-table tr[data-login='aigul'] .user-edit")
        .await;
    desk.type_into("#edit-position-kk", "Жетекші маман").await;
    desk.click("#user-edit-save").await;
    desk.wait_for_text("#users-table tr[data-login='aigul']", "Жетекші маман")
        .await;
    desk.screenshot("21-admin-user-edited.png").await;

    // The journal's safety: the chain head shown, verify run from the window.
    desk.click("#admin-tab-safety").await;
    let length = desk.wait_for("#chain-length").await.text().await.unwrap();
    assert!(length.trim().parse::<u64>().unwrap() > 0, "{length}");
    desk.click("#safety-verify").await;
    desk.wait_for("#verify-result.ok").await;
    desk.screenshot("25-admin-safety-kk.png").await;
    // About, in Russian: the version, the journal's schema, the data folder.
    desk.click("#lang-ru").await;
    desk.click("#admin-tab-about").await;
    let version = desk.wait_for("#about-version").await.text().await.unwrap();
    assert!(version.contains('.'), "{version}");
    let folder = desk.wait_for("#about-data-dir").await.text().await.unwrap();
    assert!(!folder.trim().is_empty());
    desk.screenshot("26-admin-about-ru.png").await;

    desk.sign_in("aigul", "2580").await;
    assert!(desk.exists("#nav-work").await);
    desk.close().await;
    driver.stop();
}
