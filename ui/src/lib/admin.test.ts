import { describe, expect, it } from "vitest";
import kk from "../../../locales/kk.yml";
import ru from "../../../locales/ru.yml";
import { translate, keysOf } from "./translate";
import type { ServiceDefinition } from "./bindings/ServiceDefinition";
import {
  buildServiceEdit,
  changeText,
  dayNoteText,
  draftOf,
  errorPlace,
  hasChanges,
  isValidLimit,
  placeErrors,
  canRemoveDayOff,
} from "./admin";

const def = {
  id: "small-vessel-certificate",
  version: 1,
  required_documents: [
    { id: "application", kk: "Өтініш", ru: "Заявление" },
    { id: "photo", kk: "Фотосурет", ru: "Фотография" },
  ],
  refusal_grounds: [{ id: "false-data", kk: "Жалған деректер", ru: "Недостоверные данные", clause: "p. 10" }],
  procedures: [
    {
      id: "issue",
      steps: [
        { id: "register", limit: "15min" },
        { id: "examine", limit: "7wd", refusal: { limit: "1wd", grounds: ["false-data"] } },
      ],
    },
    { id: "duplicate", steps: [{ id: "examine", limit: "1wd", refusal: { grounds: [] } }] },
  ],
} as unknown as ServiceDefinition;

const tk = (key: string, p?: Record<string, string | number>) => translate(kk, key, p);
const tr = (key: string, p?: Record<string, string | number>) => translate(ru, key, p);

describe("a service draft", () => {
  it("changes nothing as loaded", () => {
    const draft = draftOf(def);
    expect(hasChanges(def, draft)).toBe(false);
    expect(buildServiceEdit(def, draft)).toEqual({ step_limits: [] });
  });

  it("sends only the lists and limits that changed", () => {
    const draft = draftOf(def);
    draft.documents.pop();
    draft.limits["issue/examine"] = " 8wd ";
    draft.limits["duplicate/examine#refusal"] = "1wd";
    const edit = buildServiceEdit(def, draft);
    expect(edit.required_documents).toEqual([def.required_documents[0]]);
    expect(edit.refusal_grounds).toBeUndefined();
    expect(edit.step_limits).toEqual([
      { procedure: "issue", step: "examine", limit: "8wd", refusal_limit: null, limit_by_channel: null },
      { procedure: "duplicate", step: "examine", limit: null, refusal_limit: "1wd", limit_by_channel: null },
    ]);
    // The draft copies the lists: the definition itself is untouched.
    expect(def.required_documents).toHaveLength(2);
  });
});

describe("limits", () => {
  it("accept the written forms only", () => {
    for (const ok of ["15min", "2h", "13wd", "same-day", "same-day-max-30min", " 1wd "]) {
      expect(isValidLimit(ok), ok).toBe(true);
    }
    for (const bad of ["0min", "2d", "1.5h", "", "-1h", "same-day-max-0min", "10001wd", "wd"]) {
      expect(isValidLimit(bad), bad).toBe(false);
    }
  });
});

describe("regulation errors find their input", () => {
  const edit = {
    step_limits: [{ procedure: "duplicate", step: "examine", limit: "2wd", refusal_limit: null, limit_by_channel: null }],
  };
  it("by list index, by edit index and by step path", () => {
    expect(errorPlace("required_documents[1].kk", def, edit)).toBe("documents.1");
    expect(errorPlace("refusal_grounds[0].clause", def, edit)).toBe("grounds.0");
    expect(errorPlace("step_limits[0].step", def, edit)).toBe("limit:duplicate/examine");
    expect(errorPlace("procedures[0].steps[1].refusal.limit", def, edit)).toBe("limit:issue/examine");
    expect(errorPlace("procedures[9].steps[0]", def, edit)).toBe("form");
    expect(errorPlace("", def, edit)).toBe("form");
  });
  it("with the text of their code, first per place", () => {
    const out = placeErrors(
      tk,
      {
        code: "regulation_invalid",
        message: "x",
        fields: [
          { field: "required_documents[1].kk", code: "regulation_invalid", message: "a" },
          { field: "required_documents[1].ru", code: "too_long", message: "b" },
        ],
      },
      def,
      edit,
    );
    expect(out).toEqual({ "documents.1": translate(kk, "errors.regulation_invalid") });
    const whole = placeErrors(tr, { code: "storage_failed", message: "m", fields: [] }, def, edit);
    expect(whole).toEqual({ form: translate(ru, "errors.storage_failed") });
  });
});

describe("calendar texts", () => {
  it("say why a day is off and what an edit did, in both languages", () => {
    const name = { kk: "Наурыз мейрамы", ru: "Наурыз мейрамы" };
    expect(dayNoteText(tk, { kind: "holiday", name }, "kk")).toBe("Наурыз мейрамы");
    expect(dayNoteText(tr, { kind: "shifted", name }, "ru")).toContain("Наурыз мейрамы");
    expect(dayNoteText(tk, { kind: "kurban_ait" }, "kk")).toBe(translate(kk, "admin.calendar.note.kurban_ait"));
    const change = { kind: "add_day_off", date: "2026-12-28" } as const;
    expect(changeText(tk, change)).toContain("2026-12-28");
    expect(changeText(tr, change)).toContain("2026-12-28");
    const hours = {
      kind: "set_office_hours",
      hours: { opens: "08:30", closes: "17:30", lunch_from: "12:30", lunch_until: "13:30" },
    } as const;
    expect(changeText(tr, hours)).toContain("08:30");
    expect(canRemoveDayOff({ kind: "transfer" })).toBe(true);
    expect(canRemoveDayOff({ kind: "holiday", name })).toBe(false);
  });

  it("have the same admin keys in Kazakh and Russian, none empty", () => {
    const admin = (d: Record<string, unknown>) => keysOf(d).filter((k) => k.startsWith("admin."));
    expect(admin(kk).length).toBeGreaterThan(30);
    expect(admin(kk).sort()).toEqual(admin(ru).sort());
    for (const key of admin(kk)) expect(translate(kk, key).trim(), key).not.toBe("");
  });
});
