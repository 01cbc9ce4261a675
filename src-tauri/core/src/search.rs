//! One search box over the whole book: Chinese substrings of any length (simplified or
//! traditional), pinyin in full or initials, phone digits in any format, e-mail, company,
//! title, salutation and tags.
//!
//! Each contact has one `contact_search` row of folded text (see `text::fold`) with its
//! pinyin spellings, written with the contact (pinyin is the costly part, done once).
//! Queries run against an in-memory copy, [`SearchIndex`]: SQLite cannot find 1–2 character
//! substrings (`王`, `zs`) in 100k rows within a frame, a memchr scan of ~15 MB can. The
//! copy catches up through `search_log`, which triggers fill on every change — also
//! changes made by another process such as the CLI.
//! Not here: free-text notes are not searched (they would swamp short queries).

use std::collections::{HashMap, HashSet};

use memchr::memmem::Finder;
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::contacts::{row_from, with_groups, ContactInput, ContactRow, ROW_COLUMNS};
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

/// Matching contacts, best first: the exact name, then names whose common pinyin starts
/// with the query, then rarer readings that do, then names containing it, then hits in
/// other fields; ties by name.
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

/// The searchable text of a contact: (name lines, every line).
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

/// One live contact's searchable text, in memory.
struct Entry {
    id: ContactId,
    name_key: Box<str>,
    /// The folded name, then `\n`, then its pinyin spellings one per line.
    name_text: Box<str>,
    /// Every other searchable line.
    rest: Box<str>,
}

/// An in-memory copy of the live contacts' search rows, sorted by name. Keep one per
/// connection for the life of the program (the desktop app does); a one-off lookup can use
/// [`search`], which loads a fresh copy.
#[derive(Default)]
pub struct SearchIndex {
    /// The last `search_log.seq` applied; `None` until the first load.
    seq: Option<i64>,
    entries: Vec<Entry>,
}

