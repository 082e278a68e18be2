import { describe, expect, it } from "vitest";
import { formatDate, formatOfficeDateTime, fromInputText, toInputText } from "./time";

describe("office time texts", () => {
  it("formats journal times", () => {
    expect(formatOfficeDateTime("2026-11-23T10:15:00+05:00")).toBe("23.11.2026 10:15");
  });

  it("round-trips the form's text", () => {
    expect(toInputText("2026-11-23T10:15:00+05:00")).toBe("23.11.2026 10:15");
    expect(fromInputText("23.11.2026 10:15", "+05:00")).toBe("2026-11-23T10:15:00+05:00");
    expect(fromInputText("3.12.2026 9:05", "+05:00")).toBe("2026-12-03T09:05:00+05:00");
    expect(fromInputText(" 2026-11-23 10:15 ", "+05:00")).toBe("2026-11-23T10:15:00+05:00");
    expect(fromInputText("2026-11-23T10:15", "+05:00")).toBe("2026-11-23T10:15:00+05:00");
  });

  it("writes the offset the core states for the office", () => {
    expect(fromInputText("23.11.2026 10:15", "+06:00")).toBe("2026-11-23T10:15:00+06:00");
  });

  it("passes anything else on, for the backend to name the error", () => {
    expect(fromInputText("yesterday", "+05:00")).toBe("yesterday");
  });

  it("formats dates", () => {
    expect(formatDate("1980-04-16")).toBe("16.04.1980");
  });
});
