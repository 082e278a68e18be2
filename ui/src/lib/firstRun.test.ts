import { describe, expect, it } from "vitest";
import { firstRunRequest, pinMismatch } from "./firstRun";

const form = {
  login: " aliya ",
  nameKk: " Әлия Нұрланқызы ",
  nameRu: "Алия Нурлановна",
  pin: "135790",
  pinAgain: "135790",
};

describe("the first-run form", () => {
  it("sends the administrator with trimmed names and the PIN", () => {
    expect(firstRunRequest(form)).toEqual({
      admin_login: "aliya",
      admin_name: { kk: "Әлия Нұрланқызы", ru: "Алия Нурлановна" },
      pin: "135790",
    });
  });

  it("refuses a PIN typed differently the second time", () => {
    expect(pinMismatch(form)).toBe(false);
    expect(pinMismatch({ ...form, pinAgain: "135791" })).toBe(true);
  });
});
