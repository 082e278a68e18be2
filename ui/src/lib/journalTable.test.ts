import { describe, expect, it } from "vitest";
import kk from "../../../locales/kk.yml";
import ru from "../../../locales/ru.yml";
import { translate } from "./translate";
import type { JournalRow } from "./bindings/JournalRow";
import {
  COLUMNS,
  ariaSort,
  compareValues,
  moveFocus,
  nextSort,
  rowWindow,
  scrollToRow,
  sortRows,
  sortValue,
  stepShortName,
} from "./journalTable";

const tRu = (key: string, params?: Record<string, string | number>) => translate(ru, key, params);
const tKk = (key: string, params?: Record<string, string | number>) => translate(kk, key, params);

function row(seq: number, over: Partial<JournalRow> = {}): JournalRow {
  return {
    id: seq,
    number: `2026-${String(seq).padStart(5, "0")}`,
    year: 2026,
    seq,
    registered_at: `2026-11-${String(10 + seq).padStart(2, "0")}T10:00:00+05:00`,
    received_at: "2026-11-10T10:00:00+05:00",
    channel: "paper",
    language: "kk",
    applicant_kind: "individual",
    applicant_name: `Applicant ${seq}`,
    applicant_id_number: "800412300123",
    service: "svc",
    service_name: { kk: "Қызмет", ru: "Услуга" },
    procedure: "issue",
    procedure_name: null,
    status: "in_progress",
    step_id: "resolution",
    step_name: { kk: "Құжаттарды қарайды және жауапты орындаушыны белгілейді", ru: "Рассматривает документы" },
    step_kind: "resolution",
    step_role: "head",
    executor: null,
    due_at: null,
    step_state: null,
    minutes_left: null,
    ...over,
  } as JournalRow;
}

describe("journal sorting", () => {
  it("a new column sorts ascending, the same column flips, aria-sort follows", () => {
    const s1 = nextSort(null, "number");
    expect(s1).toEqual({ column: "number", descending: false });
    expect(ariaSort(s1, "number")).toBe("ascending");
    expect(ariaSort(s1, "due")).toBe("none");
    const s2 = nextSort(s1, "number");
    expect(ariaSort(s2, "number")).toBe("descending");
    expect(nextSort(s2, "applicant")).toEqual({ column: "applicant", descending: false });
    expect(ariaSort(null, "number")).toBe("none");
  });

  it("numbers sort by year then sequence, not as text", () => {
    const rows = [row(10), row(9, { year: 2027, number: "2027-00009" }), row(2)];
    const value = (r: JournalRow, c: (typeof COLUMNS)[number]) => sortValue(r, c, "ru", tRu);
    expect(sortRows(rows, { column: "number", descending: false }, value, "ru").map((r) => r.number)).toEqual([
      "2026-00002",
      "2026-00010",
      "2027-00009",
    ]);
    expect(sortRows(rows, { column: "number", descending: true }, value, "ru").map((r) => r.seq)).toEqual([9, 10, 2]);
  });

  it("names sort in the reader's language, Kazakh letters included, case-blind", () => {
    const rows = [row(1, { applicant_name: "Өмір" }), row(2, { applicant_name: "әсел" }), row(3, { applicant_name: "Бекжан" })];
    const value = (r: JournalRow, c: (typeof COLUMNS)[number]) => sortValue(r, c, "kk", tKk);
    const names = sortRows(rows, { column: "applicant", descending: false }, value, "kk").map((r) => r.applicant_name);
    // Kazakh order: А Ә Б … О Ө; the lower-case "әсел" is not pushed behind the capitals.
    expect(names).toEqual(["әсел", "Бекжан", "Өмір"]);
    // The order is total and reverses exactly.
    const back = sortRows(rows, { column: "applicant", descending: true }, value, "kk").map((r) => r.applicant_name);
    expect(back).toEqual([...names].reverse());
  });

  it("rows without a due time or step go last in both directions; ties keep the loaded order", () => {
    const rows = [
      row(1, { due_at: null }),
      row(2, { due_at: "2026-12-03T10:00:00+05:00" }),
      row(3, { due_at: "2026-12-01T10:00:00+05:00" }),
      row(4, { due_at: "2026-12-01T10:00:00+05:00" }),
    ];
    const value = (r: JournalRow, c: (typeof COLUMNS)[number]) => sortValue(r, c, "ru", tRu);
    expect(sortRows(rows, { column: "due", descending: false }, value, "ru").map((r) => r.seq)).toEqual([3, 4, 2, 1]);
    expect(sortRows(rows, { column: "due", descending: true }, value, "ru").map((r) => r.seq)).toEqual([2, 3, 4, 1]);
    expect(compareValues(null, "", false, "ru")).toBe(0);
    expect(compareValues("", "a", true, "ru")).toBe(1);
  });

  it("the status sorts in the order a case goes, not alphabetically", () => {
    const rows = [row(1, { status: "closed" }), row(2, { status: "registered" }), row(3, { status: "awaiting_signature" })];
    const value = (r: JournalRow, c: (typeof COLUMNS)[number]) => sortValue(r, c, "ru", tRu);
    expect(sortRows(rows, { column: "status", descending: false }, value, "ru").map((r) => r.status)).toEqual([
      "registered",
      "awaiting_signature",
      "closed",
    ]);
  });

  it("no sort keeps the loaded order and copies the array", () => {
    const rows = [row(2), row(1)];
    const sorted = sortRows(rows, null, () => null, "ru");
    expect(sorted).toEqual(rows);
    expect(sorted).not.toBe(rows);
  });
});

