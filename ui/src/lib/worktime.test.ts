import { describe, expect, it } from "vitest";
import kk from "../../../locales/kk.yml";
import ru from "../../../locales/ru.yml";
import { translate } from "./translate";
import {
  STEP_STATES,
  formatWorkSpan,
  splitWorkMinutes,
  stateClass,
  stateLabelKey,
  timeLeftText,
} from "./worktime";

const tk = (key: string, p?: Record<string, string | number>) => translate(kk, key, p);
const tr = (key: string, p?: Record<string, string | number>) => translate(ru, key, p);

// The office's working day as the core states it (`AppInfo.work_day_minutes`);
// 480 is the bundled office.toml's 09:00–18:30 less a 90-minute lunch.
const DAY = 480;

describe("working time left", () => {
  it("splits minutes into working days of the office's length, hours, minutes", () => {
    expect(splitWorkMinutes(135, DAY)).toEqual({ days: 0, hours: 2, minutes: 15 });
    expect(splitWorkMinutes(480 * 3, DAY)).toEqual({ days: 3, hours: 0, minutes: 0 });
    expect(splitWorkMinutes(480 + 125, DAY)).toEqual({ days: 1, hours: 2, minutes: 5 });
    expect(splitWorkMinutes(-75, DAY)).toEqual({ days: 0, hours: 1, minutes: 15 });
    expect(splitWorkMinutes(600, 510)).toEqual({ days: 1, hours: 1, minutes: 30 });
    // Before the core has answered, nothing is counted in days.
    expect(splitWorkMinutes(600, 0)).toEqual({ days: 0, hours: 10, minutes: 0 });
  });

  it("formats hours and minutes under a day", () => {
    expect(formatWorkSpan(tk, 135, DAY)).toBe("2 сағ 15 мин");
    expect(formatWorkSpan(tr, 135, DAY)).toBe("2 ч 15 мин");
    expect(formatWorkSpan(tk, 120, DAY)).toBe("2 сағ");
    expect(formatWorkSpan(tk, 45, DAY)).toBe("45 мин");
    expect(formatWorkSpan(tk, 0, DAY)).toBe("0 мин");
  });

  it("formats working days, with whole hours, from one day up", () => {
    expect(formatWorkSpan(tk, 1440, DAY)).toBe("3 ж.к.");
    expect(formatWorkSpan(tr, 1440, DAY)).toBe("3 р.д.");
    expect(formatWorkSpan(tk, 480 + 150, DAY)).toBe("1 ж.к. 2 сағ");
    // Another office's day (08:30–18:00 less an hour's lunch): the same minutes, other days.
    expect(formatWorkSpan(tk, 1020, DAY)).toBe("2 ж.к. 1 сағ");
    expect(formatWorkSpan(tk, 1020, 510)).toBe("2 ж.к.");
  });

  it("says how late an overdue step is", () => {
    expect(timeLeftText(tk, -90, DAY)).toBe("1 сағ 30 мин кешікті");
    expect(timeLeftText(tr, -90, DAY)).toBe("просрочено на 1 ч 30 мин");
    expect(timeLeftText(tr, 30, DAY)).toBe("30 мин");
    expect(timeLeftText(tr, null, DAY)).toBe("");
    expect(timeLeftText(tk, BigInt(-480), DAY)).toBe("1 ж.к. кешікті");
  });
});

describe("step states", () => {
  it("map to classes and labels in both languages", () => {
    expect(stateClass("overdue")).toBe("state-overdue");
    expect(stateClass("due_soon")).toBe("state-due_soon");
    expect(stateClass(null)).toBe("");
    for (const s of STEP_STATES) {
      expect(tk(stateLabelKey(s))).not.toBe(stateLabelKey(s));
      expect(tr(stateLabelKey(s))).not.toBe(stateLabelKey(s));
    }
    expect(tr(stateLabelKey("overdue"))).toBe("Просрочено");
  });
});
