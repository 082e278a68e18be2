import { isoOf, parseDateTimeText } from "./dates";

// Office times: the offset is the office's, sent by the core (`AppInfo.utc_offset`).

/** `2026-11-23T10:15:00+05:00` → `23.11.2026 10:15` (office time). */
export function formatOfficeDateTime(rfc3339: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(rfc3339);
  return m ? `${m[3]}.${m[2]}.${m[1]} ${m[4]}:${m[5]}` : rfc3339;
}

/** `2026-11-23T10:15:00+05:00` → `23.11.2026 10:15`, the form's editable text. */
export function toInputText(rfc3339: string): string {
  return formatOfficeDateTime(rfc3339);
}

/** The form's `23.11.2026 10:15` (or ISO `2026-11-23 10:15`) → RFC 3339 in the
 *  office's `offset` (e.g. `+05:00`), for commands that store the time as sent.
 *  Anything else is passed on as typed, so the backend names the error. */
export function fromInputText(text: string, offset: string): string {
  const v = parseDateTimeText(text);
  return v ? `${isoOf(v.date)}T${v.time}:00${offset}` : text.trim();
}

/** `1980-04-16` → `16.04.1980`. */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : isoDate;
}
