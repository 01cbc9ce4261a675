// Dates and numbers in the user's language.

import type { Lang } from "./backend";
import { INTL_LOCALE } from "../i18n/locales";

type Style = "date" | "short" | "datetime" | "time" | "long";

const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  date: { year: "numeric", month: "short", day: "numeric" },
  short: { year: "numeric", month: "2-digit", day: "2-digit" },
  datetime: { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" },
  time: { hour: "2-digit", minute: "2-digit" },
  long: { year: "numeric", month: "long", day: "numeric", weekday: "long" },
};

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, style: Style): Intl.DateTimeFormat {
  const key = `${lang}|${style}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[lang], STYLES[style]);
    cache.set(key, f);
  }
  return f;
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A compact date for list columns (`2025/11/23`, `11/23/2025`); the time when it is today. */
export function formatListDate(iso: string | null | undefined, lang: Lang, now = new Date()): string {
  const d = parse(iso);
  if (!d) return "";
  const sameDay =
    d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
  return formatter(lang, sameDay ? "time" : "short").format(d);
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  const d = parse(iso);
  return d ? formatter(lang, "datetime").format(d) : "";
}

/** A calendar date `YYYY-MM-DD` (custom date fields) without shifting it by time zone. */
export function formatPlainDate(ymd: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return formatter(lang, "date").format(d);
}

export function formatToday(lang: Lang, now = new Date()): string {
  return formatter(lang, "long").format(now);
}

export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(INTL_LOCALE[lang]).format(n);
}
