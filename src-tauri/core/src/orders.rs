//! Orders: a client's sales with exact money, the raw material of the 80/20 ranking.
//! Not here: how orders turn into value and tiers (`ranking.rs`).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::db::now_utc;
use crate::error::{Error, Invalid, Result};
use crate::ids::{ContactId, OrderId};
use crate::money::Money;

/// Where an order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum OrderStatus {
    /// A sale: counts for value.
    #[default]
    Won,
    /// Pipeline: not yet a sale.
    Open,
    /// Kept for the cancellation rate; never counts for value.
    Cancelled,
}

impl OrderStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Won => "won",
            OrderStatus::Open => "open",
            OrderStatus::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Option<OrderStatus> {
        match s {
            "won" => Some(OrderStatus::Won),
            "open" => Some(OrderStatus::Open),
            "cancelled" => Some(OrderStatus::Cancelled),
            _ => None,
        }
    }
}

/// An order as a person enters it: money as typed text, checked on save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct OrderInput {
    pub contact_id: Option<ContactId>,
    /// `YYYY-MM-DD`
    pub date: String,
    pub amount: String,
    /// Gross profit; empty when not known.
    pub profit: String,
    pub status: OrderStatus,
    /// Product line (for "distinct product lines held").
    pub product: String,
    pub note: String,
}

/// A stored order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Order {
    pub id: OrderId,
    pub contact_id: ContactId,
    pub date: String,
    pub amount: Money,
    pub profit: Option<Money>,
    pub status: OrderStatus,
    pub product: String,
    pub note: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A checked order, ready to store.
struct Clean {
    contact_id: ContactId,
    date: NaiveDate,
    amount: Money,
    profit: Option<Money>,
    status: OrderStatus,
    product: String,
    note: String,
}

fn clean(conn: &Connection, o: &OrderInput) -> Result<Clean> {
    let contact_id = o.contact_id.ok_or_else(|| Error::invalid("contact", Invalid::Required))?;
    let live: Option<bool> = conn
        .query_row("SELECT deleted_at IS NULL FROM contacts WHERE id = ?1", [contact_id], |r| {
            r.get(0)
        })
        .optional()?;
    if live != Some(true) {
        return Err(Error::not_found("contact", contact_id));
    }
    let date = NaiveDate::parse_from_str(o.date.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid("date", Invalid::BadDate(o.date.clone())))?;
    let amount = Money::parse("amount", &o.amount)?;
    let profit =
        if o.profit.trim().is_empty() { None } else { Some(Money::parse("profit", &o.profit)?) };
    let product = o.product.trim().to_string();
    if product.chars().count() > 100 {
        return Err(Error::invalid(
            "product",
            Invalid::TooLong { max: 100, got: product.chars().count() },
        ));
    }
    if o.note.chars().count() > crate::contacts::MAX_NOTE {
        return Err(Error::invalid(
            "note",
            Invalid::TooLong { max: crate::contacts::MAX_NOTE, got: o.note.chars().count() },
        ));
    }
    Ok(Clean { contact_id, date, amount, profit, status: o.status, product, note: o.note.clone() })
}

const COLUMNS: &str =
    "id, contact_id, date, amount, profit, status, product, note, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Order> {
    Ok(Order {
        id: r.get(0)?,
        contact_id: r.get(1)?,
        date: r.get(2)?,
        amount: r.get(3)?,
        profit: r.get(4)?,
        status: OrderStatus::parse(&r.get::<_, String>(5)?).unwrap_or_default(),
        product: r.get(6)?,
        note: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

/// One order.
pub fn get(conn: &Connection, id: OrderId) -> Result<Order> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM orders WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("order", id))
}

/// Records an order.
pub fn add(conn: &Connection, o: &OrderInput) -> Result<Order> {
    let c = clean(conn, o)?;
    let now = now_utc();
    conn.execute(
        "INSERT INTO orders (contact_id, date, amount, profit, status, product, note, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![c.contact_id, c.date.to_string(), c.amount, c.profit, c.status.as_str(), c.product, c.note, now],
    )?;
    get(conn, OrderId(conn.last_insert_rowid()))
}

/// Changes an order (also to cancel it: status `cancelled`).
pub fn update(conn: &Connection, id: OrderId, o: &OrderInput) -> Result<Order> {
    let c = clean(conn, o)?;
    let n = conn.execute(
        "UPDATE orders SET contact_id = ?2, date = ?3, amount = ?4, profit = ?5, status = ?6,
             product = ?7, note = ?8, updated_at = ?9 WHERE id = ?1",
        params![
            id,
            c.contact_id,
            c.date.to_string(),
            c.amount,
            c.profit,
            c.status.as_str(),
            c.product,
            c.note,
            now_utc()
        ],
    )?;
    if n == 0 {
        return Err(Error::not_found("order", id));
    }
    get(conn, id)
}

/// Deletes an order.
pub fn delete(conn: &Connection, id: OrderId) -> Result<()> {
    if conn.execute("DELETE FROM orders WHERE id = ?1", [id])? == 0 {
        return Err(Error::not_found("order", id));
    }
    Ok(())
}

/// A client's orders, newest first.
pub fn for_contact(conn: &Connection, contact: ContactId) -> Result<Vec<Order>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM orders WHERE contact_id = ?1 ORDER BY date DESC, id DESC"
    ))?;
    let out = stmt.query_map([contact], from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(out)
}
