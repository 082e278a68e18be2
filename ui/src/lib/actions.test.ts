import { describe, expect, it } from "vitest";
import type { ActionKind } from "./bindings/ActionKind";
import type { User } from "./bindings/User";
import kk from "../../../locales/kk.yml";
import ru from "../../../locales/ru.yml";
import { translate } from "./translate";
import {
  ACTION_ORDER,
  HAND_OVER_METHODS,
  buildAction,
  emptyForm,
  formFields,
  hasRole,
  orderActions,
  usersWithRole,
  type FormContext,
} from "./actions";

const ctx: FormContext = { resolveTo: "executor", check: "completeness", drafting: true };
const full = { ...ctx, groundOrder: ["incomplete", "expired", "false-data"], utcOffset: "+05:00" };
const today = "2026-11-23";

const names = (kind: ActionKind, c: FormContext = ctx) => formFields(kind, c).map((s) => s.name);

describe("which inputs an act needs", () => {
  it("a resolution names an executor or a department head, with an optional deadline", () => {
    expect(names("resolve")).toEqual(["text", "executor", "deadline"]);
    expect(names("resolve", { ...ctx, resolveTo: "dept_head" })).toEqual(["text", "dept_head", "deadline"]);
    expect(formFields("resolve", ctx).find((s) => s.name === "deadline")?.required).toBe(false);
  });

  it("the completeness check is a checklist, other checks a pass/fail with a value", () => {
    expect(names("record_check")).toEqual(["check", "documents", "note"]);
    expect(names("record_check", { ...ctx, check: "fee" })).toEqual(["check", "passed", "value", "note"]);
  });

  it("the result's fields only at a drafting step", () => {
    expect(names("submit")).toEqual(["fields", "note"]);
    expect(names("submit", { ...ctx, drafting: false })).toEqual(["note"]);
  });

  it("a return needs a comment, a signature does not", () => {
    expect(formFields("return", ctx)).toEqual([{ name: "comment", required: true }]);
    expect(formFields("sign", ctx)).toEqual([{ name: "comment", required: false }]);
  });

  it("the other acts", () => {
    expect(names("assign_executor")).toEqual(["executor", "text"]);
    expect(names("send_external")).toEqual(["bodies", "sent_on"]);
    expect(names("record_conclusion")).toEqual(["body", "positive", "text", "date"]);
    expect(names("draft_refusal")).toEqual(["grounds", "missing_documents", "text"]);
    expect(names("hand_over")).toEqual(["method", "comment"]);
    expect(names("formalise")).toEqual(["method", "note"]);
    expect(names("reassign")).toEqual(["executor", "reason"]);
    expect(names("withdraw")).toEqual(["reason"]);
    expect(names("pause")).toEqual(["reason"]);
    expect(names("resume")).toEqual([]);
  });
});

