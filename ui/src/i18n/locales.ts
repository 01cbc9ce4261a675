// Language facts shared by the UI and by pure helpers (kept free of Vue and naive-ui so
// formatting code and tests can import them cheaply).

import type { Lang } from "../lib/backend";
import zhHans, { type MessageSchema } from "./zh-Hans";
import zhHant from "./zh-Hant";
import en from "./en";

export type { MessageSchema };

export const LANGS: readonly Lang[] = ["zh-Hans", "zh-Hant", "en"];

/** Each language named in itself, as language pickers conventionally do. */
export const LANGUAGE_NAMES: Record<Lang, string> = {
  "zh-Hans": "简体中文",
  "zh-Hant": "繁體中文",
  en: "English",
};

export const messages: Record<Lang, MessageSchema> = {
  "zh-Hans": zhHans,
  "zh-Hant": zhHant,
  en,
};

/** BCP 47 tags for Intl date and number formatting. */
export const INTL_LOCALE: Record<Lang, string> = {
  "zh-Hans": "zh-CN",
  "zh-Hant": "zh-TW",
  en: "en-US",
};

const CJK_SC = `"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", "WenQuanYi Micro Hei"`;
const CJK_TC = `"Noto Sans CJK TC", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", "Source Han Sans TC", "WenQuanYi Micro Hei"`;

/**
 * Font stacks. A CJK face must come before `system-ui`: on Linux the system face has no
 * Han glyphs and the fallback picked for them is arbitrary (often Japanese forms).
 * English still lists the SC faces for the Chinese names in the book.
 */
export const FONT_STACK: Record<Lang, string> = {
  "zh-Hans": `${CJK_SC}, system-ui, sans-serif`,
  "zh-Hant": `${CJK_TC}, ${CJK_SC}, system-ui, sans-serif`,
  en: `-apple-system, "Segoe UI", "Noto Sans", "Helvetica Neue", Arial, ${CJK_SC}, system-ui, sans-serif`,
};

export function isLang(v: unknown): v is Lang {
  return typeof v === "string" && (LANGS as readonly string[]).includes(v);
}

/** A language for a browser locale tag (used only before the backend is reachable). */
export function langFromNavigator(tags: readonly string[]): Lang {
  for (const raw of tags) {
    const t = raw.toLowerCase();
    if (t.startsWith("zh")) {
      return /hant|-tw|-hk|-mo/.test(t) ? "zh-Hant" : "zh-Hans";
    }
    if (t.startsWith("en")) return "en";
  }
  return "en";
}

