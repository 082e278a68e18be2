import { describe, expect, it } from "vitest";
import {
  dateText,
  dateTextToIso,
  dateTimeTextOf,
  dayOfText,
  isoToDateText,
  monthGrid,
  parseDateText,
  parseDateTimeText,
  shiftMonth,
  withDay,
} from "./dates";

describe("date texts", () => {
  it("reads what the office and scripts write", () => {
    expect(parseDateText("02.12.2026")).toEqual({ y: 2026, m: 12, d: 2 });
    expect(parseDateText(" 2.1.2026 ")).toEqual({ y: 2026, m: 1, d: 2 });
    expect(parseDateText("2026-12-02")).toEqual({ y: 2026, m: 12, d: 2 });
    expect(parseDateText("29.02.2028")).toEqual({ y: 2028, m: 2, d: 29 });
  });

  it("does not read US order, short years or days that do not exist", () => {
    for (const bad of ["12/01/2026", "03.12.26", "31.11.2026", "29.02.2027", "13.13.2026", "", "02.12.2026 10:30"]) {
      expect(parseDateText(bad), bad).toBeNull();
    }
  });

  it("splits date-times and keeps the time", () => {
    expect(parseDateTimeText("02.12.2026 10:30")).toEqual({ date: { y: 2026, m: 12, d: 2 }, time: "10:30" });
    expect(parseDateTimeText("2026-12-02T9:05")).toEqual({ date: { y: 2026, m: 12, d: 2 }, time: "09:05" });
    expect(parseDateTimeText("02.12.2026 24:00")).toBeNull();
    expect(parseDateTimeText("02.12.2026T10:30")).toBeNull();
    expect(parseDateTimeText("02.12.2026")).toBeNull();
    expect(dayOfText("02.12.2026 10:30")).toEqual({ y: 2026, m: 12, d: 2 });
  });

  it("formats dd.mm.yyyy and converts for typed-date commands", () => {
    expect(dateText({ y: 2026, m: 1, d: 2 })).toBe("02.01.2026");
    expect(isoToDateText("2026-12-02")).toBe("02.12.2026");
    expect(isoToDateText("")).toBe("");
    expect(dateTextToIso("3.12.2026")).toBe("2026-12-03");
    expect(dateTextToIso("12/03/2026")).toBeNull();
    expect(dateTimeTextOf("2026-12-02T10:30:00+05:00")).toBe("02.12.2026 10:30");
  });

  it("a picked day keeps the typed time", () => {
    const day = { y: 2026, m: 12, d: 3 };
    expect(withDay("02.12.2026 10:30", day, true)).toBe("03.12.2026 10:30");
    expect(withDay("", day, true, "14:00")).toBe("03.12.2026 14:00");
    expect(withDay("02.12.2026 10:30", day, false)).toBe("03.12.2026");
  });
});

describe("the calendar month", () => {
  it("starts the week on Monday", () => {
    // 1 December 2026 is a Tuesday.
    const weeks = monthGrid(2026, 12);
    expect(weeks[0][0]).toBeNull();
    expect(weeks[0][1]).toEqual({ y: 2026, m: 12, d: 1 });
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.flat().filter((d) => d !== null)).toHaveLength(31);
    // 1 June 2026 is a Monday: no empty lead.
    expect(monthGrid(2026, 6)[0][0]).toEqual({ y: 2026, m: 6, d: 1 });
    // 1 November 2026 is a Sunday: last column of the first week.
    expect(monthGrid(2026, 11)[0][6]).toEqual({ y: 2026, m: 11, d: 1 });
  });

  it("moves across years", () => {
    expect(shiftMonth(2026, 12, 1)).toEqual({ y: 2027, m: 1 });
    expect(shiftMonth(2026, 1, -1)).toEqual({ y: 2025, m: 12 });
  });
});
