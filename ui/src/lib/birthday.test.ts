import { describe, expect, it } from "vitest";
import type { Birthday } from "./backend";
import { birthdayDate, formatBirthday, parseBirthdayDate } from "./birthday";

const solar = (date: string): Birthday => ({ date, calendar: "solar", leapMonth: false });
const lunar = (date: string, leapMonth = false): Birthday => ({ date, calendar: "lunar", leapMonth });

describe("formatBirthday", () => {
  it("writes solar birthdays with and without a year", () => {
    expect(formatBirthday(solar("1985-09-29"), "zh-Hans")).toBe("1985年9月29日");
    expect(formatBirthday(solar("--09-29"), "zh-Hans")).toBe("9月29日");
    expect(formatBirthday(solar("1985-09-29"), "zh-Hant")).toBe("1985年9月29日");
    expect(formatBirthday(solar("--02-29"), "zh-Hant")).toBe("2月29日");
    expect(formatBirthday(solar("1985-09-29"), "en")).toBe("Sep 29, 1985");
    expect(formatBirthday(solar("--09-29"), "en")).toBe("Sep 29");
  });

  it("writes lunar birthdays with lunar month and day names", () => {
    expect(formatBirthday(lunar("--08-15"), "zh-Hans")).toBe("农历 八月十五");
    expect(formatBirthday(lunar("--08-15"), "zh-Hant")).toBe("農曆 八月十五");
    expect(formatBirthday(lunar("--08-15"), "en")).toBe("Lunar 8/15");
    expect(formatBirthday(lunar("--01-01"), "zh-Hans")).toBe("农历 正月初一");
    expect(formatBirthday(lunar("--12-08"), "zh-Hant")).toBe("農曆 臘月初八");
    expect(formatBirthday(lunar("--11-21"), "zh-Hans")).toBe("农历 冬月廿一");
  });

  it("keeps the year of a lunar birthday when known", () => {
    expect(formatBirthday(lunar("1990-08-15"), "zh-Hans")).toBe("农历 1990年 八月十五");
    expect(formatBirthday(lunar("1990-08-15"), "zh-Hant")).toBe("農曆 1990年 八月十五");
    expect(formatBirthday(lunar("1990-08-15"), "en")).toBe("Lunar 8/15, 1990");
  });

  it("marks a leap month (闰月)", () => {
    expect(formatBirthday(lunar("2023-02-10", true), "zh-Hans")).toBe("农历 2023年 闰二月初十");
    expect(formatBirthday(lunar("--04-08", true), "zh-Hant")).toBe("農曆 閏四月初八");
    expect(formatBirthday(lunar("--04-08", true), "en")).toBe("Lunar leap 4/8");
  });

  it("shows a date it cannot read as it came", () => {
    expect(formatBirthday(solar("sometime"), "en")).toBe("sometime");
  });
});

describe("birthday date text", () => {
  it("round-trips with and without a year", () => {
    expect(parseBirthdayDate("1985-09-29")).toEqual({ year: 1985, month: 9, day: 29 });
    expect(parseBirthdayDate("--09-29")).toEqual({ year: null, month: 9, day: 29 });
    expect(birthdayDate({ year: 1985, month: 9, day: 5 })).toBe("1985-09-05");
    expect(birthdayDate({ year: null, month: 2, day: 29 })).toBe("--02-29");
    expect(parseBirthdayDate("85-9-29")).toBeNull();
  });
});
