// Documents in the window: PDF bytes across the IPC boundary, the signature panel's
// conditions, file names for "Save as", check results as texts, and the office
// details form. Pure functions, so they are unit-tested without a window.
import type { ActionKind } from "./bindings/ActionKind";
import type { CaseView } from "./bindings/CaseView";
import type { DocumentInfo } from "./bindings/DocumentInfo";
import type { DocumentKind } from "./bindings/DocumentKind";
import type { Language } from "./bindings/Language";
import type { OfficeDetails } from "./bindings/OfficeDetails";
import type { Verification } from "./bindings/Verification";
import { formatOfficeDateTime } from "./time";

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Bytes as a command returns them (`Vec<u8>` travels as a JSON array of numbers). */
export function toBytes(data: number[] | Uint8Array | ArrayBuffer): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return Uint8Array.from(data);
}

/** Bytes as a command takes them: a plain array (a typed array would not serialise as one). */
export function toWire(bytes: Uint8Array): number[] {
  return Array.from(bytes);
}

/** Whether `bytes` start like a PDF file (`%PDF-`). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const magic = [0x25, 0x50, 0x44, 0x46, 0x2d];
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** The case awaits signature and this user may sign: the signature panel replaces the act buttons. */
export function awaitsMySignature(view: CaseView, actions: ActionKind[]): boolean {
  return view.step?.kind === "sign" && actions.includes("sign");
}

/** The acts the signature panel does itself, so their plain buttons are hidden. */
export const SIGN_PANEL_ACTS: ActionKind[] = ["sign", "return"];

/** The document the draft becomes: a refusal letter, or the service's result
 *  (the backend prints a duplicate procedure's result as its duplicate). */
export function draftKind(view: CaseView): DocumentKind | null {
  const draft = view.route.draft;
  if (!draft) return null;
  return draft.kind === "refusal" ? "refusal" : "result";
}

/** The kinds that can be printed for a case: the receipt always, and each decision
 *  document the journal holds (signed, or frozen when the route ended). */
export function printableKinds(docs: DocumentInfo[]): DocumentKind[] {
  const order: DocumentKind[] = ["receipt", "result", "duplicate", "refusal"];
  const held = new Set(docs.map((d) => d.kind));
  return order.filter((k) => k === "receipt" || held.has(k));
}

/** A file name safe on every file system: `2026-00012-refusal-kk.pdf`. */
export function documentFileName(caseNumber: string, kind: DocumentKind, lang: Language): string {
  const safe = caseNumber.replace(/[^\p{L}\p{N}._-]+/gu, "_").replace(/^_+|_+$/g, "");
  return `${safe || "case"}-${kind}-${lang}.pdf`;
}

export function journalFileName(from: string, to: string, lang: Language): string {
  return `journal-${from}-${to}-${lang}.pdf`;
}

/** `folder` + `name` with exactly one separator; `null` when no folder is given. */
export function joinPath(folder: string, name: string): string | null {
  const dir = folder.trim();
  if (dir === "") return null;
  const sep = dir.includes("\\") && !dir.includes("/") ? "\\" : "/";
  return dir.endsWith("/") || dir.endsWith("\\") ? `${dir}${name}` : `${dir}${sep}${name}`;
}

/** Who signed, as the window says it: a deputy acting for the head is named as such. */
export function signerText(t: Translate, doc: DocumentInfo, lang: Language): string {
  if (!doc.signed_by) return t("documents.verify.not_signed");
  const name = doc.signer_name ? doc.signer_name[lang] : doc.signed_by;
  return `${name} (${roleText(t, doc)})`;
}

export function roleText(t: Translate, doc: DocumentInfo): string {
  if (doc.acting_for_head) return t("case.role_acting_for_head");
  return doc.signer_role ? t(`case.role.${doc.signer_role}`) : "";
}

/** The date a row shows: the signature's, else when the document was made. */
export function documentDate(doc: DocumentInfo): string {
  return formatOfficeDateTime(doc.signed_at ?? doc.created_at);
}

export type VerificationText = {
  verdict: Verification["verdict"];
  headline: string;
  lines: string[];
};

/** A check's result as the "Check a document" screen shows it. */
export function verificationText(t: Translate, v: Verification, lang: Language): VerificationText {
  const lines: string[] = [];
  const doc = v.document;
  if (v.check_code) lines.push(t("documents.verify.code", { code: v.check_code }));
  if (doc) {
    lines.push(t("documents.verify.kind", { kind: t(`documents.kind.${doc.kind}`) }));
    if (doc.case_number) lines.push(t("documents.verify.case", { number: doc.case_number }));
    if (doc.period_from && doc.period_to) {
      lines.push(t("documents.check.period", { from: doc.period_from, to: doc.period_to }));
    }
    if (doc.signed_by) {
      lines.push(
        t("documents.verify.signed", {
          name: doc.signer_name ? doc.signer_name[lang] : doc.signed_by,
          role: roleText(t, doc),
          at: doc.signed_at ? formatOfficeDateTime(doc.signed_at) : "",
        }),
      );
    } else {
      lines.push(t("documents.verify.not_signed"));
    }
    lines.push(t("documents.verify.issued", { at: formatOfficeDateTime(doc.created_at) }));
  }
  return { verdict: v.verdict, headline: t(`documents.verify.${v.verdict}`), lines };
}

/** The settings form: one text input per language-dependent field and language. */
export type OfficeForm = {
  name_kk: string;
  name_ru: string;
  address_kk: string;
  address_ru: string;
  phone: string;
  head_position_kk: string;
  head_position_ru: string;
  head_name_kk: string;
  head_name_ru: string;
  outgoing_pattern: string;
};

export const OFFICE_TEXT_FIELDS = ["name", "address", "head_position", "head_name"] as const;

export function officeForm(d: OfficeDetails): OfficeForm {
  return {
    name_kk: d.name.kk,
    name_ru: d.name.ru,
    address_kk: d.address.kk,
    address_ru: d.address.ru,
    phone: d.phone,
    head_position_kk: d.head_position.kk,
    head_position_ru: d.head_position.ru,
    head_name_kk: d.head_name.kk,
    head_name_ru: d.head_name.ru,
    outgoing_pattern: d.outgoing_pattern,
  };
}

/** The form as the settings command takes it; validation is the backend's, so values go as typed. */
export function officeDetails(f: OfficeForm): OfficeDetails {
  return {
    name: { kk: f.name_kk, ru: f.name_ru },
    address: { kk: f.address_kk, ru: f.address_ru },
    phone: f.phone,
    head_position: { kk: f.head_position_kk, ru: f.head_position_ru },
    head_name: { kk: f.head_name_kk, ru: f.head_name_ru },
    outgoing_pattern: f.outgoing_pattern,
  };
}

/** A backend field path (`name.kk`) → the form input it belongs to (`name_kk`). */
export function officeInput(field: string): string {
  return field.replace(".", "_");
}
