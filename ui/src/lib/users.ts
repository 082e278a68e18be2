// The administrator's user forms (new user, edit, PIN reset): their state and what they send.
import type { Role } from "./bindings/Role";
import type { User } from "./bindings/User";
import type { UserInput } from "./bindings/UserInput";
import type { UserUpdate } from "./bindings/UserUpdate";

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

/** The edit form, filled from a stored user (the login never changes; no PIN here).
 * One department field serves every role that needs one: the first such role's. */
export function formFromUser(user: User): UserForm {
  return {
    login: user.login,
    nameKk: user.name.kk,
    nameRu: user.name.ru,
    positionKk: user.position.kk,
    positionRu: user.position.ru,
    phone: user.phone,
    roles: user.roles.map((g) => g.role),
    department: user.roles.find((g) => g.department)?.department ?? "",
    pin: "",
  };
}

/** The edit form as the backend takes it; the backend checks every field. */
export function userUpdate(form: UserForm): UserUpdate {
  const { name, position, phone, roles } = userInput(form);
  return { name, position, phone, roles };
}

/** A new PIN typed twice: the locale key of the problem, or null when both match
 * (the backend still checks the PIN itself). */
export function pinRepeatProblem(pin: string, repeat: string): string | null {
  if (repeat.trim() === "") return "errors.required";
  return pin.trim() === repeat.trim() ? null : "users_admin.pin_mismatch";
}

/** The user's roles as one line, e.g. "Исполнитель (Жер бөлімі), Администратор". */
export function rolesText(user: User, t: (key: string) => string): string {
  return user.roles
    .map((g) => t(`users_admin.role.${g.role}`) + (g.department ? ` (${g.department})` : ""))
    .join(", ");
}
