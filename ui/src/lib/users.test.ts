import { describe, expect, it } from "vitest";
import type { User } from "./bindings/User";
import {
  emptyUserForm,
  formFromUser,
  needsDepartment,
  pinRepeatProblem,
  rolesText,
  userInput,
  userUpdate,
} from "./users";

describe("the new-user form", () => {
  it("gives the department only to roles that belong to one", () => {
    const form = {
      ...emptyUserForm(),
      login: " aigul ",
      nameKk: "Айгүл Серікқызы",
      nameRu: "Айгуль Сериковна",
      roles: ["executor", "clerk"] as const,
      department: " Көлік бөлімі ",
      pin: "2580",
    };
    const input = userInput({ ...form, roles: [...form.roles] });
    expect(input.login).toBe("aigul");
    expect(input.roles).toEqual([
      { role: "executor", department: "Көлік бөлімі" },
      { role: "clerk" },
    ]);
    expect(input.name).toEqual({ kk: "Айгүл Серікқызы", ru: "Айгуль Сериковна" });
  });

  it("leaves a missing department for the backend to name", () => {
    const input = userInput({ ...emptyUserForm(), roles: ["dept_head"] });
    expect(input.roles).toEqual([{ role: "dept_head" }]);
  });

  it("knows which roles need a department", () => {
    expect(needsDepartment("executor")).toBe(true);
    expect(needsDepartment("dept_head")).toBe(true);
    expect(needsDepartment("head")).toBe(false);
  });
});

const aigul: User = {
  login: "aigul",
  name: { kk: "Айгүл Серікқызы", ru: "Айгуль Сериковна" },
  position: { kk: "Маман", ru: "Специалист" },
  phone: "+7 7112 51 00 00",
  roles: [{ role: "clerk" }, { role: "executor", department: "Жер бөлімі" }],
  active: false,
};

describe("the edit form", () => {
  it("starts from the stored user, department from the role that has one", () => {
    const form = formFromUser(aigul);
    expect(form.login).toBe("aigul");
    expect(form.nameRu).toBe("Айгуль Сериковна");
    expect(form.phone).toBe("+7 7112 51 00 00");
    expect(form.roles).toEqual(["clerk", "executor"]);
    expect(form.department).toBe("Жер бөлімі");
    expect(form.pin).toBe("");
  });

  it("sends the details without the login or a PIN", () => {
    const form = { ...formFromUser(aigul), roles: ["dept_head", "admin"] as User["roles"][number]["role"][] };
    form.department = " Көлік ";
    const update = userUpdate(form);
    expect(Object.keys(update).sort()).toEqual(["name", "phone", "position", "roles"]);
    expect(update.roles).toEqual([{ role: "dept_head", department: "Көлік" }, { role: "admin" }]);
  });

  it("lists roles with their departments", () => {
    const t = (key: string) => ({ "users_admin.role.clerk": "Clerk", "users_admin.role.executor": "Executor" })[key] ?? key;
    expect(rolesText(aigul, t)).toBe("Clerk, Executor (Жер бөлімі)");
  });
});

describe("a new PIN typed twice", () => {
  it("is fine when both match, spaces aside", () => {
    expect(pinRepeatProblem("135790", " 135790 ")).toBeNull();
  });
  it("names a mismatch and an empty repeat", () => {
    expect(pinRepeatProblem("135790", "135791")).toBe("users_admin.pin_mismatch");
    expect(pinRepeatProblem("135790", "")).toBe("errors.required");
  });
});
