//! The real Kense window, driven as a clerk would: tauri-driver + WebKitWebDriver
//! under Xvfb (run by `scripts/test.sh`). Screenshots go to test-output/e2e/.

mod driver;

use driver::Desk;

const FIRST_NUMBER: &str = "2026-00001";
const NAME: &str = "Әсет Құрманғалиұлы";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clerk_registers_in_kazakh_and_the_case_survives_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let driver = driver::TauriDriver::start().await;

    // First day: the clerk signs in, switches languages, registers, tries a bad IIN.
    driver::office_with_clerk(data.path());
    let desk = Desk::open(&driver, data.path()).await;
    desk.sign_in("clerk", driver::demo_pin("clerk")).await;
    desk.click("#nav-journal").await;
    desk.wait_for("#nav-register").await;
    desk.click("#lang-ru").await;
    assert_eq!(
        desk.text("#nav-register").await,
        "Зарегистрировать заявление"
    );
    desk.click("#lang-kk").await;
    assert_eq!(desk.text("#nav-register").await, "Өтінішті тіркеу");
    assert_eq!(desk.text("h2").await, "Кіріс өтініштерді тіркеу журналы");

    desk.click("#nav-register").await;
    desk.click("#service option[value='small-vessel-certificate']")
        .await;
    desk.click("#procedure option[value='issue']").await;
    // The calendar of "received at": Monday first, the office's days off marked
    // (Saturday 2026-11-21 and Sunday 2026-11-22 are days off).
    desk.click("#received_at-open").await;
    desk.wait_for(".popup button.day.off[data-date='2026-11-22']")
        .await;
    assert!(
        !desk
            .exists(".popup button.day.off[data-date='2026-11-23']")
            .await,
        "a working Monday is not marked off"
    );
    desk.screenshot("04-date-picker-kk.png").await;
    desk.click(".popup button.close").await;
    desk.type_into("#id_number", "800416100254").await;
    desk.wait_for_text("#iin-decoded", "16.04.1880").await;
    desk.click(".required-document").await;
    desk.type_into("#documents", "Медициналық анықтама").await;
    // Enter in a text field submits the form, as a clerk at a keyboard expects.
    desk.type_into("#name", &format!("{NAME}\u{E007}")).await;
    desk.wait_for_text("#notice", FIRST_NUMBER).await;
    let row = format!("tr[data-number='{FIRST_NUMBER}']");
    assert!(desk.text(&format!("{row} .applicant")).await.contains(NAME));
    assert_eq!(desk.rows().await, 1);
    desk.screenshot("01-journal-kk.png").await;

    desk.click("#nav-register").await;
    desk.type_into("#id_number", "821214240092").await;
    desk.type_into("#name", "Бақылау Тексеріс").await;
    desk.type_into("#documents", "Өтініш").await;
    desk.click("#submit").await;
    let error = desk
        .wait_for(".field-error[data-field='applicant.iin']")
        .await;
    assert_eq!(
        error.text().await.unwrap(),
        "ЖСН қате: бақылау разряды сәйкес келмейді."
    );
    desk.screenshot("02-bad-iin-kk.png").await;
    desk.click("#nav-journal").await;
    // The journal loads after the screen changes: wait for its row, then count.
    desk.wait_for(&row).await;
    assert_eq!(
        desk.rows().await,
        1,
        "the refused application must not be in the journal"
    );
    desk.close().await;

    // Next start on the same journal: the case and the chosen language are still there.
    let desk = Desk::open(&driver, data.path()).await;
    desk.sign_in("clerk", driver::demo_pin("clerk")).await;
    desk.click("#nav-journal").await;
    let row = desk.wait_for(&row).await;
    assert!(row.text().await.unwrap().contains(NAME));
    assert_eq!(desk.text("#nav-register").await, "Өтінішті тіркеу");
    assert_eq!(desk.rows().await, 1);
    desk.screenshot("03-after-restart-kk.png").await;
    desk.close().await;
    driver.stop();
}
