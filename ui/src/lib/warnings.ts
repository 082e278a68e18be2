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

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The desktop notification's text for newly due-soon or overdue steps (one line each, up to three). */
export function warningMessage(
  t: Translate,
  fresh: JournalRow[],
  span: (minutes: number) => string,
): string {
  if (fresh.length > 3) return t("work.notify_many", { count: fresh.length });
  return fresh
    .map((r) =>
      r.step_state === "overdue"
        ? t("work.notify_overdue", { number: r.number })
        : t("work.notify_due_soon", { number: r.number, time: span(Number(r.minutes_left ?? 0)) }),
    )
    .join("\n");
}