describe("building the act from the form", () => {
  it("resolution to an executor, with the deadline in the office's offset", () => {
    const form = { ...emptyForm(today), text: "Орындауға", executor: "aigerim", dept_head: "x", deadline: "2026-11-25 17:00" };
    expect(buildAction("resolve", form, full)).toEqual({
      action: "resolve",
      text: "Орындауға",
      executor: "aigerim",
      deadline: "2026-11-25T17:00:00+05:00",
    });
    // The offset is the one the core states, not the window's own.
    expect(buildAction("resolve", form, { ...full, utcOffset: "+06:00" })).toMatchObject({
      deadline: "2026-11-25T17:00:00+06:00",
    });
  });

  it("resolution to a department head, no deadline when left empty", () => {
    const form = { ...emptyForm(today), text: "т", executor: "x", dept_head: "bolat", deadline: "  " };
    const action = buildAction("resolve", form, { ...full, resolveTo: "dept_head" });
    expect(action).toEqual({ action: "resolve", text: "т", dept_head: "bolat" });
    expect("deadline" in action).toBe(false);
  });

  it("completeness sends the ticked documents only: the verdict is the domain's", () => {
    const some = { ...emptyForm(today), documents: ["medical", "application"], passed: true };
    const action = buildAction("record_check", some, full);
    expect(action).toEqual({ action: "record_check", check: "completeness", note: "", value: "medical,application" });
    expect("passed" in action).toBe(false);
    expect(buildAction("record_check", emptyForm(today), full)).toEqual({
      action: "record_check",
      check: "completeness",
      note: "",
      value: "",
    });
  });

  it("other checks take the typed pass/fail and value", () => {
    const form = { ...emptyForm(today, "fee"), passed: false, value: " 12345 ", note: "төлем жоқ" };
    expect(buildAction("record_check", form, { ...full, check: "fee" })).toEqual({
      action: "record_check",
      check: "fee",
      passed: false,
      note: "төлем жоқ",
      value: "12345",
    });
  });

  it("external bodies one per line", () => {
    const form = { ...emptyForm(today), bodies: " ДСМ \n\n Төтенше жағдайлар департаменті\n" };
    expect(buildAction("send_external", form, full)).toEqual({
      action: "send_external",
      bodies: ["ДСМ", "Төтенше жағдайлар департаменті"],
      sent_on: "23.11.2026", // the form shows dd.mm.yyyy; the domain reads it
    });
  });

  it("a conclusion", () => {
    const form = { ...emptyForm(today), body: "ДСМ", positive: false, text: "сәйкес емес" };
    expect(buildAction("record_conclusion", form, full)).toEqual({
      action: "record_conclusion",
      body: "ДСМ",
      positive: false,
      text: "сәйкес емес",
      date: "23.11.2026",
    });
  });

  it("submit sends the filled result fields at a drafting step only", () => {
    const form = { ...emptyForm(today), fields: { number: " 42 ", valid: "" }, note: "дайын" };
    expect(buildAction("submit", form, full)).toEqual({ action: "submit", fields: { number: "42" }, note: "дайын" });
    expect(buildAction("submit", form, { ...full, drafting: false })).toEqual({ action: "submit", fields: {}, note: "дайын" });
  });

  it("a refusal cites grounds in the service's order, missing documents one per line", () => {
    const form = {
      ...emptyForm(today),
      grounds: ["false-data", "incomplete"],
      missing_documents: "Фотосурет\n  \nМедициналық анықтама ",
      text: "қосымша",
    };
    expect(buildAction("draft_refusal", form, full)).toEqual({
      action: "draft_refusal",
      grounds: ["incomplete", "false-data"],
      missing_documents: ["Фотосурет", "Медициналық анықтама"],
      text: "қосымша",
    });
  });

  it("the short acts", () => {
    const form = { ...emptyForm(today), comment: "c", reason: "r", note: "n", executor: "e", method: "portal" as const };
    expect(buildAction("sign", form, full)).toEqual({ action: "sign", comment: "c" });
    expect(buildAction("return", form, full)).toEqual({ action: "return", comment: "c" });
    expect(buildAction("hand_over", form, full)).toEqual({ action: "hand_over", method: "portal", comment: "c" });
    expect(buildAction("formalise", form, full)).toEqual({ action: "formalise", method: "portal", note: "n" });
    expect(buildAction("reassign", form, full)).toEqual({ action: "reassign", executor: "e", reason: "r" });
    expect(buildAction("withdraw", form, full)).toEqual({ action: "withdraw", reason: "r" });
    expect(buildAction("pause", form, full)).toEqual({ action: "pause", reason: "r" });
    expect(buildAction("resume", form, full)).toEqual({ action: "resume" });
  });
});

describe("route helpers", () => {
  it("users are filtered by role, inactive ones left out", () => {
    const u = (login: string, role: User["roles"][number]["role"], active = true): User => ({
      login,
      name: { kk: login, ru: login },
      position: { kk: "", ru: "" },
      phone: "",
      roles: [{ role }],
      active,
    });
    const users = [u("a", "executor"), u("b", "dept_head"), u("c", "executor", false), u("d", "head")];
    expect(usersWithRole(users, "executor").map((x) => x.login)).toEqual(["a"]);
    expect(usersWithRole(users, "head", "dept_head").map((x) => x.login)).toEqual(["b", "d"]);
    expect(hasRole(users[3], "head", "deputy")).toBe(true);
    expect(hasRole(users[0], "head", "deputy")).toBe(false);
    expect(hasRole(null, "head")).toBe(false);
  });

  it("buttons come in route order, unknown kinds dropped", () => {
    expect(orderActions(["withdraw", "sign", "register", "return"])).toEqual(["sign", "return", "withdraw"]);
  });

  it("every act and hand-over method has a text in both languages", () => {
    for (const dict of [kk, ru]) {
      for (const k of ACTION_ORDER) expect(translate(dict, `case.action.${k}`)).not.toBe(`case.action.${k}`);
      for (const m of HAND_OVER_METHODS) expect(translate(dict, `case.method.${m}`)).not.toBe(`case.method.${m}`);
    }
  });
});
