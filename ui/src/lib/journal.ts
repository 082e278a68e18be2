// The journal's filters.
import type { CaseStatus } from "./bindings/CaseStatus";
import type { JournalFilter } from "./bindings/JournalFilter";

export const CASE_STATUSES: CaseStatus[] = [
  "registered",
  "in_progress",
  "awaiting_signature",
  "closed",
  "refused",
  "withdrawn",
];

export type FilterForm = {
  status: string;
  service: string;
  executor: string;
  from: string;
  to: string;
  overdue_only: boolean;
  text: string;
};

export function emptyFilterForm(): FilterForm {
  return { status: "", service: "", executor: "", from: "", to: "", overdue_only: false, text: "" };
}

/** The filter the backend takes: empty inputs are left out (they do not filter). */
export function buildFilter(form: FilterForm): JournalFilter {
  const filter: JournalFilter = { overdue_only: form.overdue_only };
  const set = <K extends "service" | "executor" | "from" | "to" | "text">(key: K, value: string) => {
    const v = value.trim();
    if (v !== "") filter[key] = v;
  };
  if (form.status !== "") filter.status = form.status as CaseStatus;
  set("service", form.service);
  set("executor", form.executor);
  set("from", form.from);
  set("to", form.to);
  set("text", form.text);
  return filter;
}

/** True when the filter lets every case through (then the plain journal is shown). */
export function isOpenFilter(filter: JournalFilter): boolean {
  return Object.keys(filter).length === 1 && !filter.overdue_only;
}
