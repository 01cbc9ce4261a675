// How a birthday reads on screen, per language: solar or lunar (农历 八月十五), with the
// leap-month mark (闰) and without a year when it is unknown. Only display: whether a
// birthday is valid, and when it falls due, is the backend's business.

import type { Birthday, Lang } from "./backend";
import { messages } from "../i18n/locales";

export interface BirthdayParts {
  year: number | null;
  month: number;
  day: number;
}

/** Splits `YYYY-MM-DD` or `--MM-DD`; null when the text is neither. */
export function parseBirthdayDate(date: string): BirthdayParts | null {
  const m = /^(?:(\d{4})|-)-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!m) return null;
  return { year: m[1] ? Number(m[1]) : null, month: Number(m[2]), day: Number(m[3]) };
}

/** The wire form of month/day with an optional year. */
export function birthdayDate(parts: BirthdayParts): string {
  const mm = String(parts.month).padStart(2, "0");
  const dd = String(parts.day).padStart(2, "0");
  return parts.year == null ? `--${mm}-${dd}` : `${String(parts.year).padStart(4, "0")}-${mm}-${dd}`;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** The birthday as a person reads it in `lang`; the raw text if it cannot be parsed. */
export function formatBirthday(b: Birthday, lang: Lang): string {
  const parts = parseBirthdayDate(b.date);
  if (!parts) return b.date;
  const t = messages[lang].birthday;
  const { year, month, day } = parts;
  if (b.calendar === "lunar") {
    const values = {
      y: year ?? "",
      m: month,
      d: day,
      lm: t.lunarMonths[month - 1] ?? String(month),
      ld: t.lunarDays[day - 1] ?? String(day),
      leap: b.leapMonth ? t.leap : "",
    };
    return fill(year == null ? t.lunarNoYear : t.lunarFull, values);
  }
  const values = { y: year ?? "", m: month, d: day, mon: t.months[month - 1] ?? String(month) };
  return fill(year == null ? t.solarNoYear : t.solarFull, values);
}
