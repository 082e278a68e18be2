// The administrator's screen logic: what changed in a service draft, where a
// regulation error belongs, and how calendar days and edits read.
import type { ApiError } from "./bindings/ApiError";
import type { CalendarChange } from "./bindings/CalendarChange";
import type { DayNote } from "./bindings/DayNote";
import type { DocumentItem } from "./bindings/DocumentItem";
import type { RefusalGround } from "./bindings/RefusalGround";
import type { ServiceDefinition } from "./bindings/ServiceDefinition";
import type { ServiceEdit } from "./bindings/ServiceEdit";
import type { StepLimitEdit } from "./bindings/StepLimitEdit";

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The editable parts of a service, as the form holds them. */
export type ServiceDraft = {
  documents: DocumentItem[];
  grounds: RefusalGround[];
  /** `procedure/step` → limit text; `…#refusal` for a refusal branch's own limit. */
  limits: Record<string, string>;
};

export const stepKey = (procedure: string, step: string) => `${procedure}/${step}`;
const refusalKey = (procedure: string, step: string) => `${stepKey(procedure, step)}#refusal`;

/** The draft of a service as loaded: nothing changed yet. */
export function draftOf(def: ServiceDefinition): ServiceDraft {
  const limits: Record<string, string> = {};
  for (const p of def.procedures) {
    for (const s of p.steps) {
      limits[stepKey(p.id, s.id)] = s.limit;
      if (s.refusal) limits[refusalKey(p.id, s.id)] = s.refusal.limit ?? "";
    }
  }
  return {
    documents: def.required_documents.map((d) => ({ ...d })),
    grounds: def.refusal_grounds.map((g) => ({ ...g })),
    limits,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what differs from `def`: unchanged lists are left out, limits per step. */
export function buildServiceEdit(def: ServiceDefinition, draft: ServiceDraft): ServiceEdit {
  const edit: ServiceEdit = { step_limits: [] };
  if (!same(draft.documents, def.required_documents)) edit.required_documents = draft.documents;
  if (!same(draft.grounds, def.refusal_grounds)) edit.refusal_grounds = draft.grounds;
  for (const p of def.procedures) {
    for (const s of p.steps) {
      const limit = (draft.limits[stepKey(p.id, s.id)] ?? s.limit).trim();
      const refusal = s.refusal
        ? (draft.limits[refusalKey(p.id, s.id)] ?? s.refusal.limit ?? "").trim()
        : "";
      const change: StepLimitEdit = {
        procedure: p.id,
        step: s.id,
        limit: limit !== s.limit ? limit : null,
        refusal_limit: s.refusal && refusal !== (s.refusal.limit ?? "") ? refusal : null,
        limit_by_channel: null,
      };
      if (change.limit !== null || change.refusal_limit !== null) edit.step_limits.push(change);
    }
  }
  return edit;
}

/** Whether the draft changes anything at all. */
export function hasChanges(def: ServiceDefinition, draft: ServiceDraft): boolean {
  const edit = buildServiceEdit(def, draft);
  return (
    edit.required_documents !== undefined ||
    edit.refusal_grounds !== undefined ||
    edit.step_limits.length > 0
  );
}

/** The written limit forms: 15min, 2h, 1wd, same-day, same-day-max-30min (1…10000). */
export function isValidLimit(text: string): boolean {
  const m = /^(?:(\d+)(min|h|wd)|same-day|same-day-max-(\d+)min)$/.exec(text.trim());
  if (!m) return false;
  const n = m[1] ?? m[3];
  if (n === undefined) return true;
  const value = Number(n);
  return value > 0 && value <= 10000;
}

/** Where a regulation error belongs in the form: `documents.2`, `grounds.0`,
 *  `limit:procedure/step`, or `form` when no input matches. */
export function errorPlace(
  field: string,
  def: ServiceDefinition,
  edit: ServiceEdit,
): string {
  let m = /^required_documents\[(\d+)\]/.exec(field);
  if (m) return `documents.${m[1]}`;
  m = /^refusal_grounds\[(\d+)\]/.exec(field);
  if (m) return `grounds.${m[1]}`;
  m = /^step_limits\[(\d+)\]/.exec(field);
  if (m) {
    const change = edit.step_limits[Number(m[1])];
    if (change) return `limit:${stepKey(change.procedure, change.step)}`;
  }
  m = /^procedures\[(\d+)\]\.steps\[(\d+)\]/.exec(field);
  if (m) {
    const p = def.procedures[Number(m[1])];
    const s = p?.steps[Number(m[2])];
    if (p && s) return `limit:${stepKey(p.id, s.id)}`;
  }
  return "form";
}

/** Error texts by place, the first one per place. */
export function placeErrors(
  t: Translate,
  error: ApiError,
  def: ServiceDefinition,
  edit: ServiceEdit,
): Record<string, string> {
  const out: Record<string, string> = {};
  const text = (code: string, message: string) => {
    const key = `errors.${code}`;
    const found = t(key);
    return found === key ? message : found;
  };
  const fields = error.fields.length
    ? error.fields
    : [{ field: "", code: error.code, message: error.message }];
  for (const f of fields) {
    const place = errorPlace(f.field, def, edit);
    if (!(place in out)) out[place] = text(f.code, f.message);
  }
  return out;
}

/** Why a day is off, in the interface language. */
export function dayNoteText(t: Translate, note: DayNote, lang: "kk" | "ru"): string {
  switch (note.kind) {
    case "holiday":
      return note.name[lang];
    case "shifted":
      return t("admin.calendar.shifted", { name: note.name[lang] });
    default:
      return t(`admin.calendar.note.${note.kind}`);
  }
}

/** One line of the calendar's edit record. */
export function changeText(t: Translate, change: CalendarChange): string {
  if (change.kind === "set_office_hours") {
    const h = change.hours;
    return t("admin.calendar.change.set_office_hours", {
      opens: h.opens,
      closes: h.closes,
      lunch_from: h.lunch_from,
      lunch_until: h.lunch_until,
    });
  }
  return t(`admin.calendar.change.${change.kind}`, { date: change.date });
}

/** A day removable by the administrator: only transfers can be taken back. */
export function canRemoveDayOff(note: DayNote): boolean {
  return note.kind === "transfer";
}
