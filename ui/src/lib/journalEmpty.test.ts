import { describe, expect, it } from "vitest";
import kk from "../../../locales/kk.yml";
import ru from "../../../locales/ru.yml";
import { translate } from "./translate";
import { emptyKey, wholeJournal } from "./journalEmpty";
import type { JournalRow } from "./bindings/JournalRow";

const row = { id: 1, number: "2026-00001" } as JournalRow;

describe("the journal's empty answer", () => {
  it("says the journal is empty only when it holds no case", () => {
    expect(emptyKey({ rows: [], journal_empty: true })).toBe("journal.empty");
    expect(emptyKey(wholeJournal([]))).toBe("journal.empty");
  });

  it("says nothing was found when a search matched nothing", () => {
    expect(emptyKey({ rows: [], journal_empty: false })).toBe("journal.nothing_found");
  });

  it("says nothing when there are rows", () => {
    expect(emptyKey({ rows: [row], journal_empty: false })).toBeNull();
    expect(emptyKey(wholeJournal([row]))).toBeNull();
  });

  it("has both texts in Kazakh and Russian, and they differ", () => {
    for (const dict of [kk, ru]) {
      const empty = translate(dict, "journal.empty");
      const nothing = translate(dict, "journal.nothing_found");
      expect(empty).not.toBe("journal.empty");
      expect(nothing).not.toBe("journal.nothing_found");
      expect(nothing).not.toBe(empty);
    }
    expect(translate(kk, "journal.nothing_found")).toContain("табылмады");
    expect(translate(ru, "journal.nothing_found")).toContain("ничего не найдено");
  });
});
