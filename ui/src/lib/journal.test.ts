import { describe, expect, it } from "vitest";
import kk from "../../../locales/kk.yml";
import ru from "../../../locales/ru.yml";
import { translate } from "./translate";
import { CASE_STATUSES, buildFilter, emptyFilterForm, isOpenFilter } from "./journal";

describe("journal filters", () => {
  it("leave empty inputs out", () => {
    const filter = buildFilter(emptyFilterForm());
    expect(filter).toEqual({ overdue_only: false });
    expect(isOpenFilter(filter)).toBe(true);
  });

  it("take what is typed, trimmed", () => {
    const filter = buildFilter({
      ...emptyFilterForm(),
      status: "in_progress",
      service: "small-vessel-certificate",
      executor: "aigerim",
      from: "2026-11-01",
      to: " 2026-11-30 ",
      text: "  Сейітова ",
    });
    expect(filter).toEqual({
      overdue_only: false,
      status: "in_progress",
      service: "small-vessel-certificate",
      executor: "aigerim",
      from: "2026-11-01",
      to: "2026-11-30",
      text: "Сейітова",
    });
    expect(isOpenFilter(filter)).toBe(false);
  });

  it("overdue only is a filter of its own", () => {
    const filter = buildFilter({ ...emptyFilterForm(), overdue_only: true, text: "   " });
    expect(filter).toEqual({ overdue_only: true });
    expect(isOpenFilter(filter)).toBe(false);
  });

  it("every status has a text", () => {
    for (const dict of [kk, ru]) for (const s of CASE_STATUSES) expect(translate(dict, `status.${s}`)).not.toBe(`status.${s}`);
  });
});
