//! Money: an exact decimal (`rust_decimal::Decimal`) from the database to the screen.
//! Stored as its canonical string in TEXT columns, sent as a string (`"1234.50"`).

use std::str::FromStr;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Invalid, Result};

/// An amount of money. Never a float.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct Money(#[cfg_attr(feature = "specta", specta(type = String))] pub Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Reads what a person typed: `1234.5`, `1,234.50`, `¥1234`, ` 12 `, kept exactly as
    /// typed (no rounding). Errors name `field`.
    pub fn parse(field: &str, raw: &str) -> Result<Money> {
        let cleaned: String =
            raw.trim().chars().filter(|c| !matches!(c, ',' | '，' | '¥' | '￥' | ' ')).collect();
        if cleaned.is_empty() {
            return Err(Error::invalid(field, Invalid::Required));
        }
        Decimal::from_str(&cleaned)
            .map(Money)
            .map_err(|_| Error::invalid(field, Invalid::BadNumber(raw.to_string())))
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl ToSql for Money {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.to_string()))
    }
}

impl FromSql for Money {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        let s = v.as_str()?;
        Decimal::from_str(s).map(Money).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}
