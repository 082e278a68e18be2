import { describe, expect, it } from "vitest";
import { emptyUserForm, needsDepartment, userInput } from "./users";

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
