export type Dictionary = Record<string, unknown>;

/** Looks up a dotted key (e.g. `errors.iin_checksum`); `%{name}` takes a parameter.
 *  A missing key shows itself, so a gap is visible instead of silently blank. */
export function translate(
  dict: Dictionary,
  key: string,
  params?: Record<string, string | number>,
): string {
  let node: unknown = dict;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return key;
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node !== "string") return key;
  return node.replace(/%\{(\w+)\}/g, (whole, name: string) =>
    params && name in params ? String(params[name]) : whole,
  );
}

/** Every dotted key that holds a text. */
export function keysOf(dict: Dictionary, prefix = ""): string[] {
  return Object.entries(dict).flatMap(([k, v]) =>
    v !== null && typeof v === "object"
      ? keysOf(v as Dictionary, `${prefix}${k}.`)
      : [`${prefix}${k}`],
  );
}
