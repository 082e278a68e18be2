// Typed calls into the Rust backend. Types come from ts-rs (lib/bindings).
import { invoke } from "@tauri-apps/api/core";
import type { ApiError } from "./bindings/ApiError";
import type { About } from "./bindings/About";
import type { AppInfo } from "./bindings/AppInfo";
import type { ApplicationInput } from "./bindings/ApplicationInput";
import type { Case } from "./bindings/Case";
import type { IinInfo } from "./bindings/IinInfo";
import type { JournalRow } from "./bindings/JournalRow";
import type { ServiceOption } from "./bindings/ServiceOption";
import type { Action } from "./bindings/Action";
import type { ActionKind } from "./bindings/ActionKind";
import type { ActOptions } from "./bindings/ActOptions";
import type { CaseView } from "./bindings/CaseView";
import type { JournalFilter } from "./bindings/JournalFilter";
import type { JournalSearch } from "./bindings/JournalSearch";
import type { OverdueDashboard } from "./bindings/OverdueDashboard";
import type { FirstRun } from "./bindings/FirstRun";
import type { User } from "./bindings/User";
import type { UserInput } from "./bindings/UserInput";
import type { UserUpdate } from "./bindings/UserUpdate";
import type { CalendarChange } from "./bindings/CalendarChange";
import type { CalendarEditView } from "./bindings/CalendarEditView";
import type { CalendarYear } from "./bindings/CalendarYear";
import type { ServiceDefinition } from "./bindings/ServiceDefinition";
import type { ServiceEdit } from "./bindings/ServiceEdit";
import type { ServicesReport } from "./bindings/ServicesReport";
import type { DocumentInfo } from "./bindings/DocumentInfo";
import type { DocumentKind } from "./bindings/DocumentKind";
import type { Language } from "./bindings/Language";
import type { OfficeDetails } from "./bindings/OfficeDetails";
import type { Verification } from "./bindings/Verification";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { ReportQuery } from "./bindings/ReportQuery";
import type { ReportView } from "./bindings/ReportView";
import { toBytes, toWire } from "./documents";

export function isApiError(e: unknown): e is ApiError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    if (isApiError(e)) throw e;
    const unexpected: ApiError = { code: "unexpected", message: String(e), fields: [] };
    throw unexpected;
  }
}

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  about: () => call<About>("about"),
  setUiLanguage: (language: string) => call<void>("set_ui_language", { language }),
  services: () => call<ServiceOption[]>("list_services"),
  journal: () => call<JournalRow[]>("journal"),
  /** `requestId`: one per form submission; a retry of it returns the first result. */
  register: (input: ApplicationInput, requestId: string) =>
    call<Case>("register_case", { input, requestId }),
  checkIin: (iin: string) => call<IinInfo>("check_iin", { iin }),
  searchJournal: (filter: JournalFilter) => call<JournalSearch>("search_journal", { filter }),
  /** The sign-in list: active users only, shown before anyone signs in. */
  users: () => call<User[]>("list_users"),
  /** Every user of the office, disabled ones included (names in histories, the admin list). */
  officeUsers: () => call<User[]>("office_users"),
  createUser: (input: UserInput) => call<User>("create_user", { input }),
  updateUser: (login: string, update: UserUpdate) => call<User>("update_user", { login, update }),
  /** Disables (`active: false`) or enables a user. */
  setUserActive: (login: string, active: boolean) => call<User>("set_user_active", { login, active }),
  /** A new PIN (the PIN rules apply); it also lifts the user's sign-in lock. */
  resetPin: (login: string, pin: string) => call<void>("reset_pin", { login, pin }),
  signIn: (login: string, pin: string) => call<User>("sign_in", { login, pin }),
  signOut: () => call<void>("sign_out"),
  /** The first run: the new journal's first administrator, signed in. */
  firstRun: (first: FirstRun) => call<User>("first_run", { first }),
  currentUser: () => call<User | null>("current_user"),
  setHeadAbsence: (from: string, until: string) => call<void>("set_head_absence", { from, until }),
  myWork: () => call<JournalRow[]>("my_work"),
  overdueDashboard: () => call<OverdueDashboard>("overdue_dashboard"),
  caseView: (ref: string) => call<CaseView>("case_view", { case: ref }),
  caseActions: (ref: string) => call<ActionKind[]>("case_actions", { case: ref }),
  /** `options`: the case version the user saw (refused with `case_changed` if the case
   * changed since) and the form submission's request id. */
  act: (ref: string, action: Action, options: ActOptions) =>
    call<CaseView>("act", { case: ref, action, options }),
  servicesReport: () => call<ServicesReport>("services_report"),
  serviceDefinition: (service: string) => call<ServiceDefinition>("service_definition", { service }),
  editService: (service: string, edit: ServiceEdit) =>
    call<ServiceDefinition>("edit_service", { service, edit }),
  calendarYear: (year: number) => call<CalendarYear>("calendar_year", { year }),
  /** The office's days off of a month (`yyyy-mm-dd`), for the date picker. */
  monthDaysOff: (year: number, month: number) => call<string[]>("month_days_off", { year, month }),
  editCalendar: (year: number, change: CalendarChange) =>
    call<CalendarYear>("edit_calendar", { year, change }),
  calendarEdits: () => call<CalendarEditView[]>("calendar_edits"),
  /** The page preview: the stored document once issued, else the draft. */
  documentPdf: async (ref: string, kind: DocumentKind, lang: Language | null) =>
    toBytes(await call<number[]>("document_pdf", { case: ref, kind, lang })),
  signCase: (ref: string, pin: string, comment: string) =>
    call<CaseView>("sign_case", { case: ref, pin, comment }),
  saveDocument: (ref: string, kind: DocumentKind, lang: Language | null, path: string) =>
    call<DocumentInfo>("save_document", { case: ref, kind, lang, path }),
  openDocument: (ref: string, kind: DocumentKind, lang: Language | null) =>
    call<DocumentInfo>("open_document", { case: ref, kind, lang }),
  saveJournal: (from: string, to: string, lang: Language, path: string) =>
    call<DocumentInfo>("save_journal", { from, to, lang, path }),
  caseDocuments: (ref: string) => call<DocumentInfo[]>("case_documents", { case: ref }),
  verifyDocument: (bytes: Uint8Array) => call<Verification>("verify_document", { bytes: toWire(bytes) }),
  verifyCode: (code: string) => call<Verification>("verify_code", { code }),
  officeDetails: () => call<OfficeDetails>("office_details"),
  setOfficeDetails: (details: OfficeDetails) => call<OfficeDetails>("set_office_details", { details }),
  report: (query: ReportQuery) => call<ReportView>("report", { query }),
  quarterlyDraft: async (from: string, to: string, lang: Language) =>
    toBytes(await call<number[]>("quarterly_draft", { from, to, lang })),
  signQuarterly: (from: string, to: string, lang: Language, pin: string, path: string) =>
    call<DocumentInfo>("sign_quarterly", { from, to, lang, pin, path }),
  exportDir: () => call<string>("export_dir"),
  exportReport: (query: ReportQuery, format: ExportFormat, lang: Language, path: string) =>
    call<string>("export_report", { query, format, lang, path }),
  exportJournal: (filter: JournalFilter, format: ExportFormat, lang: Language, path: string) =>
    call<string>("export_journal", { filter, format, lang, path }),
  cancelExport: () => call<void>("cancel_export"),
};
