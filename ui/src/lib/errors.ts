import type { ApiError } from "./bindings/ApiError";

type Translate = (key: string) => string;

/** The text for an error, chosen by its code; the backend's message is only a fallback,
 * and the text itself when it names who and when (`case_changed`: the backend fills those
 * in, in the window's language). */
export function errorText(t: Translate, code: string, fallback: string): string {
  const key = `errors.${code}`;
  const text = t(key);
  if (text === key) return fallback;
  return text.includes("%{") && fallback ? fallback : text;
}

/** Field path → text, for showing errors next to their inputs. */
export function fieldErrors(t: Translate, error: ApiError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of error.fields) {
    if (!(f.field in out)) out[f.field] = errorText(t, f.code, f.message);
  }
  return out;
}
