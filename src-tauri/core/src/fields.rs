//! Custom fields the user defines for his industry (text, number, date, choice) and the
//! rule each kind puts on a value. Values themselves are written with their contact.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Invalid, Result};
use crate::ids::FieldId;

/// What a custom field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    Text,
    /// A decimal number (kept exactly as typed once validated).
    Number,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// One of a fixed list of choices.
    Choice,
}

impl FieldKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Number => "number",
            FieldKind::Date => "date",
            FieldKind::Choice => "choice",
        }
    }
    pub fn parse(s: &str) -> Option<FieldKind> {
        match s {
            "text" => Some(FieldKind::Text),
            "number" => Some(FieldKind::Number),
            "date" => Some(FieldKind::Date),
            "choice" => Some(FieldKind::Choice),
            _ => None,
        }
    }
}

/// A custom field definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FieldDef {
    pub id: FieldId,
    pub name: String,
    pub kind: FieldKind,
    /// The allowed values of a `choice` field; empty otherwise.
    pub choices: Vec<String>,
}

/// Every custom field, in display order.
pub fn list(conn: &Connection) -> Result<Vec<FieldDef>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, kind, choices FROM custom_fields ORDER BY position, id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, FieldId>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, name, kind, choices)| {
            Ok(FieldDef {
                id,
                name,
                kind: FieldKind::parse(&kind).unwrap_or(FieldKind::Text),
                choices: serde_json::from_str(&choices)?,
            })
        })
        .collect()
}

fn clean(name: &str, kind: FieldKind, choices: &[String]) -> Result<(String, Vec<String>)> {
    let name = name.trim().to_string();
    if name.is_empty() {
        return Err(Error::invalid("name", Invalid::Required));
    }
    let got = name.chars().count();
    if got > 100 {
        return Err(Error::invalid("name", Invalid::TooLong { max: 100, got }));
    }
    let mut out: Vec<String> = Vec::new();
    for c in choices.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        if !out.iter().any(|o| o == c) {
            out.push(c.to_string());
        }
    }
    if kind == FieldKind::Choice && out.is_empty() {
        return Err(Error::invalid("choices", Invalid::Required));
    }
    if kind != FieldKind::Choice {
        out.clear();
    }
    Ok((name, out))
}

fn map_unique(e: rusqlite::Error, name: &str) -> Error {
    match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            Error::FieldNameTaken(name.to_string())
        }
        _ => Error::Db(e),
    }
}

/// Defines a new custom field.
pub fn create(
    conn: &Connection,
    name: &str,
    kind: FieldKind,
    choices: &[String],
) -> Result<FieldDef> {
    let (name, choices) = clean(name, kind, choices)?;
    conn.execute(
        "INSERT INTO custom_fields (name, kind, choices, position)
         VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(position), 0) + 1 FROM custom_fields))",
        params![name, kind.as_str(), serde_json::to_string(&choices)?],
    )
    .map_err(|e| map_unique(e, &name))?;
    let id = FieldId(conn.last_insert_rowid());
    list(conn)?.into_iter().find(|f| f.id == id).ok_or_else(|| Error::not_found("field", id))
}

/// Renames a field or changes its choices. The kind is fixed once values exist.
pub fn update(conn: &Connection, id: FieldId, name: &str, choices: &[String]) -> Result<FieldDef> {
    let def = list(conn)?
        .into_iter()
        .find(|f| f.id == id)
        .ok_or_else(|| Error::not_found("field", id))?;
    let (name, choices) = clean(name, def.kind, choices)?;
    conn.execute(
        "UPDATE custom_fields SET name = ?2, choices = ?3 WHERE id = ?1",
        params![id, name, serde_json::to_string(&choices)?],
    )
    .map_err(|e| map_unique(e, &name))?;
    Ok(FieldDef { id, name, kind: def.kind, choices })
}

/// Deletes a field and every contact's value for it.
pub fn delete(conn: &Connection, id: FieldId) -> Result<()> {
    if conn.execute("DELETE FROM custom_fields WHERE id = ?1", [id])? == 0 {
        return Err(Error::not_found("field", id));
    }
    Ok(())
}

/// Checks that `value` (already trimmed, non-empty) fits the field's kind.
pub fn check_value(def: &FieldDef, value: &str) -> Result<()> {
    let bad = |reason| Err(Error::invalid(def.name.clone(), reason));
    match def.kind {
        FieldKind::Text => Ok(()),
        FieldKind::Number => match value.parse::<rust_decimal::Decimal>() {
            Ok(_) => Ok(()),
            Err(_) => bad(Invalid::BadNumber(value.to_string())),
        },
        FieldKind::Date => match chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d") {
            Ok(_) => Ok(()),
            Err(_) => bad(Invalid::BadDate(value.to_string())),
        },
        FieldKind::Choice => {
            if def.choices.iter().any(|c| c == value) {
                Ok(())
            } else {
                bad(Invalid::NotAChoice(value.to_string()))
            }
        }
    }
}
