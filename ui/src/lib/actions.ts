// The case screen's action forms: which inputs an act needs, and the `Action` they make.
import type { Action } from "./bindings/Action";
import type { ActionKind } from "./bindings/ActionKind";
import type { Check } from "./bindings/Check";
import type { HandOverMethod } from "./bindings/HandOverMethod";
import type { ResolveTarget } from "./bindings/ResolveTarget";
import type { Role } from "./bindings/Role";
import type { User } from "./bindings/User";
import { isoToDateText } from "./dates";
import { fromInputText } from "./time";

/** Form inputs, each named by the `Action` field it fills (`#field-<name>` in the window). */
export type FormField =
  | "text"
  | "executor"
  | "dept_head"
  | "deadline"
  | "check"
  | "documents"
  | "passed"
  | "value"
  | "note"
  | "bodies"
  | "sent_on"
  | "body"
  | "positive"
  | "date"
  | "fields"
  | "grounds"
  | "missing_documents"
  | "comment"
  | "method"
  | "reason";

export type FieldSpec = { name: FormField; required: boolean };

/** What the form needs to know of the step: decided by the domain, carried by
 *  the case view (`StepView.resolve_to`, `StepView.drafting`). */
export type FormContext = {
  /** Whom a resolution names. */
  resolveTo: ResolveTarget;
  /** The check chosen in a `record_check` form. */
  check: Check;
  /** Whether the step drafts the result (then `submit` asks for the result's fields). */
  drafting: boolean;
};

export type FormState = {
  text: string;
  executor: string;
  dept_head: string;
  deadline: string;
  check: Check;
  /** Ids of the required documents ticked as received. */
  documents: string[];
  passed: boolean;
  value: string;
  note: string;
  /** One body per line. */
  bodies: string;
  sent_on: string;
  body: string;
  positive: boolean;
  date: string;
  fields: Record<string, string>;
  grounds: string[];
  /** One document per line. */
  missing_documents: string;
  comment: string;
  method: HandOverMethod;
  reason: string;
};

export const HAND_OVER_METHODS: HandOverMethod[] = ["state_corp", "portal", "in_person", "post"];

export function emptyForm(today: string, check: Check = "completeness"): FormState {
  return {
    text: "",
    executor: "",
    dept_head: "",
    deadline: "",
    check,
    documents: [],
    passed: true,
    value: "",
    note: "",
    bodies: "",
    sent_on: isoToDateText(today),
    body: "",
    positive: true,
    date: isoToDateText(today),
    fields: {},
    grounds: [],
    missing_documents: "",
    comment: "",
    method: "state_corp",
    reason: "",
  };
}

const f = (name: FormField, required = false): FieldSpec => ({ name, required });

/** The inputs the form for `kind` shows, in order. */
export function formFields(kind: ActionKind, ctx: FormContext): FieldSpec[] {
  switch (kind) {
    case "resolve":
      return [f("text", true), f(ctx.resolveTo, true), f("deadline")];
    case "assign_executor":
      return [f("executor", true), f("text")];
    case "record_check":
      return ctx.check === "completeness"
        ? [f("check", true), f("documents"), f("note")]
        : [f("check", true), f("passed"), f("value"), f("note")];
    case "send_external":
      return [f("bodies", true), f("sent_on", true)];
    case "record_conclusion":
      return [f("body", true), f("positive"), f("text", true), f("date", true)];
    case "submit":
      return ctx.drafting ? [f("fields"), f("note")] : [f("note")];
    case "draft_refusal":
      return [f("grounds", true), f("missing_documents"), f("text")];
    case "sign":
      return [f("comment")];
    case "return":
      return [f("comment", true)];
    case "hand_over":
      return [f("method", true), f("comment")];
    case "formalise":
      return [f("method", true), f("note")];
    case "reassign":
      return [f("executor", true), f("reason", true)];
    case "withdraw":
    case "pause":
      return [f("reason", true)];
    case "resume":
    case "register":
      return [];
  }
}

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

function optional(text: string): string | undefined {
  const v = text.trim();
  return v === "" ? undefined : v;
}

/** Builds the act from the form. Validation is the backend's: empty values go as typed.
 *  `utcOffset` is the office's (`AppInfo.utc_offset`), for the typed deadline. */
export function buildAction(
  kind: ActionKind,
  form: FormState,
  ctx: FormContext & { groundOrder: string[]; utcOffset: string },
): Action {
  switch (kind) {
    case "resolve": {
      const deadline = optional(form.deadline);
      return {
        action: "resolve",
        text: form.text,
        ...(ctx.resolveTo === "executor"
          ? { executor: form.executor }
          : { dept_head: form.dept_head }),
        ...(deadline ? { deadline: fromInputText(deadline, ctx.utcOffset) } : {}),
      };
    }
    case "assign_executor":
      return { action: "assign_executor", executor: form.executor, text: form.text };
    case "record_check":
      // The package's verdict is the domain's: the form sends the documents received only.
      if (form.check === "completeness") {
        return { action: "record_check", check: form.check, note: form.note, value: form.documents.join(",") };
      }
      return {
        action: "record_check",
        check: form.check,
        passed: form.passed,
        note: form.note,
        value: form.value.trim(),
      };
    case "send_external":
      return { action: "send_external", bodies: lines(form.bodies), sent_on: form.sent_on.trim() };
    case "record_conclusion":
      return {
        action: "record_conclusion",
        body: form.body,
        positive: form.positive,
        text: form.text,
        date: form.date.trim(),
      };
    case "submit": {
      const fields: Record<string, string> = {};
      if (ctx.drafting) {
        for (const [id, value] of Object.entries(form.fields)) {
          if (value.trim() !== "") fields[id] = value.trim();
        }
      }
      return { action: "submit", fields, note: form.note };
    }
    case "draft_refusal":
      return {
        action: "draft_refusal",
        grounds: ctx.groundOrder.filter((g) => form.grounds.includes(g)),
        missing_documents: lines(form.missing_documents),
        text: form.text,
      };
    case "sign":
      return { action: "sign", comment: form.comment };
    case "return":
      return { action: "return", comment: form.comment };
    case "hand_over":
      return { action: "hand_over", method: form.method, comment: form.comment };
    case "formalise":
      return { action: "formalise", method: form.method, note: form.note };
    case "reassign":
      return { action: "reassign", executor: form.executor, reason: form.reason };
    case "withdraw":
      return { action: "withdraw", reason: form.reason };
    case "pause":
      return { action: "pause", reason: form.reason };
    case "resume":
      return { action: "resume" };
    case "register":
      return { action: "register" };
  }
}

/** Active users holding one of `roles`, for the executor / department head selects. */
export function usersWithRole(users: User[], ...roles: Role[]): User[] {
  return users.filter((u) => u.active && u.roles.some((g) => roles.includes(g.role)));
}

export function hasRole(user: User | null | undefined, ...roles: Role[]): boolean {
  return !!user && user.roles.some((g) => roles.includes(g.role));
}

/** The order the buttons appear in: the step's own acts first, then the route's. */
export const ACTION_ORDER: ActionKind[] = [
  "resolve",
  "assign_executor",
  "record_check",
  "send_external",
  "record_conclusion",
  "submit",
  "draft_refusal",
  "sign",
  "return",
  "hand_over",
  "formalise",
  "reassign",
  "pause",
  "resume",
  "withdraw",
];

export function orderActions(kinds: ActionKind[]): ActionKind[] {
  return ACTION_ORDER.filter((k) => kinds.includes(k));
}
