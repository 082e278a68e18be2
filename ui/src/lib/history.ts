// Texts of a case's history lines and of its steps.
import type { Action } from "./bindings/Action";
import type { DocumentItem } from "./bindings/DocumentItem";
import type { RefusalGround } from "./bindings/RefusalGround";
import type { ResultField } from "./bindings/ResultField";
import type { RouteEvent } from "./bindings/RouteEvent";
import type { StepName } from "./bindings/StepName";
import type { User } from "./bindings/User";
import { formatOfficeDateTime } from "./time";

type Translate = (key: string, params?: Record<string, string | number>) => string;
type Lang = "kk" | "ru";

/** A user's name in `lang`, or the login when the user is unknown. */
export function userName(users: User[], login: string | null | undefined, lang: Lang): string {
  if (!login) return "";
  return users.find((u) => u.login === login)?.name[lang] ?? login;
}

/** The role an act was done in; the deputy acting for the head says so. */
export function roleText(t: Translate, event: Pick<RouteEvent, "role" | "acting_for_head">): string {
  return event.acting_for_head ? t("case.role_acting_for_head") : t(`case.role.${event.role}`);
}

/** `3. <the step's action>` for a step id of the case's procedure (`CaseView.steps`);
 *  the id itself when unknown. */
export function stepText(steps: StepName[], stepId: string | null, lang: Lang): string {
  if (!stepId) return "";
  const i = steps.findIndex((s) => s.id === stepId);
  return i < 0 ? stepId : `${i + 1}. ${steps[i].action[lang]}`;
}

/** The regulation's names the case view carries, for ids in history lines. */
export type HistoryNames = {
  documents: DocumentItem[];
  grounds: RefusalGround[];
  fields: ResultField[];
  users: User[];
  lang: Lang;
};

/** The act's data in short: grounds, comment, who was named... */
export function actionSummary(
  t: Translate,
  action: Action,
  ctx: HistoryNames,
): string[] {
  const name = (login: string | undefined) => userName(ctx.users, login, ctx.lang);
  const docName = (id: string) => {
    const d = ctx.documents.find((x) => x.id === id);
    return d ? d[ctx.lang] : id;
  };
  const ground = (id: string) => {
    const g = ctx.grounds.find((x) => x.id === id);
    return g ? `${g[ctx.lang]} (${g.clause})` : id;
  };
  const field = (id: string) => {
    const f = ctx.fields.find((x) => x.id === id);
    return f ? f[ctx.lang] : id;
  };
  const nonEmpty = (parts: (string | false | undefined | null)[]) =>
    parts.filter((p): p is string => !!p && p.trim() !== "");
  switch (action.action) {
    case "resolve":
      return nonEmpty([
        action.executor && t("case.summary.executor", { name: name(action.executor) }),
        action.dept_head && t("case.summary.dept_head", { name: name(action.dept_head) }),
        action.deadline && t("case.summary.deadline", { date: formatOfficeDateTime(action.deadline) }),
        action.text,
      ]);
    case "assign_executor":
      return nonEmpty([t("case.summary.executor", { name: name(action.executor) }), action.text]);
    case "record_check": {
      const value =
        action.check === "completeness"
          ? action.value.split(",").filter((v) => v.trim() !== "").map((v) => docName(v.trim())).join(", ")
          : action.value;
      return nonEmpty([
        `${t(`case.check.${action.check}`)}: ${t(action.passed ? "case.summary.passed" : "case.summary.failed")}`,
        value,
        action.note,
      ]);
    }
    case "send_external":
      return nonEmpty([action.bodies.join(", "), t("case.summary.sent_on", { date: action.sent_on })]);
    case "record_conclusion":
      return nonEmpty([
        `${action.body}: ${t(action.positive ? "case.summary.positive" : "case.summary.negative")}`,
        action.text,
        action.date,
      ]);
    case "submit":
      return nonEmpty([
        ...Object.entries(action.fields).map(([k, v]) => `${field(k)}: ${v}`),
        action.note,
      ]);
    case "draft_refusal":
      return nonEmpty([
        t("case.summary.grounds", { list: action.grounds.map(ground).join("; ") }),
        action.missing_documents.length > 0 &&
          t("case.summary.missing", { list: action.missing_documents.join(", ") }),
        action.text,
      ]);
    case "sign":
    case "return":
      return nonEmpty([action.comment]);
    case "hand_over":
      return nonEmpty([t(`case.method.${action.method}`), action.outgoing_number, action.comment]);
    case "formalise":
      return nonEmpty([t(`case.method.${action.method}`), action.outgoing_number, action.note]);
    case "reassign":
      return nonEmpty([t("case.summary.executor", { name: name(action.executor) }), action.reason]);
    case "withdraw":
    case "pause":
      return nonEmpty([action.reason]);
    case "resume":
    case "register":
      return [];
  }
}
