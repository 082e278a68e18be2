import { describe, expect, it } from "vitest";
import kk from "../../../locales/kk.yml";
import ru from "../../../locales/ru.yml";
import { translate } from "./translate";
import {
  STEP_STATES,
  WORK_MINUTES_PER_DAY,
  formatWorkSpan,
  splitWorkMinutes,
  stateClass,
  stateLabelKey,
  timeLeftText,
} from "./worktime";

const tk = (key: string, p?: Record<string, string | number>) => translate(kk, key, p);
const tr = (key: string, p?: Record<string, string | number>) => translate(ru, key, p);

describe("working time left", () => {
  it("an office day is 480 working minutes", () => {
    expect(WORK_MINUTES_PER_DAY).toBe(480);
  });

  it("splits minutes into working days, hours, minutes", () => {
    expect(splitWorkMinutes(135)).toEqual({ days: 0, hours: 2, minutes: 15 });
    expect(splitWorkMinutes(480 * 3)).toEqual({ days: 3, hours: 0, minutes: 0 });
    expect(splitWorkMinutes(480 + 125)).toEqual({ days: 1, hours: 2, minutes: 5 });
    expect(splitWorkMinutes(-75)).toEqual({ days: 0, hours: 1, minutes: 15 });
    expect(splitWorkMinutes(600, 510)).toEqual({ days: 1, hours: 1, minutes: 30 });
  });

  it("formats hours and minutes under a day", () => {
    expect(formatWorkSpan(tk, 135)).toBe("2 сағ 15 мин");
    expect(formatWorkSpan(tr, 135)).toBe("2 ч 15 мин");
    expect(formatWorkSpan(tk, 120)).toBe("2 сағ");
    expect(formatWorkSpan(tk, 45)).toBe("45 мин");
    expect(formatWorkSpan(tk, 0)).toBe("0 мин");
  });

  it("formats working days, with whole hours, from one day up", () => {
    expect(formatWorkSpan(tk, 1440)).toBe("3 ж.к.");
    expect(formatWorkSpan(tr, 1440)).toBe("3 р.д.");
    expect(formatWorkSpan(tk, 480 + 150)).toBe("1 ж.к. 2 сағ");
  });

  it("says how late an overdue step is", () => {
    expect(timeLeftText(tk, -90)).toBe("1 сағ 30 мин кешікті");
    expect(timeLeftText(tr, -90)).toBe("просрочено на 1 ч 30 мин");
    expect(timeLeftText(tr, 30)).toBe("30 мин");
    expect(timeLeftText(tr, null)).toBe("");
    expect(timeLeftText(tk, BigInt(-480))).toBe("1 ж.к. кешікті");
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