describe("the step's short name", () => {
  it("is the kind's name in both languages, empty once the case ended", () => {
    expect(stepShortName(row(1), tRu)).toBe("Резолюция");
    expect(stepShortName(row(1), tKk)).not.toBe("reports.step_kind.resolution");
    expect(stepShortName(row(1), tKk).length).toBeLessThan(40);
    expect(stepShortName(row(1, { step_kind: null }), tRu)).toBe("");
    for (const kind of ["register", "assign_executor", "study_and_draft", "sign", "hand_over"] as const) {
      expect(stepShortName(row(1, { step_kind: kind }), tRu)).not.toContain("step_kind");
      expect(stepShortName(row(1, { step_kind: kind }), tKk)).not.toContain("step_kind");
    }
  });
});

describe("journal keyboard", () => {
  it("arrows, pages, Home and End move within the rows; other keys do not move", () => {
    expect(moveFocus(0, "ArrowDown", 5, 3)).toBe(1);
    expect(moveFocus(4, "ArrowDown", 5, 3)).toBe(4);
    expect(moveFocus(0, "ArrowUp", 5, 3)).toBe(0);
    expect(moveFocus(3, "ArrowUp", 5, 3)).toBe(2);
    expect(moveFocus(1, "PageDown", 5, 3)).toBe(4);
    expect(moveFocus(4, "PageUp", 5, 3)).toBe(1);
    expect(moveFocus(2, "Home", 5, 3)).toBe(0);
    expect(moveFocus(2, "End", 5, 3)).toBe(4);
    expect(moveFocus(2, "Enter", 5, 3)).toBeNull();
    expect(moveFocus(0, "ArrowDown", 0, 3)).toBeNull();
  });
});

describe("the windowed body", () => {
  it("renders what is in view plus the overscan, padding for the rest", () => {
    const w = rowWindow(0, 500, 25, 100_000, 10);
    expect(w.start).toBe(0);
    expect(w.end).toBe(31);
    expect(w.padTop).toBe(0);
    expect(w.padBottom).toBe((100_000 - 31) * 25);
    const mid = rowWindow(25 * 50_000, 500, 25, 100_000, 10);
    expect(mid.start).toBe(49_990);
    expect(mid.end).toBe(50_031);
    expect(mid.padTop + (mid.end - mid.start) * 25 + mid.padBottom).toBe(100_000 * 25);
    const end = rowWindow(25 * 100_000, 500, 25, 100_000, 10);
    expect(end.end).toBe(100_000);
    expect(end.padBottom).toBe(0);
    expect(rowWindow(0, 500, 25, 3, 10)).toEqual({ start: 0, end: 3, padTop: 0, padBottom: 0 });
  });

  it("scrolls just enough to show a row under the sticky header", () => {
    // Body of 300 px, header 25 px: rows 0..10 fit at scrollTop 0.
    expect(scrollToRow(5, 0, 300, 25, 25)).toBeNull();
    expect(scrollToRow(11, 0, 300, 25, 25)).toBe(12 * 25 - 275);
    expect(scrollToRow(2, 200, 300, 25, 25)).toBe(50);
    expect(scrollToRow(10, 0, 300, 25, 25)).toBeNull();
  });
});
