import { describe, expect, it } from "vitest";
import kk from "../../../locales/kk.yml";
import ru from "../../../locales/ru.yml";
import { translate } from "./translate";
import { errorText, fieldErrors } from "./errors";

const tk = (key: string) => translate(kk, key);
const tr = (key: string) => translate(ru, key);

describe("error texts are chosen by code", () => {
  it("in Kazakh and in Russian", () => {
    expect(errorText(tk, "iin_checksum", "ignored")).toBe(
      "ЖСН қате: бақылау разряды сәйкес келмейді.",
    );
    expect(errorText(tr, "iin_checksum", "ignored")).toBe(
      "Неверный ИИН: не сходится контрольный разряд.",
    );
  });

  it("falls back to the backend message for an unknown code", () => {
    expect(errorText(tk, "brand_new_code", "raw message")).toBe("raw message");
  });

  it("maps field errors, first one per field", () => {
    const out = fieldErrors(tk, {
      code: "iin_checksum",
      message: "x",
      fields: [
        { field: "applicant.iin", code: "iin_checksum", message: "a" },
        { field: "applicant.iin", code: "iin_format", message: "b" },
        { field: "applicant.name", code: "name_empty", message: "c" },
      ],
    });
    expect(out).toEqual({
      "applicant.iin": translate(kk, "errors.iin_checksum"),
      "applicant.name": translate(kk, "errors.name_empty"),
    });
  });
});
