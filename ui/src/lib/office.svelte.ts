// The office's clock as the core states it: its UTC offset and the length of a
// working day. Set from `AppInfo` at start and after the office hours change;
// nothing in the window assumes a time zone or a day length of its own.
import type { AppInfo } from "./bindings/AppInfo";

export const officeClock = $state({
  /** E.g. `+05:00`; empty until the core has answered. */
  utcOffset: "",
  /** Working minutes in one office day; 0 until the core has answered. */
  workDayMinutes: 0,
});

export function setOfficeClock(info: Pick<AppInfo, "utc_offset" | "work_day_minutes">): void {
  officeClock.utcOffset = info.utc_offset;
  officeClock.workDayMinutes = info.work_day_minutes;
}
