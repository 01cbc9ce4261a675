// The UI's languages: vue-i18n messages and the matching naive-ui locales. The language in
// force is the backend's (it translates error messages too), so switching goes through
// `settingsSetLanguage` as well as `applyLang`.

import { createI18n } from "vue-i18n";
import { dateEnUS, dateZhCN, dateZhTW, enUS, zhCN, zhTW, type NDateLocale, type NLocale } from "naive-ui";
import type { Lang } from "../lib/backend";
import { FONT_STACK, messages, type MessageSchema } from "./locales";

export * from "./locales";

declare module "vue-i18n" {
  // Makes t("a.b") keys type-checked against the schema.
  export interface DefineLocaleMessage extends MessageSchema {}
}

export const NAIVE_LOCALE: Record<Lang, { locale: NLocale; date: NDateLocale }> = {
  "zh-Hans": { locale: zhCN, date: dateZhCN },
  "zh-Hant": { locale: zhTW, date: dateZhTW },
  en: { locale: enUS, date: dateEnUS },
};

export const i18n = createI18n<[MessageSchema], Lang, false>({
  legacy: false,
  locale: "zh-Hans",
  fallbackLocale: "en",
  messages,
  missingWarn: false,
  fallbackWarn: false,
});

/** Switches the UI (messages, `<html lang>`, fonts) to `lang`. */
export function applyLang(lang: Lang): void {
  i18n.global.locale.value = lang;
  if (typeof document !== "undefined") {
    document.documentElement.lang = lang;
    document.documentElement.style.setProperty("--app-font", FONT_STACK[lang]);
  }
}
