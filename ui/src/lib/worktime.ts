// Time left on a step, in the office's working time.
import type { StepState } from "./bindings/StepState";

type Translate = (key: string, params?: Record<string, string | number>) => string;

export type WorkSpan = { days: number; hours: number; minutes: number };

/** Splits a number of working minutes (its sign ignored) into working days of
 *  `perDay` minutes (the office's, `AppInfo.work_day_minutes`), hours and minutes.
 *  Without a known day length (0) nothing is counted in days. */
export function splitWorkMinutes(total: number, perDay: number): WorkSpan {
  const m = Math.max(0, Math.floor(Math.abs(total)));
  const days = perDay > 0 ? Math.floor(m / perDay) : 0;
  const rest = m - days * perDay;
  return { days, hours: Math.floor(rest / 60), minutes: rest % 60 };
}

/** `135` → `2 сағ 15 мин`; `1440` → `3 ж.к.`; `600` → `1 ж.к. 2 сағ`.
 *  From one working day up the minutes are left out. The sign is ignored. */
export function formatWorkSpan(t: Translate, minutes: number, perDay: number): string {
  const { days, hours, minutes: mins } = splitWorkMinutes(minutes, perDay);
  const parts: string[] = [];
  if (days > 0) {
    parts.push(t("work.unit.days", { n: days }));
    if (hours > 0) parts.push(t("work.unit.hours", { n: hours }));
  } else {
    if (hours > 0) parts.push(t("work.unit.hours", { n: hours }));
    if (mins > 0 || hours === 0) parts.push(t("work.unit.minutes", { n: mins }));
  }
  return parts.join(" ");
}

/** What the queue shows for `minutes_left`: time left, or how late the step is. */
export function timeLeftText(
  t: Translate,
  minutesLeft: number | bigint | null | undefined,
  perDay: number,
): string {
  if (minutesLeft === null || minutesLeft === undefined) return "";
  // ts-rs types an i64 as bigint; over JSON it arrives as a plain number.
  const minutes = Number(minutesLeft);
  const span = formatWorkSpan(t, minutes, perDay);
  return minutes < 0 ? t("work.late_by", { time: span }) : span;
}

export const STEP_STATES: StepState[] = ["on_time", "due_soon", "overdue"];

/** The CSS class of a step state; colour is never the only sign (see `stateLabelKey`). */
export function stateClass(state: StepState | null | undefined): string {
  return state ? `state-${state}` : "";
}

/** The locale key of a step state's text label. */
export function stateLabelKey(state: StepState): string {
  return `case.state.${state}`;
}
