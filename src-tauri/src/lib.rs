//! The Tauri shell: opens the office journal, then serves thin commands to the window.

mod args;
mod commands;
mod state;

use state::AppState;

pub fn run() {
    let args = args::Args::parse(std::env::args().skip(1));
    let dir =
        kense_core::data_dir::resolve(args.data_dir.clone(), std::env::var("KENSE_DATA_DIR").ok());
    kense_core::logging::init(&dir, "kense");
    let state = AppState::open(&args);
    tauri::Builder::default()
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(commands::reports::ExportControl::default())
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::about,
            commands::app::set_ui_language,
            commands::journal::list_services,
            commands::journal::journal,
            commands::journal::register_case,
            commands::journal::check_iin,
            commands::journal::search_journal,
            commands::route::my_work,
            commands::route::overdue_dashboard,
            commands::route::case_view,
            commands::route::case_actions,
            commands::route::act,
            commands::session::list_users,
            commands::session::sign_in,
            commands::session::first_run,
            commands::session::sign_out,
            commands::session::current_user,
            commands::session::create_user,
            commands::session::set_head_absence,
            commands::users::office_users,
            commands::users::update_user,
            commands::users::set_user_active,
            commands::users::reset_pin,
            commands::admin::services_report,
            commands::admin::service_definition,
            commands::admin::edit_service,
            commands::admin::calendar_year,
            commands::journal::month_days_off,
            commands::admin::edit_calendar,
            commands::admin::calendar_edits,
            commands::documents::document_pdf,
            commands::documents::sign_case,
            commands::documents::save_document,
            commands::documents::open_document,
            commands::documents::save_journal,
            commands::documents::case_documents,
            commands::documents::verify_document,
            commands::documents::verify_code,
            commands::documents::office_details,
            commands::documents::set_office_details,
            commands::safety::journal_safety,
            commands::safety::set_backup_folder,
            commands::safety::backup_now,
            commands::safety::restore_backup,
            commands::safety::save_diagnostics,
            commands::reports::report,
            commands::reports::quarterly_draft,
            commands::reports::sign_quarterly,
            commands::reports::export_dir,
            commands::reports::cancel_export,
            commands::reports::export_report,
            commands::reports::export_journal,
        ])
        .run(tauri::generate_context!())
        .expect("the Kense window could not start");
}
