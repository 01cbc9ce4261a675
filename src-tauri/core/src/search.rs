//! One search box over the whole book: Chinese substrings of any length (simplified or
//! traditional), pinyin in full or initials, phone digits in any format, e-mail, company,
//! title and tags.
//!
//! Each contact has one `contact_search` row of folded text (see `text::fold`) kept in step
//! by every contact write. Queries of three or more characters go through the FTS5 trigram
//! index; shorter ones (`王`, `李明`, `zs`) scan the compact haystack column, which the
//! benchmarks show stays within a frame at 100k contacts.
//! Not here: free-text notes are not searched (they would swamp short queries).

use rusqlite::{params_from_iter, types::Value, Connection, Transaction};
use serde::{Deserialize, Serialize};

use crate::contacts::{row_from, with_groups, ContactInput, ContactRow};
use crate::error::Result;
use crate::ids::{ContactId, GroupId};
use crate::text::{digits, fold, pinyin_spellings};

/// What the search box asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct SearchQuery {
    pub text: String,
    /// Only contacts in this group.
    pub group: Option<GroupId>,
    /// At most this many rows (default 200, at most 1000); `total` still counts all.
    pub limit: Option<u32>,
}

/// Matching contacts, best first: name hits (characters or pinyin) before other fields,
/// then by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SearchResult {
    pub total: u32,
    pub rows: Vec<ContactRow>,
}

/// Lines in the haystack are separated by `\n`, which a query never contains, so no match
/// spans two fields.
fn name_text(name: &str) -> String {
    let mut s = fold(name);
    for sp in pinyin_spellings(name, true) {
        s.push('\n');
        s.push_str(&sp);
    }
    s
}

/// The searchable text of a contact.
pub fn haystack(c: &ContactInput) -> (String, String) {
    let name = name_text(&c.name);
    let mut h = name.clone();
    let mut line = |s: &str| {
        if !s.trim().is_empty() {
            h.push('\n');
            h.push_str(s);
        }
    };
    line(&fold(&c.salutation));
    line(&fold(&c.company));
    for sp in pinyin_spellings(&c.company, false) {
        line(&sp);
    }
    line(&fold(&c.title));
    for p in &c.phones {
        line(&digits(&p.value));
    }
    for e in &c.emails {
        line(&fold(&e.value));
    }
    for t in &c.tags {
        line(&fold(t));
    }
    (name, h)
}

/// Writes the contact's search row (insert or replace) inside the caller's transaction.
pub(crate) fn index_contact(tx: &Transaction, id: ContactId, c: &ContactInput) -> Result<()> {
    let (name, hay) = haystack(c);
    tx.prepare_cached(
        "INSERT INTO contact_search (contact_id, name_text, haystack) VALUES (?1, ?2, ?3)
         ON CONFLICT (contact_id) DO UPDATE SET name_text = excluded.name_text,
                                                haystack = excluded.haystack",
    )?
    .execute(rusqlite::params![id, name, hay])?;
    Ok(())
}

/// The needles a query turns into: the folded text; without spaces (`zhang san`); and, when
/// it looks like a phone number, its digits (`139-1234` → `1391234`).
fn needles(query: &str) -> Vec<String> {
    let q = fold(query).split_whitespace().collect::<Vec<_>>().join(" ");
    if q.is_empty() {
        return Vec::new();
    }
    let mut out = vec![q.clone()];
    let joined: String = q.chars().filter(|c| !c.is_whitespace()).collect();
    if joined != q {
        out.push(joined);
    }
    let phone_like = q.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
    let d = digits(&q);
    if phone_like && d.len() >= 2 && !out.contains(&d) {
        out.push(d);
    }
    out
}

/// Runs a search. An empty query returns nothing (the list view shows the whole book).
pub fn search(conn: &Connection, q: &SearchQuery) -> Result<SearchResult> {
    let needles = needles(&q.text);
    if needles.is_empty() {
        return Ok(SearchResult { total: 0, rows: Vec::new() });
    }
    let mut params: Vec<Value> = Vec::new();
    let use_fts = needles.iter().all(|n| n.chars().count() >= 3);
    let matcher = if use_fts {
        let phrase = needles
            .iter()
            .map(|n| format!("\"{}\"", n.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(" OR ");
        params.push(Value::Text(phrase));
        "s.contact_id IN (SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?1)".to_string()
    } else {
        let mut ors = Vec::new();
        for n in &needles {
            params.push(Value::Text(n.clone()));
            ors.push(format!("instr(s.haystack, ?{}) > 0", params.len()));
        }
        format!("({})", ors.join(" OR "))
    };
    // Rank: exact name, then a hit in the name or its pinyin, then anything else.
    params.push(Value::Text(needles[0].clone()));
    let first = params.len();
    let mut name_hits = Vec::new();
    for n in &needles {
        params.push(Value::Text(n.clone()));
        name_hits.push(format!("instr(s.name_text, ?{}) > 0", params.len()));
    }
    let mut group_filter = String::new();
    if let Some(g) = q.group {
        params.push(Value::Integer(g.0));
        group_filter = format!(
            " AND EXISTS (SELECT 1 FROM contact_groups cg WHERE cg.group_id = ?{} AND cg.contact_id = c.id)",
            params.len()
        );
    }
    let limit = q.limit.unwrap_or(200).clamp(1, 1000);
    let sql = format!(
        "SELECT c.id, c.name, c.company, c.title, c.phones, c.emails, c.birthday,
                c.birthday_calendar, c.birthday_leap, c.status, c.updated_at, c.deleted_at,
                COUNT(*) OVER () AS total
         FROM contact_search s JOIN contacts c ON c.id = s.contact_id
         WHERE {matcher} AND c.deleted_at IS NULL{group_filter}
         ORDER BY CASE WHEN substr(s.name_text, 1, length(?{first}) + 1) = ?{first} || char(10)
                         OR s.name_text = ?{first} THEN 0
                       WHEN {} THEN 1 ELSE 2 END,
                  c.name_key, c.id
         LIMIT {limit}",
        name_hits.join(" OR ")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut total = 0u32;
    let rows = stmt
        .query_map(params_from_iter(params.iter()), |r| {
            total = r.get(12)?;
            row_from(r)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(SearchResult { total, rows: with_groups(conn, rows)? })
}

/// Rebuilds every contact's search row (after a change to how text is folded).
pub fn rebuild(conn: &mut Connection) -> Result<usize> {
    let ids: Vec<ContactId> = conn
        .prepare("SELECT id FROM contacts")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    crate::db::with_tx(conn, |tx| {
        for id in &ids {
            let input = crate::contacts::get(tx, *id)?.to_input();
            index_contact(tx, *id, &input)?;
        }
        Ok(ids.len())
    })
}