fn load_entries(conn: &Connection, ids: Option<&[ContactId]>) -> Result<Vec<Entry>> {
    let base = "SELECT s.contact_id, c.name_key, s.name_text, s.haystack
                FROM contact_search s JOIN contacts c ON c.id = s.contact_id
                WHERE c.deleted_at IS NULL";
    let sql = match ids {
        // Ids are integers from our own log, not user text.
        Some(ids) => format!(
            "{base} AND s.contact_id IN ({})",
            ids.iter().map(|i| i.0.to_string()).collect::<Vec<_>>().join(",")
        ),
        None => format!("{base} ORDER BY c.name_key, c.id"),
    };
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| {
        let name_text: String = r.get(2)?;
        let hay: String = r.get(3)?;
        let rest = hay.get(name_text.len()..).unwrap_or_default().to_string();
        Ok(Entry {
            id: r.get(0)?,
            name_key: r.get::<_, String>(1)?.into_boxed_str(),
            name_text: name_text.into_boxed_str(),
            rest: rest.into_boxed_str(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl SearchIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of live contacts in the copy.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Brings the copy up to date with the file: nothing if nothing changed, the changed
    /// contacts if the log still holds them, else a full reload.
    pub fn refresh(&mut self, conn: &Connection) -> Result<()> {
        let newest: i64 = conn
            .query_row("SELECT seq FROM sqlite_sequence WHERE name = 'search_log'", [], |r| {
                r.get(0)
            })
            .optional()?
            .unwrap_or(0);
        let Some(seen) = self.seq else {
            self.entries = load_entries(conn, None)?;
            self.seq = Some(newest);
            return Ok(());
        };
        if newest == seen {
            return Ok(());
        }
        let oldest: Option<i64> =
            conn.query_row("SELECT MIN(seq) FROM search_log", [], |r| r.get(0))?;
        let changed: Vec<ContactId> = if oldest.is_some_and(|o| o <= seen + 1) {
            conn.prepare_cached(
                "SELECT DISTINCT contact_id FROM search_log WHERE seq > ?1 AND seq <= ?2",
            )?
            .query_map([seen, newest], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
        } else {
            Vec::new()
        };
        if changed.is_empty() || changed.len() > 5_000 {
            // The log was pruned past us, or so much changed that a reload is cheaper.
            self.entries = load_entries(conn, None)?;
        } else {
            let set: HashSet<ContactId> = changed.iter().copied().collect();
            self.entries.retain(|e| !set.contains(&e.id));
            self.entries.extend(load_entries(conn, Some(&changed))?);
            self.entries.sort_by(|a, b| a.name_key.cmp(&b.name_key).then(a.id.cmp(&b.id)));
        }
        self.seq = Some(newest);
        Ok(())
    }

    /// Runs a search. An empty query returns nothing (the list view shows the whole book).
    pub fn search(&mut self, conn: &Connection, q: &SearchQuery) -> Result<SearchResult> {
        let needles = needles(&q.text);
        if needles.is_empty() {
            return Ok(SearchResult { total: 0, rows: Vec::new() });
        }
        self.refresh(conn)?;
        let members: Option<HashSet<ContactId>> = match q.group {
            Some(g) => Some(
                conn.prepare_cached("SELECT contact_id FROM contact_groups WHERE group_id = ?1")?
                    .query_map([g], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?,
            ),
            None => None,
        };
        let exact = needles[0].as_str();
        let finders: Vec<Finder> = needles.iter().map(|n| Finder::new(n.as_bytes())).collect();
        let line_starts: Vec<Finder> =
            needles.iter().map(|n| Finder::new(format!("\n{n}").as_bytes()).into_owned()).collect();
        // Buckets by rank; entries are in name order, so each bucket is too.
        let mut buckets: [Vec<ContactId>; 5] = Default::default();
        for e in &self.entries {
            if members.as_ref().is_some_and(|m| !m.contains(&e.id)) {
                continue;
            }
            let name = e.name_text.as_bytes();
            // Most entries match nothing: rule them out with one scan per needle first.
            if !finders.iter().any(|f| f.find(name).is_some()) {
                if finders.iter().any(|f| f.find(e.rest.as_bytes()).is_some()) {
                    buckets[4].push(e.id);
                }
                continue;
            }
            // Lines 0–2: the name, its common full spelling and initials; later lines are
            // rarer readings (丁 as zheng), which rank below the common ones.
            let primary_end = name
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .nth(2)
                .map_or(name.len(), |(i, _)| i);
            let prefix_before = |end: usize| {
                needles.iter().zip(&line_starts).any(|(n, f)| {
                    name.starts_with(n.as_bytes()) || f.find_iter(name).any(|i| i < end)
                })
            };
            let first_line = e.name_text.split('\n').next().unwrap_or_default();
            let rank = if first_line == exact {
                0
            } else if prefix_before(primary_end) {
                1
            } else if prefix_before(name.len()) {
                2
            } else {
                3
            };
            buckets[rank].push(e.id);
        }
        let total = buckets.iter().map(Vec::len).sum::<usize>() as u32;
        let limit = q.limit.unwrap_or(200).clamp(1, 1000) as usize;
        let ids: Vec<ContactId> = buckets.into_iter().flatten().take(limit).collect();
        Ok(SearchResult { total, rows: rows_by_id(conn, &ids)? })
    }
}

/// The list rows of `ids`, in that order.
fn rows_by_id(conn: &Connection, ids: &[ContactId]) -> Result<Vec<ContactRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {ROW_COLUMNS} FROM contacts c WHERE c.id IN ({})",
        ids.iter().map(|i| i.0.to_string()).collect::<Vec<_>>().join(",")
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut by_id: HashMap<ContactId, ContactRow> = stmt
        .query_map([], row_from)?
        .map(|r| r.map(|row| (row.id, row)))
        .collect::<rusqlite::Result<_>>()?;
    let rows = ids.iter().filter_map(|i| by_id.remove(i)).collect();
    with_groups(conn, rows)
}

/// A one-off search with a freshly loaded index (the CLI). Long-lived callers keep a
/// [`SearchIndex`] instead.
pub fn search(conn: &Connection, q: &SearchQuery) -> Result<SearchResult> {
    SearchIndex::new().search(conn, q)
}

/// Drops log entries no index needs any more (an index that fell further behind reloads).
pub fn prune_log(conn: &Connection) -> Result<()> {
    conn.execute(
        "DELETE FROM search_log WHERE seq <= (SELECT MAX(seq) FROM search_log) - 10000",
        [],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contacts::{self, Labelled};
    use crate::groups;
    use crate::in_memory_db;

    fn add(
        conn: &mut Connection,
        name: &str,
        company: &str,
        phone: &str,
        email: &str,
    ) -> ContactId {
        let mut c =
            ContactInput { name: name.into(), company: company.into(), ..Default::default() };
        if !phone.is_empty() {
            c.phones.push(Labelled { label: "mobile".into(), value: phone.into() });
        }
        if !email.is_empty() {
            c.emails.push(Labelled { label: "work".into(), value: email.into() });
        }
        contacts::add(conn, &c).unwrap().id
    }

    fn names(conn: &Connection, q: &str) -> Vec<String> {
        search(conn, &SearchQuery { text: q.into(), ..Default::default() })
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.name)
            .collect()
    }

    fn book() -> Connection {
        let mut conn = in_memory_db();
        add(&mut conn, "张三", "上海融源印务有限公司", "+86 139-1234-5678", "zhangsan@163.com");
        add(&mut conn, "李明", "北京华信贸易有限公司", "021-6543 2100", "");
        add(&mut conn, "王伟", "深圳恒通科技股份有限公司", "13800001111", "wang.wei@qq.com");
        add(&mut conn, "曾国藩", "湘军", "", "");
        add(&mut conn, "单田芳", "评书社", "", "");
        add(&mut conn, "區家麟", "香港恒昌貿易有限公司", "+852 9123 4567", "");
        add(&mut conn, "John Smith", "Pacific Trading Ltd", "+1 415 555 0100", "john@pacific.com");
        add(&mut conn, "王小明", "", "", "");
        conn
    }

    #[test]
    fn one_character_chinese_finds_every_holder() {
        let conn = book();
        let mut got = names(&conn, "王");
        got.sort();
        assert_eq!(got, vec!["王伟", "王小明"]);
        assert_eq!(names(&conn, "明"), vec!["李明", "王小明"], "name hits sort by pinyin");
    }

    #[test]
    fn two_and_longer_chinese_substrings_match_names_and_companies() {
        let conn = book();
        assert_eq!(names(&conn, "李明"), vec!["李明"]);
        assert_eq!(names(&conn, "融源"), vec!["张三"], "two characters use the scan path");
        assert_eq!(names(&conn, "融源印务"), vec!["张三"], "four characters use the trigram index");
    }

    #[test]
    fn traditional_and_simplified_input_find_each_other() {
        let conn = book();
        assert_eq!(names(&conn, "張三"), vec!["张三"], "traditional query, simplified name");
        assert_eq!(names(&conn, "区家麟"), vec!["區家麟"], "simplified query, traditional name");
        assert_eq!(names(&conn, "融源印務"), vec!["张三"]);
        assert_eq!(names(&conn, "恒昌贸易"), vec!["區家麟"]);
    }

    #[test]
    fn pinyin_full_and_initials_match() {
        let conn = book();
        assert_eq!(names(&conn, "zs"), vec!["张三"]);
        assert_eq!(names(&conn, "zhangsan"), vec!["张三"]);
        assert_eq!(names(&conn, "ZhangSan"), vec!["张三"], "case does not matter");
        assert_eq!(names(&conn, "zhang san"), vec!["张三"], "spaces between syllables");
        assert_eq!(names(&conn, "zgf"), vec!["曾国藩"], "曾 as a surname reads zeng");
        assert_eq!(names(&conn, "zengguofan"), vec!["曾国藩"]);
        assert_eq!(names(&conn, "shantianfang"), vec!["单田芳"], "单 as a surname reads shan");
        assert_eq!(names(&conn, "oujialin"), vec!["區家麟"], "區 as a surname reads ou");
        assert!(names(&conn, "wxm").contains(&"王小明".to_string()));
    }

    #[test]
    fn phone_digits_match_in_any_format() {
        let conn = book();
        assert_eq!(names(&conn, "5678"), vec!["张三"]);
        assert_eq!(names(&conn, "139 1234"), vec!["张三"]);
        assert_eq!(names(&conn, "139-1234-5678"), vec!["张三"]);
        assert_eq!(names(&conn, "+86 13912345678"), vec!["张三"]);
        assert_eq!(names(&conn, "65432100"), vec!["李明"], "landline with area code dash");
        assert_eq!(names(&conn, "852 9123"), vec!["區家麟"]);
    }

    #[test]
    fn email_company_and_latin_names_match() {
        let conn = book();
        assert_eq!(names(&conn, "zhangsan@163"), vec!["张三"]);
        assert_eq!(names(&conn, "pacific"), vec!["John Smith"]);
        assert_eq!(names(&conn, "john sm"), vec!["John Smith"]);
        assert_eq!(names(&conn, "恒通"), vec!["王伟"]);
    }

    #[test]
    fn name_hits_rank_before_other_fields() {
        let mut conn = book();
        add(&mut conn, "陈静", "张三餐饮有限公司", "", "");
        assert_eq!(names(&conn, "张三"), vec!["张三", "陈静"]);
        add(&mut conn, "白泽顺", "", "", "");
        assert_eq!(names(&conn, "zs"), vec!["张三", "白泽顺", "陈静"], "initials prefix first");
        // 丁 can read zheng, but as a name it is ding: 丁思 (dingsi, alt. zhengsi) comes after
        // a name whose common spelling starts with zs.
        add(&mut conn, "丁思", "", "", "");
        add(&mut conn, "赵珊", "", "", "");
        assert_eq!(names(&conn, "zs"), vec!["张三", "赵珊", "丁思", "白泽顺", "陈静"]);
    }

    #[test]
    fn nothing_odd_breaks_a_query() {
        let conn = book();
        for q in [
            "",
            "   ",
            "\"",
            "\"\"",
            "*",
            "a\"b",
            "OR",
            "NEAR(",
            "%",
            "_",
            "😀",
            "'; DROP TABLE contacts; --",
        ] {
            let r = search(&conn, &SearchQuery { text: q.into(), ..Default::default() });
            assert!(r.is_ok(), "query {q:?} failed: {:?}", r.err());
        }
        assert!(names(&conn, "").is_empty());
        assert_eq!(names(&conn, "zz不存在zz"), Vec::<String>::new());
    }

    #[test]
    fn trashed_contacts_leave_search_and_return_on_restore() {
        let mut conn = book();
        let id = search(&conn, &SearchQuery { text: "张三".into(), ..Default::default() })
            .unwrap()
            .rows[0]
            .id;
        contacts::trash(&mut conn, &[id]).unwrap();
        assert!(names(&conn, "张三").is_empty());
        contacts::restore(&mut conn, &[id]).unwrap();
        assert_eq!(names(&conn, "张三"), vec!["张三"]);
    }

    #[test]
    fn edits_reindex_and_group_filter_narrows() {
        let mut conn = book();
        let id = search(&conn, &SearchQuery { text: "李明".into(), ..Default::default() })
            .unwrap()
            .rows[0]
            .id;
        let mut input = contacts::get(&conn, id).unwrap().to_input();
        input.name = "李建国".into();
        contacts::update(&mut conn, id, &input).unwrap();
        assert!(names(&conn, "李明").is_empty(), "old name is gone from the index");
        assert_eq!(names(&conn, "ljg"), vec!["李建国"]);

        let g = groups::create(&conn, "重要客户", None).unwrap();
        groups::assign(&mut conn, g.id, &[id]).unwrap();
        let r = search(&conn, &SearchQuery { text: "李".into(), group: Some(g.id), limit: None })
            .unwrap();
        assert_eq!(r.rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), vec!["李建国"]);
        assert_eq!(r.rows[0].group_ids, vec![g.id]);
    }

    #[test]
    fn total_counts_beyond_the_limit() {
        let mut conn = in_memory_db();
        for i in 0..30 {
            add(&mut conn, &format!("王{i}"), "", "", "");
        }
        let r = search(&conn, &SearchQuery { text: "王".into(), group: None, limit: Some(10) })
            .unwrap();
        assert_eq!(r.total, 30);
        assert_eq!(r.rows.len(), 10);
    }

    #[test]
    fn a_kept_index_follows_edits_trash_purge_and_other_processes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.db");
        let mut conn = crate::db::open(&path).unwrap();
        let mut index = SearchIndex::new();
        let q = |t: &str| SearchQuery { text: t.into(), ..Default::default() };
        let found = |index: &mut SearchIndex, conn: &Connection, t: &str| -> Vec<String> {
            index.search(conn, &q(t)).unwrap().rows.into_iter().map(|r| r.name).collect()
        };
        let a = add(&mut conn, "张三", "", "", "");
        assert_eq!(found(&mut index, &conn, "zs"), vec!["张三"]);

        // Another process (the CLI) adds and edits through its own connection.
        let mut other = crate::db::open(&path).unwrap();
        let b = add(&mut other, "赵四", "", "", "");
        assert_eq!(found(&mut index, &conn, "zs"), vec!["张三", "赵四"]);
        let mut input = contacts::get(&other, b).unwrap().to_input();
        input.name = "钱五".into();
        contacts::update(&mut other, b, &input).unwrap();
        assert_eq!(found(&mut index, &conn, "zs"), vec!["张三"], "the old name left the index");
        assert_eq!(found(&mut index, &conn, "qw"), vec!["钱五"]);

        contacts::trash(&mut conn, &[a]).unwrap();
        assert!(found(&mut index, &conn, "zs").is_empty());
        contacts::restore(&mut other, &[a]).unwrap();
        assert_eq!(found(&mut index, &conn, "zs"), vec!["张三"]);
        contacts::trash(&mut conn, &[a]).unwrap();
        contacts::purge(&mut conn, &[a]).unwrap();
        assert!(found(&mut index, &conn, "zs").is_empty());
        assert_eq!(index.len(), 1);

        // With the log pruned past the index, it reloads everything and stays right.
        for i in 0..5 {
            add(&mut other, &format!("孙{i}"), "", "", "");
        }
        other.execute("DELETE FROM search_log", []).unwrap();
        assert_eq!(found(&mut index, &conn, "孙").len(), 5);
        assert_eq!(index.len(), 6);
        prune_log(&conn).unwrap();
    }
}
