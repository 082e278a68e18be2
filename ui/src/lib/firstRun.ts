import type { FirstRun } from "./bindings/FirstRun";

/** What the first-run form holds: the administrator and the PIN typed twice. */
export interface FirstRunForm {
  login: string;
  nameKk: string;
  nameRu: string;
  pin: string;
  pinAgain: string;
}

/** The form's own check before it goes to the core (which checks the rest:
 * login shape, names, the PIN policy): the PIN typed twice the same. */
export function pinMismatch(form: FirstRunForm): boolean {
  return form.pin !== form.pinAgain;
}

/** The request for the `first_run` command. */
export function firstRunRequest(form: FirstRunForm): FirstRun {
  return {
    admin_login: form.login.trim(),
    admin_name: { kk: form.nameKk.trim(), ru: form.nameRu.trim() },
    pin: form.pin,
  };
}
