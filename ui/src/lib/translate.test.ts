import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import kk from "../../../locales/kk.yml";
import ru from "../../../locales/ru.yml";
import { keysOf, translate } from "./translate";

describe("translate", () => {
  it("finds dotted keys and fills parameters", () => {
    expect(translate(kk, "form.registered", { number: "2026-00001" })).toBe(
      "Өтініш 2026-00001 нөмірімен тіркелді.",
    );
    expect(translate(ru, "errors.iin_checksum")).toContain("ИИН");
  });

  it("shows a missing key as itself", () => {
    expect(translate(kk, "no.such.key")).toBe("no.such.key");
    expect(translate(kk, "form")).toBe("form");
  });
});

describe("locales", () => {
  it("Kazakh and Russian have the same keys", () => {
    expect(keysOf(kk).sort()).toEqual(keysOf(ru).sort());
  });

  it("no text is empty", () => {
    for (const dict of [kk, ru]) {
      for (const key of keysOf(dict)) expect(translate(dict, key).trim(), key).not.toBe("");
    }
  });

  it("every key the interface uses exists in both languages", () => {
    const dir = join(import.meta.dirname, "..");
    const files: string[] = [];
    const walk = (d: string) => {
      for (const entry of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.(svelte|ts)$/.test(entry.name) && !entry.name.endsWith(".test.ts")) files.push(p);
      }
    };
    walk(dir);
    const used = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, "utf8").matchAll(/\bt\(\s*"([a-z_]+\.[a-z_.]+)"/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(20);
    const known = new Set(keysOf(kk));
    const missing = [...used].filter((k) => !known.has(k));
    expect(missing).toEqual([]);
  });
});
