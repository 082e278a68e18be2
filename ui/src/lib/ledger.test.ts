import { describe, expect, it } from "vitest";
import { breakKey, percent } from "./ledger";

describe("ledger helpers", () => {
  it("turns progress into a bounded percentage", () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(50, 200)).toBe(25);
    expect(percent(300, 200)).toBe(100);
  });
  it("names a break kind by locale key", () => {
    expect(breakKey("row_edited")).toBe("ledger.break_row_edited");
  });
});
