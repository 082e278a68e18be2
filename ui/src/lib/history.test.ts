import { describe, expect, it } from "vitest";
import kk from "../../../locales/kk.yml";
import ru from "../../../locales/ru.yml";
import type { Role } from "./bindings/Role";
import type { User } from "./bindings/User";
import { translate } from "./translate";
import { actionSummary, roleText, stepText, userName, type HistoryNames } from "./history";

const tk = (key: string, p?: Record<string, string | number>) => translate(kk, key, p);
const tr = (key: string, p?: Record<string, string | number>) => translate(ru, key, p);

// The regulation's names as the case view carries them.
const names = {
  documents: [
    { id: "application", kk: "Өтініш", ru: "Заявление" },
    { id: "photo", kk: "Фотосурет", ru: "Фотография" },
  ],
  grounds: [{ id: "incomplete", kk: "Толық емес", ru: "Неполный пакет", clause: "p. 10" }],
  fields: [{ id: "number", kk: "Куәлік нөмірі", ru: "Номер удостоверения" }],
};

const users: User[] = [
  {
    login: "aigerim",
    name: { kk: "Айгерім Сейітова", ru: "Айгерим Сеитова" },
    position: { kk: "", ru: "" },
    phone: "",
    roles: [{ role: "executor" }],
    active: true,
  },
];
const ctx: HistoryNames = { ...names, users, lang: "ru" };

describe("history texts", () => {
  it("names users by login", () => {
    expect(userName(users, "aigerim", "kk")).toBe("Айгерім Сейітова");
    expect(userName(users, "ghost", "kk")).toBe("ghost");
    expect(userName(users, null, "kk")).toBe("");
  });

  it("shows the deputy acting for the head as such", () => {
    expect(roleText(tr, { role: "deputy", acting_for_head: true })).toBe(tr("case.role_acting_for_head"));
    expect(roleText(tr, { role: "deputy", acting_for_head: true })).not.toBe(tr("case.role.deputy"));
    expect(roleText(tk, { role: "head", acting_for_head: false })).toBe("Басшы");
  });

  it("every role has a text in both languages", () => {
    const roles: Role[] = ["clerk", "head", "deputy", "dept_head", "executor", "external", "admin"];
    for (const r of roles) {
      expect(tk(`case.role.${r}`)).not.toBe(`case.role.${r}`);
      expect(tr(`case.role.${r}`)).not.toBe(`case.role.${r}`);
    }
  });

  it("numbers steps by their place in the procedure", () => {
    const steps = [
      { id: "register", action: { kk: "Тіркейді", ru: "Регистрирует" } },
      { id: "resolution", action: { kk: "Қарайды", ru: "Рассматривает" } },
    ];
    expect(stepText(steps, "resolution", "ru")).toBe("2. Рассматривает");
    expect(stepText(steps, "gone", "ru")).toBe("gone");
    expect(stepText(steps, null, "ru")).toBe("");
  });

  it("summarises a refusal with grounds, clause and missing documents", () => {
    const parts = actionSummary(
      tr,
      { action: "draft_refusal", grounds: ["incomplete"], missing_documents: ["Фотография"], text: "см. п. 9" },
      ctx,
    );
    expect(parts).toEqual([
      tr("case.summary.grounds", { list: "Неполный пакет (p. 10)" }),
      tr("case.summary.missing", { list: "Фотография" }),
      "см. п. 9",
    ]);
  });

  it("summarises a resolution, a completeness check, a result and a return", () => {
    expect(
      actionSummary(tr, { action: "resolve", text: "Исполнить", executor: "aigerim", deadline: "2026-11-25T17:00:00+05:00" }, ctx),
    ).toEqual([
      tr("case.summary.executor", { name: "Айгерим Сеитова" }),
      tr("case.summary.deadline", { date: "25.11.2026 17:00" }),
      "Исполнить",
    ]);
    expect(
      actionSummary(tr, { action: "record_check", check: "completeness", passed: false, note: "", value: "application" }, ctx),
    ).toEqual([`${tr("case.check.completeness")}: ${tr("case.summary.failed")}`, "Заявление"]);
    expect(actionSummary(tr, { action: "submit", fields: { number: "42" }, note: "" }, ctx)).toEqual([
      "Номер удостоверения: 42",
    ]);
    expect(actionSummary(tk, { action: "return", comment: "Қайта қараңыз" }, ctx)).toEqual(["Қайта қараңыз"]);
    expect(actionSummary(tk, { action: "resume" }, ctx)).toEqual([]);
  });
});
