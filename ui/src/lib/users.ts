// The administrator's "new user" form: its state, and the UserInput it sends.
import type { Role } from "./bindings/Role";
import type { UserInput } from "./bindings/UserInput";

/** Roles an office user may hold (external bodies are not users). */
export const OFFICE_ROLES: Role[] = ["clerk", "head", "deputy", "dept_head", "executor", "admin"];

/** Department heads and executors belong to a department. */
export function needsDepartment(role: Role): boolean {
  return role === "dept_head" || role === "executor";
}

export type UserForm = {
  login: string;
  nameKk: string;
  nameRu: string;
  positionKk: string;
  positionRu: string;
  phone: string;
  roles: Role[];
  department: string;
  pin: string;
};

export function emptyUserForm(): UserForm {
  return {
    login: "",
    nameKk: "",
    nameRu: "",
    positionKk: "",
    positionRu: "",
    phone: "",
    roles: [],
    department: "",
    pin: "",
  };
}

/** The form as the backend takes it; the backend checks every field. */
export function userInput(form: UserForm): UserInput {
  const department = form.department.trim();
  return {
    login: form.login.trim(),
    name: { kk: form.nameKk, ru: form.nameRu },
    position: { kk: form.positionKk, ru: form.positionRu },
    phone: form.phone,
    roles: form.roles.map((role) =>
      needsDepartment(role) && department !== "" ? { role, department } : { role },
    ),
    pin: form.pin,
  };
}
