// Deadline warnings for the signed-in user's open steps.
import type { JournalRow } from "./bindings/JournalRow";

export type WarningCounts = { due_soon: number; overdue: number };

export function warningCounts(rows: JournalRow[]): WarningCounts {
  const counts = { due_soon: 0, overdue: 0 };
  for (const r of rows) {
    if (r.step_state === "due_soon") counts.due_soon += 1;
    else if (r.step_state === "overdue") counts.overdue += 1;
  }
  return counts;
}

/** One warning per case, step and state: a step is announced once as due-soon and once as overdue. */
export function warningKey(row: JournalRow): string {
  return `${row.number}|${row.step_id ?? ""}|${row.step_state ?? ""}`;
}

/** Rows that became due-soon or overdue since the keys in `notified` were announced. */
export function freshWarnings(rows: JournalRow[], notified: ReadonlySet<string>): JournalRow[] {
  return rows.filter(
    (r) => (r.step_state === "due_soon" || r.step_state === "overdue") && !notified.has(warningKey(r)),
  );
}
