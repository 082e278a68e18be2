// Dates as the office writes them: dd.mm.yyyy and dd.mm.yyyy HH:MM.
// These helpers format, and read a text only to place the calendar popup or to
// put a date on the wire where a command takes a typed date; whether a date is
// valid is decided in Rust (kense-domain `dates`), which names the field.

export interface Ymd {
  y: number;
  m: number; // 1–12
  d: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function valid(y: number, m: number, d: number): Ymd | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  return d <= daysInMonth(y, m) ? { y, m, d } : null;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `02.12.2026`, `2.12.2026` or `2026-12-02` → the day; anything else → null. */
export function parseDateText(text: string): Ymd | null {
  const t = text.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) return valid(+m[3], +m[2], +m[1]);
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  return m ? valid(+m[1], +m[2], +m[3]) : null;
}

/** A date-time text split into its day and `HH:MM` (null when it is not one). */
export function parseDateTimeText(text: string): { date: Ymd; time: string } | null {
  const m = /^(\S+)(?:\s+|T)(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(text.trim());
  if (!m || +m[2] > 23 || +m[3] > 59) return null;
  if (text.includes("T") && m[1].includes(".")) return null;
  const date = parseDateText(m[1]);
  return date ? { date, time: `${pad(+m[2])}:${m[3]}` } : null;
}

/** The day of a date or date-time text, for placing the calendar. */
export function dayOfText(text: string): Ymd | null {
  return parseDateText(text) ?? parseDateTimeText(text)?.date ?? null;
}

export function dateText(d: Ymd): string {
  return `${pad(d.d)}.${pad(d.m)}.${d.y}`;
}

export function isoOf(d: Ymd): string {
  return `${d.y}-${pad(d.m)}-${pad(d.d)}`;
}

/** `2026-12-02` → `02.12.2026`; other texts unchanged. */
export function isoToDateText(iso: string): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? parseDateText(iso) : null;
  return d ? dateText(d) : iso;
}

/** `02.12.2026` (or ISO) → `2026-12-02`, for commands that take a typed date;
 *  null when it cannot be read (the caller shows `errors.date_invalid`). */
export function dateTextToIso(text: string): string | null {
  const d = parseDateText(text);
  return d ? isoOf(d) : null;
}

/** `2026-12-02T10:30:00+05:00` (office time) → `02.12.2026 10:30`. */
export function dateTimeTextOf(rfc3339: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(rfc3339);
  return m ? `${m[3]}.${m[2]}.${m[1]} ${m[4]}:${m[5]}` : rfc3339;
}

/** The day of an RFC 3339 time as written in its own offset (office time). */
export function dayOfRfc3339(rfc3339: string): Ymd | null {
  return parseDateText(rfc3339.slice(0, 10));
}

/** The text with its day replaced by `day` (a date-time keeps its time, else `time`). */
export function withDay(text: string, day: Ymd, withTime: boolean, time = "09:00"): string {
  if (!withTime) return dateText(day);
  return `${dateText(day)} ${parseDateTimeText(text)?.time ?? time}`;
}

/** The weeks of a month, Monday first; days of other months are null. */
export function monthGrid(y: number, m: number): (Ymd | null)[][] {
  const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay(); // 0 = Sunday
  const lead = (first + 6) % 7; // days before the 1st in a Monday-first week
  const cells: (Ymd | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= daysInMonth(y, m); d++) cells.push({ y, m, d });
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (Ymd | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The month `delta` months from `y`-`m`. */
export function shiftMonth(y: number, m: number, delta: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + delta;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

export function sameDay(a: Ymd | null, b: Ymd | null): boolean {
  return !!a && !!b && a.y === b.y && a.m === b.m && a.d === b.d;
}
