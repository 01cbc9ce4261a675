import { describe, expect, it } from "vitest";
import { createI18n } from "vue-i18n";
import zhHans from "./zh-Hans";
import zhHant from "./zh-Hant";
import en from "./en";

type Tree = { [k: string]: Tree | string | string[] };

/** Every leaf path, with array lengths, so arrays must match in size too. */
function shape(tree: Tree, prefix = ""): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(v)) out.push(`${path}[${v.length}]`);
    else if (typeof v === "object") out.push(...shape(v, path));
    else out.push(path);
  }
  return out.sort();
}

function leaves(tree: Tree, prefix = ""): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.push([path, v]);
    else if (!Array.isArray(v)) out.push(...leaves(v, path));
  }
  return out;
}

const locales = { "zh-Hans": zhHans, "zh-Hant": zhHant, en } as const;

describe("locale files", () => {
  it("have identical key sets", () => {
    const reference = shape(zhHans as unknown as Tree);
    expect(shape(zhHant as unknown as Tree)).toEqual(reference);
    expect(shape(en as unknown as Tree)).toEqual(reference);
  });

  it("have no empty messages", () => {
    for (const [lang, messages] of Object.entries(locales)) {
      for (const [path, text] of leaves(messages as unknown as Tree)) {
        expect(text.trim(), `${lang} ${path}`).not.toBe("");
      }
    }
  });

  it("compile in vue-i18n and fill every placeholder", () => {
    const i18n = createI18n({ legacy: false, locale: "en", messages: locales, missingWarn: false, fallbackWarn: false });
    const t = i18n.global.t as (key: string, named: Record<string, unknown>, plural?: number) => string;
    const params = { n: 2, q: "q", text: "x", name: "n", group: "g", tag: "t", when: "w", message: "m", shown: 1, total: 2, live: 1, trashed: 0, mod: "Ctrl", y: 1, m: 1, d: 1, mon: "Jan", lm: "l", ld: "d", leap: "" };
    for (const lang of Object.keys(locales) as (keyof typeof locales)[]) {
      i18n.global.locale.value = lang;
      for (const [path] of leaves(locales[lang] as unknown as Tree)) {
        const out = t(path, params, 2);
        expect(out, `${lang} ${path}`).not.toMatch(/\{\w+\}/);
        expect(out, `${lang} ${path}`).not.toBe(path);
      }
    }
  });
});
