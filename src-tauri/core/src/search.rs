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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contacts::{self, Labelled};
    use crate::groups;
    use crate::in_memory_db;

    fn add(conn: &mut Connection, name: &str, company: &str, phone: &str, email: &str) -> ContactId {
        let mut c = ContactInput { name: name.into(), company: company.into(), ..Default::default() };
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
    }

    #[test]
    fn nothing_odd_breaks_a_query() {
        let conn = book();
        for q in ["", "   ", "\"", "\"\"", "*", "a\"b", "OR", "NEAR(", "%", "_", "😀", "'; DROP TABLE contacts; --"] {
            let r = search(&conn, &SearchQuery { text: q.into(), ..Default::default() });
            assert!(r.is_ok(), "query {q:?} failed: {:?}", r.err());
        }
        assert!(names(&conn, "").is_empty());
        assert_eq!(names(&conn, "zz不存在zz"), Vec::<String>::new());
    }

    #[test]
    fn trashed_contacts_leave_search_and_return_on_restore() {
        let mut conn = book();
        let id = search(&conn, &SearchQuery { text: "张三".into(), ..Default::default() }).unwrap().rows[0].id;
        contacts::trash(&mut conn, &[id]).unwrap();
        assert!(names(&conn, "张三").is_empty());
        contacts::restore(&mut conn, &[id]).unwrap();
        assert_eq!(names(&conn, "张三"), vec!["张三"]);
    }

    #[test]
    fn edits_reindex_and_group_filter_narrows() {
        let mut conn = book();
        let id = search(&conn, &SearchQuery { text: "李明".into(), ..Default::default() }).unwrap().rows[0].id;
        let mut input = contacts::get(&conn, id).unwrap().to_input();
        input.name = "李建国".into();
        contacts::update(&mut conn, id, &input).unwrap();
        assert!(names(&conn, "李明").is_empty(), "old name is gone from the index");
        assert_eq!(names(&conn, "ljg"), vec!["李建国"]);

        let g = groups::create(&conn, "重要客户", None).unwrap();
        groups::assign(&mut conn, g.id, &[id]).unwrap();
        let r = search(&conn, &SearchQuery { text: "李".into(), group: Some(g.id), limit: None }).unwrap();
        assert_eq!(r.rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), vec!["李建国"]);
        assert_eq!(r.rows[0].group_ids, vec![g.id]);
    }

    #[test]
    fn total_counts_beyond_the_limit() {
        let mut conn = in_memory_db();
        for i in 0..30 {
            add(&mut conn, &format!("王{i}"), "", "", "");
        }
        let r = search(&conn, &SearchQuery { text: "王".into(), group: None, limit: Some(10) }).unwrap();
        assert_eq!(r.total, 30);
        assert_eq!(r.rows.len(), 10);
    }
}
