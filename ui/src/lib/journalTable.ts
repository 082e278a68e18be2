// The journal table as a register: sortable columns, keyboard moves, a windowed body.
import type { JournalRow } from "./bindings/JournalRow";
import type { Language } from "./bindings/Language";
import { CASE_STATUSES } from "./journal";

type Translate = (key: string, params?: Record<string, string | number>) => string;

export type Column = "number" | "registered_at" | "applicant" | "id_number" | "service" | "status" | "step" | "due";

export const COLUMNS: Column[] = ["number", "registered_at", "applicant", "id_number", "service", "status", "step", "due"];

export type Sort = { column: Column; descending: boolean };

export type SortValue = string | number | null;

/** A click on a header: a new column sorts ascending, the same column flips. */
export function nextSort(current: Sort | null, column: Column): Sort {
  if (current && current.column === column) return { column, descending: !current.descending };
  return { column, descending: false };
}

/** The header's `aria-sort`. */
export function ariaSort(current: Sort | null, column: Column): "ascending" | "descending" | "none" {
  if (!current || current.column !== column) return "none";
  return current.descending ? "descending" : "ascending";
}

/** The current step's short name: its kind's name (the regulation's full text stays in the title). */
export function stepShortName(row: Pick<JournalRow, "step_kind">, t: Translate): string {
  return row.step_kind ? t(`reports.step_kind.${row.step_kind}`) : "";
}

/** What a column sorts by: numbers and times as numbers, names as shown in `lang`. */
export function sortValue(row: JournalRow, column: Column, lang: Language, t: Translate): SortValue {
  switch (column) {
    case "number":
      return row.year * 1_000_000 + row.seq;
    case "registered_at":
      return Date.parse(row.registered_at);
    case "applicant":
      return row.applicant_name;
    case "id_number":
      return row.applicant_id_number;
    case "service":
      return row.service_name ? row.service_name[lang] : row.service;
    case "status":
      return CASE_STATUSES.indexOf(row.status);
    case "step":
      return row.step_kind ? stepShortName(row, t) : null;
    case "due":
      return row.due_at ? Date.parse(row.due_at) : null;
  }
}

/** Compares two sort values; empty ones (`null`, "") go last whatever the direction. */
export function compareValues(a: SortValue, b: SortValue, descending: boolean, lang: string): number {
  const emptyA = a === null || a === "";
  const emptyB = b === null || b === "";
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  const order =
    typeof a === "number" && typeof b === "number"
      ? a - b
      : String(a).localeCompare(String(b), lang, { numeric: true, sensitivity: "base" });
  return descending ? -order : order;
}

/** The rows in the chosen order (a new array; equal rows keep their loaded order). */
export function sortRows<R>(rows: R[], sort: Sort | null, value: (row: R, column: Column) => SortValue, lang: string): R[] {
  if (!sort) return rows.slice();
  const keyed = rows.map((row, index) => ({ row, index, key: value(row, sort.column) }));
  keyed.sort((x, y) => compareValues(x.key, y.key, sort.descending, lang) || x.index - y.index);
  return keyed.map((k) => k.row);
}

/** Where a key moves the focused row (`page` rows per PageUp/PageDown); `null`: not a move. */
export function moveFocus(index: number, key: string, total: number, page: number): number | null {
  if (total === 0) return null;
  const last = total - 1;
  const clamp = (i: number) => Math.max(0, Math.min(last, i));
  switch (key) {
    case "ArrowDown":
      return clamp(index + 1);
    case "ArrowUp":
      return clamp(index - 1);
    case "PageDown":
      return clamp(index + Math.max(1, page));
    case "PageUp":
      return clamp(index - Math.max(1, page));
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}

export type RowWindow = { start: number; end: number; padTop: number; padBottom: number };

/** The rows to render for a scrolled body: those in view plus `overscan` on each side
 *  (`end` exclusive); the paddings stand in for the rows left out. */
export function rowWindow(scrollTop: number, viewport: number, rowHeight: number, total: number, overscan: number): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inView = Math.ceil(Math.max(0, viewport) / rowHeight) + 1;
  const start = Math.max(0, Math.min(first, total) - overscan);
  const end = Math.min(total, first + inView + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (total - end) * rowHeight };
}

/** The scroll position that brings row `index` into a body of `viewport` pixels under a
 *  sticky header of `header` pixels; `null` when it is in view already. */
export function scrollToRow(index: number, scrollTop: number, viewport: number, rowHeight: number, header: number): number | null {
  const top = index * rowHeight;
  const visibleTop = scrollTop;
  const visibleBottom = scrollTop + viewport - header;
  if (top < visibleTop) return top;
  if (top + rowHeight > visibleBottom) return top + rowHeight - (viewport - header);
  return null;
}
