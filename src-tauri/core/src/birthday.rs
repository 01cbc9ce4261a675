//! Birthdays: solar or lunar (农历), with or without a year, with the leap-month flag.
//!
//! The wire form follows the CLI contract: `{"date": "1985-09-29" | "--09-29",
//! "calendar": "solar" | "lunar", "leapMonth": bool}`. For a lunar birthday the month and
//! day in `date` are lunar. Not here: when a birthday falls due (that is reminders).

use chinese_lunisolar_calendar::LunisolarDate;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Invalid, Result};

/// Which calendar a birthday's month and day belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    Solar,
    Lunar,
}

impl Calendar {
    pub fn as_str(self) -> &'static str {
        match self {
            Calendar::Solar => "solar",
            Calendar::Lunar => "lunar",
        }
    }
}

/// A birthday as the user entered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Birthday {
    /// `YYYY-MM-DD`, or `--MM-DD` when the year is unknown.
    pub date: String,
    /// Solar (Gregorian) or lunar month/day.
    pub calendar: Calendar,
    /// Lunar only: born in the leap month of that number (闰月).
    #[serde(default)]
    pub leap_month: bool,
}

/// A birthday's parts after validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BirthdayParts {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl Birthday {
    /// Checks that the date exists in its calendar and returns its parts. Errors name the
    /// `birthday` field.
    pub fn validate(&self) -> Result<BirthdayParts> {
        let raw = self.date.trim();
        let bad = || {
            let value = raw.to_string();
            match self.calendar {
                Calendar::Solar => Error::invalid("birthday", Invalid::BadDate(value)),
                Calendar::Lunar => Error::invalid("birthday", Invalid::BadLunarDate(value)),
            }
        };
        let (year, rest) = if let Some(md) = raw.strip_prefix("--") {
            (None, md)
        } else {
            let (y, md) = raw.split_once('-').ok_or_else(bad)?;
            if y.len() != 4 {
                return Err(bad());
            }
            (Some(y.parse::<i32>().map_err(|_| bad())?), md)
        };
        let (m, d) = rest.split_once('-').ok_or_else(bad)?;
        if m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let month: u32 = m.parse().map_err(|_| bad())?;
        let day: u32 = d.parse().map_err(|_| bad())?;
        if self.leap_month && self.calendar == Calendar::Solar {
            return Err(Error::invalid(
                "birthday",
                Invalid::Malformed {
                    value: raw.to_string(),
                    expected: "leap month only for lunar",
                },
            ));
        }
        match self.calendar {
            Calendar::Solar => {
                // Without a year, 29 February is a real birthday; check against a leap year.
                let y = year.unwrap_or(2000);
                if NaiveDate::from_ymd_opt(y, month, day).is_none() {
                    return Err(bad());
                }
                if let Some(y) = year {
                    if !(1800..=2200).contains(&y) {
                        return Err(bad());
                    }
                }
            }
            Calendar::Lunar => {
                if !(1..=12).contains(&month) || !(1..=30).contains(&day) {
                    return Err(bad());
                }
                if let Some(y) = year {
                    let y16 = u16::try_from(y).map_err(|_| bad())?;
                    LunisolarDate::from_ymd(y16, month as u8, self.leap_month, day as u8)
                        .map_err(|_| bad())?;
                }
            }
        }
        Ok(BirthdayParts { year, month, day })
    }

    /// For a lunar birthday with a year, the solar date of birth (e.g. for age); else `None`.
    pub fn solar_date_of_birth(&self) -> Option<NaiveDate> {
        let p = self.validate().ok()?;
        match self.calendar {
            Calendar::Solar => NaiveDate::from_ymd_opt(p.year?, p.month, p.day),
            Calendar::Lunar => {
                let y = u16::try_from(p.year?).ok()?;
                LunisolarDate::from_ymd(y, p.month as u8, self.leap_month, p.day as u8)
                    .ok()
                    .map(|d| d.to_naive_date())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(date: &str, calendar: Calendar, leap: bool) -> Birthday {
        Birthday { date: date.into(), calendar, leap_month: leap }
    }

    #[test]
    fn solar_dates_must_exist() {
        assert!(b("1985-09-29", Calendar::Solar, false).validate().is_ok());
        assert!(b("--02-29", Calendar::Solar, false).validate().is_ok(), "yearless 29 Feb is fine");
        assert!(
            b("1990-02-29", Calendar::Solar, false).validate().is_err(),
            "1990 is no leap year"
        );
        assert!(b("1990-02-30", Calendar::Solar, false).validate().is_err());
        assert!(b("1990-13-01", Calendar::Solar, false).validate().is_err());
        assert!(b("90-01-01", Calendar::Solar, false).validate().is_err());
        assert!(b("1990/01/01", Calendar::Solar, false).validate().is_err());
        assert!(b("--09-29", Calendar::Solar, true).validate().is_err(), "no leap months in solar");
    }

    #[test]
    fn lunar_dates_check_leap_months_and_month_length() {
        // 2023 has a leap second month (闰二月); 2024 has no leap month.
        assert!(b("2023-02-10", Calendar::Lunar, true).validate().is_ok());
        assert!(b("2024-02-10", Calendar::Lunar, true).validate().is_err());
        // Without a year anything up to the 30th of months 1–12 may be a real birthday.
        assert!(b("--08-30", Calendar::Lunar, false).validate().is_ok());
        assert!(b("--13-01", Calendar::Lunar, false).validate().is_err());
        assert!(b("--01-31", Calendar::Lunar, false).validate().is_err());
    }

    #[test]
    fn lunar_birthday_gives_real_solar_date() {
        // 2027 lunar new year (正月初一) is 2027-02-06.
        let d = b("2027-01-01", Calendar::Lunar, false).solar_date_of_birth();
        assert_eq!(d, NaiveDate::from_ymd_opt(2027, 2, 6));
    }
}
