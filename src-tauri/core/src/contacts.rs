//! Contacts: the people in the book, their details, the trash, and the paged list.
//!
//! Writes keep the search index (`search.rs`) in step inside the same transaction.
//! Not here: group definitions (`groups.rs`), custom field definitions (`fields.rs`).

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use crate::birthday::{Birthday, Calendar};
use crate::db::{now_utc, with_tx};
use crate::error::{Error, Invalid, Result};
use crate::fields::{self, FieldKind};
use crate::ids::{ContactId, FieldId, GroupId};
use crate::{search, text};

/// Longest name, company, title or salutation accepted (characters).
pub const MAX_SHORT_TEXT: usize = 200;
/// Longest note accepted (characters). Longer input is refused, never cut.
pub const MAX_NOTE: usize = 100_000;
/// Longest tag, phone label etc. (characters).
pub const MAX_LABEL: usize = 50;

/// A value with a label, e.g. `{label: "mobile", value: "+86 139 1234 5678"}`. Preset labels
/// (`mobile`, `work`, `home`, `office`, `fax`, `other`) are translated by the UI; anything
/// else is shown as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Labelled {
    pub label: String,
    pub value: String,
}

/// Where a contact stands in the relationship. `at risk` is computed, not stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Prospect,
    #[default]
    Active,
    Lost,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Prospect => "prospect",
            Status::Active => "active",
            Status::Lost => "lost",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "prospect" => Some(Status::Prospect),
            "active" => Some(Status::Active),
            "lost" => Some(Status::Lost),
            _ => None,
        }
    }
}

/// A custom field's value as typed (numbers and dates are validated, stored as text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FieldValueInput {
    pub field_id: FieldId,
    pub value: String,
}

/// Everything a user edits about a contact: the add and edit forms send this whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct ContactInput {
    /// Full name as written (张三, 張三, John Smith). Required.
    pub name: String,
    /// How to address him in a greeting (称呼): 张总, 王姐, Dr Smith.
    pub salutation: String,
    pub company: String,
    /// Job title (职务).
    pub title: String,
    pub phones: Vec<Labelled>,
    pub emails: Vec<Labelled>,
    /// Postal addresses (office, home).
    pub addresses: Vec<Labelled>,
    pub birthday: Option<Birthday>,
    /// Free notes: needs, habits, preferences, family (需求、习惯、偏好).
    pub note: String,
    pub tags: Vec<String>,
    /// Groups the contact belongs to (replaces the current set on edit).
    pub group_ids: Vec<GroupId>,
    /// Custom field values; an empty value clears the field.
    pub fields: Vec<FieldValueInput>,
    pub status: Status,
}

/// A custom field value on a contact, with its definition's name and kind for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FieldValue {
    pub field_id: FieldId,
    pub name: String,
    pub kind: FieldKind,
    pub value: String,
}

/// A contact with every detail, as `contact show` and the detail pane see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub id: ContactId,
    pub name: String,
    pub salutation: String,
    pub company: String,
    pub title: String,
    /// Phone numbers as typed (CLI contract: an array of strings).
    pub phones: Vec<String>,
    /// The label of each entry of `phones`, same order and length.
    pub phone_labels: Vec<String>,
    pub emails: Vec<String>,
    /// The label of each entry of `emails`, same order and length.
    pub email_labels: Vec<String>,
    pub addresses: Vec<Labelled>,
    pub birthday: Option<Birthday>,
    pub note: String,
    pub tags: Vec<String>,
    /// Names of the groups the contact is in, sorted.
    pub groups: Vec<String>,
    /// Ids of the same groups, same order.
    pub group_ids: Vec<GroupId>,
    pub fields: Vec<FieldValue>,
    /// 80/20 tier (A/B/C) once the ranking exists; `null` until then.
    pub tier: Option<String>,
    pub status: Status,
    pub created_at: String,
    pub updated_at: String,
    /// When it was moved to the trash; `null` for live contacts.
    pub deleted_at: Option<String>,
}

impl Contact {
    /// The editable part, e.g. to pre-fill the edit form or apply a partial CLI edit.
    pub fn to_input(&self) -> ContactInput {
        let zip = |values: &[String], labels: &[String]| {
            values
                .iter()
                .zip(labels)
                .map(|(v, l)| Labelled { label: l.clone(), value: v.clone() })
                .collect()
        };
        ContactInput {
            name: self.name.clone(),
            salutation: self.salutation.clone(),
            company: self.company.clone(),
            title: self.title.clone(),
            phones: zip(&self.phones, &self.phone_labels),
            emails: zip(&self.emails, &self.email_labels),
            addresses: self.addresses.clone(),
            birthday: self.birthday.clone(),
            note: self.note.clone(),
            tags: self.tags.clone(),
            group_ids: self.group_ids.clone(),
            fields: self
                .fields
                .iter()
                .map(|f| FieldValueInput { field_id: f.field_id, value: f.value.clone() })
                .collect(),
            status: self.status,
        }
    }
}

/// One line of a contact list: just what the list shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ContactRow {
    pub id: ContactId,
    pub name: String,
    /// How to address him (称呼).
    pub salutation: String,
    pub company: String,
    pub title: String,
    /// First phone number, if any.
    pub phone: Option<String>,
    /// First e-mail, if any.
    pub email: Option<String>,
    pub birthday: Option<Birthday>,
    pub group_ids: Vec<GroupId>,
    pub tier: Option<String>,
    pub status: Status,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

/// Column a list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum SortBy {
    #[default]
    Name,
    Company,
    Created,
    Updated,
}

/// Which contacts a list shows, in what order, and which slice of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct ListQuery {
    pub group: Option<GroupId>,
    pub tag: Option<String>,
    /// Tier filter (A/B/C). No contact has a tier until the ranking exists.
    pub tier: Option<String>,
    pub status: Option<Status>,
    /// The trash instead of the live book.
    pub trashed: bool,
    pub sort: SortBy,
    pub descending: bool,
    pub offset: u32,
    pub limit: u32,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            group: None,
            tag: None,
            tier: None,
            status: None,
            trashed: false,
            sort: SortBy::Name,
            descending: false,
            offset: 0,
            limit: 100,
        }
    }
}

/// A slice of a list and the size of the whole list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ListPage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<ContactRow>,
}

fn check_len(field: &str, value: &str, max: usize) -> Result<()> {
    let got = value.chars().count();
    if got > max {
        return Err(Error::invalid(field, Invalid::TooLong { max, got }));
    }
    Ok(())
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(char::is_whitespace)
}

/// Trims, drops blank rows of the repeated fields, and checks every value. Returns the
/// cleaned input; nothing the user typed is shortened.
pub fn normalize(conn: &Connection, input: &ContactInput) -> Result<ContactInput> {
    let mut c = input.clone();
    c.name = c.name.trim().to_string();
    if c.name.is_empty() {
        return Err(Error::invalid("name", Invalid::Required));
    }
    for (field, value) in [
        ("name", &mut c.name),
        ("salutation", &mut c.salutation),
        ("company", &mut c.company),
        ("title", &mut c.title),
    ] {
        *value = value.trim().to_string();
        check_len(field, value, MAX_SHORT_TEXT)?;
    }
    check_len("note", &c.note, MAX_NOTE)?;

    let clean = |list: &mut Vec<Labelled>, field: &str, max: usize| -> Result<()> {
        list.retain(|l| !l.value.trim().is_empty());
        for l in list.iter_mut() {
            l.value = l.value.trim().to_string();
            l.label = l.label.trim().to_string();
            check_len(field, &l.value, max)?;
            check_len(field, &l.label, MAX_LABEL)?;
        }
        Ok(())
    };
    clean(&mut c.phones, "phones", 50)?;
    clean(&mut c.emails, "emails", 254)?;
    clean(&mut c.addresses, "addresses", 1000)?;
    for p in &c.phones {
        if text::digits(&p.value).len() < 3 {
            return Err(Error::invalid("phones", Invalid::BadPhone(p.value.clone())));
        }
    }
    for e in &c.emails {
        if !is_email(&e.value) {
            return Err(Error::invalid("emails", Invalid::BadEmail(e.value.clone())));
        }
    }
    if let Some(b) = &mut c.birthday {
        b.date = b.date.trim().to_string();
        b.validate()?;
    }

    let mut tags: Vec<String> = Vec::new();
    for t in &c.tags {
        let t = t.trim().to_string();
        check_len("tags", &t, MAX_LABEL)?;
        if !t.is_empty() && !tags.contains(&t) {
            tags.push(t);
        }
    }
    c.tags = tags;
    c.group_ids.sort();
    c.group_ids.dedup();

    let defs = fields::list(conn)?;
    let mut values = Vec::new();
    for v in &c.fields {
        let def = defs
            .iter()
            .find(|d| d.id == v.field_id)
            .ok_or_else(|| Error::not_found("field", v.field_id))?;
        let value = v.value.trim().to_string();
        if value.is_empty() {
            continue;
        }
        check_len(&def.name, &value, 10_000)?;
        fields::check_value(def, &value)?;
        values.push(FieldValueInput { field_id: v.field_id, value });
    }
    c.fields = values;
    Ok(c)
}

/// Adds a contact; returns it as stored.
pub fn add(conn: &mut Connection, input: &ContactInput) -> Result<Contact> {
    let c = normalize(conn, input)?;
    let id = with_tx(conn, |tx| insert(tx, &c))?;
    get(conn, id)
}

/// Inserts an already-normalised contact inside `tx` (also used by the demo generator).
pub fn insert(tx: &Transaction, c: &ContactInput) -> Result<ContactId> {
    let mut values = column_values(c)?;
    values.push(Value::Text(now_utc()));
    tx.prepare_cached(
        "INSERT INTO contacts (name, salutation, company, title, phones, emails, addresses,
             birthday, birthday_calendar, birthday_leap, note, status, name_key, company_key,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
    )?
    .execute(params_from_iter(values))?;
    let id = ContactId(tx.last_insert_rowid());
    write_children(tx, id, c, false)?;
    Ok(id)
}

/// Replaces a contact's editable details with `input`.
pub fn update(conn: &mut Connection, id: ContactId, input: &ContactInput) -> Result<Contact> {
    let c = normalize(conn, input)?;
    with_tx(conn, |tx| write_update(tx, id, &c))?;
    get(conn, id)
}

/// Writes an already-normalised edit inside `tx`.
pub fn write_update(tx: &Transaction, id: ContactId, c: &ContactInput) -> Result<()> {
    let mut values = column_values(c)?;
    values.push(Value::Text(now_utc()));
    values.push(Value::Integer(id.0));
    let n = tx.execute(
        "UPDATE contacts SET name = ?1, salutation = ?2, company = ?3, title = ?4,
             phones = ?5, emails = ?6, addresses = ?7, birthday = ?8,
             birthday_calendar = ?9, birthday_leap = ?10, note = ?11, status = ?12,
             name_key = ?13, company_key = ?14, updated_at = ?15
         WHERE id = ?16",
        params_from_iter(values),
    )?;
    if n == 0 {
        return Err(Error::not_found("contact", id));
    }
    write_children(tx, id, c, true)
}

/// The stored columns of a contact, in the order `insert` and `write_update` name them:
/// name … status, then the two sort keys.
fn column_values(c: &ContactInput) -> Result<Vec<Value>> {
    let text = |s: &str| Value::Text(s.to_string());
    let (bday, cal, leap) = match &c.birthday {
        Some(b) => (text(&b.date), text(b.calendar.as_str()), b.leap_month),
        None => (Value::Null, Value::Null, false),
    };
    Ok(vec![
        text(&c.name),
        text(&c.salutation),
        text(&c.company),
        text(&c.title),
        Value::Text(serde_json::to_string(&c.phones)?),
        Value::Text(serde_json::to_string(&c.emails)?),
        Value::Text(serde_json::to_string(&c.addresses)?),
        bday,
        cal,
        Value::Integer(leap.into()),
        text(&c.note),
        text(c.status.as_str()),
        Value::Text(text::sort_key(&c.name)),
        Value::Text(text::sort_key(&c.company)),
    ])
}

fn write_children(tx: &Transaction, id: ContactId, c: &ContactInput, replace: bool) -> Result<()> {
    if replace {
        tx.execute("DELETE FROM contact_tags WHERE contact_id = ?1", [id])?;
        tx.execute("DELETE FROM contact_groups WHERE contact_id = ?1", [id])?;
        tx.execute("DELETE FROM contact_field_values WHERE contact_id = ?1", [id])?;
    }
    let mut tag =
        tx.prepare_cached("INSERT INTO contact_tags (contact_id, tag) VALUES (?1, ?2)")?;
    for t in &c.tags {
        tag.execute(params![id, t])?;
    }
    let mut grp = tx.prepare_cached(
        "INSERT INTO contact_groups (group_id, contact_id)
         SELECT id, ?2 FROM groups WHERE id = ?1",
    )?;
    for g in &c.group_ids {
        if grp.execute(params![g, id])? == 0 {
            return Err(Error::not_found("group", g));
        }
    }
    let mut fv = tx.prepare_cached(
        "INSERT INTO contact_field_values (contact_id, field_id, value) VALUES (?1, ?2, ?3)",
    )?;
    for f in &c.fields {
        fv.execute(params![id, f.field_id, f.value])?;
    }
    search::index_contact(tx, id, c)
}

const CONTACT_COLUMNS: &str = "c.id, c.name, c.salutation, c.company, c.title, c.phones, \
     c.emails, c.addresses, c.birthday, c.birthday_calendar, c.birthday_leap, c.note, c.status, \
     c.created_at, c.updated_at, c.deleted_at";

fn birthday_from(row: &Row, at: usize) -> rusqlite::Result<Option<Birthday>> {
    let date: Option<String> = row.get(at)?;
    let cal: Option<String> = row.get(at + 1)?;
    let leap: bool = row.get(at + 2)?;
    Ok(date.map(|date| Birthday {
        date,
        calendar: if cal.as_deref() == Some("lunar") { Calendar::Lunar } else { Calendar::Solar },
        leap_month: leap,
    }))
}

fn json_list(row: &Row, at: usize) -> rusqlite::Result<Vec<Labelled>> {
    let raw: String = row.get(at)?;
    serde_json::from_str(&raw).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(at, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// One contact with every detail, live or in the trash.
pub fn get(conn: &Connection, id: ContactId) -> Result<Contact> {
    let sql = format!("SELECT {CONTACT_COLUMNS} FROM contacts c WHERE c.id = ?1");
    let contact = conn
        .query_row(&sql, [id], |r| {
            let phones = json_list(r, 5)?;
            let emails = json_list(r, 6)?;
            Ok(Contact {
                id: r.get(0)?,
                name: r.get(1)?,
                salutation: r.get(2)?,
                company: r.get(3)?,
                title: r.get(4)?,
                phones: phones.iter().map(|p| p.value.clone()).collect(),
                phone_labels: phones.into_iter().map(|p| p.label).collect(),
                emails: emails.iter().map(|p| p.value.clone()).collect(),
                email_labels: emails.into_iter().map(|p| p.label).collect(),
                addresses: json_list(r, 7)?,
                birthday: birthday_from(r, 8)?,
                note: r.get(11)?,
                status: Status::parse(&r.get::<_, String>(12)?).unwrap_or_default(),
                created_at: r.get(13)?,
                updated_at: r.get(14)?,
                deleted_at: r.get(15)?,
                tags: Vec::new(),
                groups: Vec::new(),
                group_ids: Vec::new(),
                fields: Vec::new(),
                tier: None,
            })
        })
        .optional()?;
    let mut contact = contact.ok_or_else(|| Error::not_found("contact", id))?;

    let mut stmt =
        conn.prepare_cached("SELECT tag FROM contact_tags WHERE contact_id = ?1 ORDER BY tag")?;
    contact.tags = stmt.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT g.id, g.name FROM contact_groups cg JOIN groups g ON g.id = cg.group_id
         WHERE cg.contact_id = ?1 ORDER BY g.name",
    )?;
    for row in stmt.query_map([id], |r| Ok((r.get::<_, GroupId>(0)?, r.get::<_, String>(1)?)))? {
        let (gid, name) = row?;
        contact.group_ids.push(gid);
        contact.groups.push(name);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT f.id, f.name, f.kind, v.value FROM contact_field_values v
         JOIN custom_fields f ON f.id = v.field_id
         WHERE v.contact_id = ?1 ORDER BY f.position, f.id",
    )?;
    contact.fields = stmt
        .query_map([id], |r| {
            Ok(FieldValue {
                field_id: r.get(0)?,
                name: r.get(1)?,
                kind: FieldKind::parse(&r.get::<_, String>(2)?).unwrap_or(FieldKind::Text),
                value: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(contact)
}

/// Moves contacts to the trash. Returns how many were live and are now trashed.
pub fn trash(conn: &mut Connection, ids: &[ContactId]) -> Result<usize> {
    set_deleted(conn, ids, Some(now_utc()))
}

/// Brings contacts back from the trash. Returns how many were restored.
pub fn restore(conn: &mut Connection, ids: &[ContactId]) -> Result<usize> {
    set_deleted(conn, ids, None)
}

fn set_deleted(conn: &mut Connection, ids: &[ContactId], at: Option<String>) -> Result<usize> {
    with_tx(conn, |tx| {
        let sql = if at.is_some() {
            "UPDATE contacts SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL"
        } else {
            "UPDATE contacts SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NOT NULL"
        };
        let mut stmt = tx.prepare(sql)?;
        let mut n = 0;
        for id in ids {
            let exists: bool =
                tx.query_row("SELECT EXISTS (SELECT 1 FROM contacts WHERE id = ?1)", [id], |r| {
                    r.get(0)
                })?;
            if !exists {
                return Err(Error::not_found("contact", id));
            }
            n += stmt.execute(params![id, at])?;
        }
        Ok(n)
    })
}

/// Deletes trashed contacts for good (with their memberships, tags and field values).
/// Live contacts are left alone. Returns how many were purged.
pub fn purge(conn: &mut Connection, ids: &[ContactId]) -> Result<usize> {
    with_tx(conn, |tx| {
        let mut stmt =
            tx.prepare("DELETE FROM contacts WHERE id = ?1 AND deleted_at IS NOT NULL")?;
        let mut n = 0;
        for id in ids {
            n += stmt.execute([id])?;
        }
        Ok(n)
    })
}

/// Empties the whole trash. Returns how many contacts were purged.
pub fn empty_trash(conn: &mut Connection) -> Result<usize> {
    Ok(conn.execute("DELETE FROM contacts WHERE deleted_at IS NOT NULL", [])?)
}

/// Live and trashed contact counts (kept by triggers, so this is instant).
pub fn counts(conn: &Connection) -> Result<(u32, u32)> {
    Ok(conn.query_row("SELECT live, trashed FROM contact_counts WHERE id = 1", [], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?)
}

/// A page of the contact list, filtered and sorted as asked, with the total count.
pub fn list(conn: &Connection, q: &ListQuery) -> Result<ListPage> {
    let mut params: Vec<Value> = Vec::new();
    let mut conds =
        vec![
            if q.trashed { "c.deleted_at IS NOT NULL" } else { "c.deleted_at IS NULL" }.to_string()
        ];
    if let Some(t) = &q.tag {
        params.push(Value::Text(t.clone()));
        conds.push(format!(
            "EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = c.id AND t.tag = ?{})",
            params.len()
        ));
    }
    if let Some(s) = q.status {
        params.push(Value::Text(s.as_str().into()));
        conds.push(format!("c.status = ?{}", params.len()));
    }
    if q.tier.is_some() {
        // Tiers arrive with the 80/20 ranking; until then no contact has one.
        conds.push("0".into());
    }
    let mut from = String::from("contacts c");
    let (live, trashed) = counts(conn)?;
    // With no filter but live/trash, the trigger-kept counts are the total.
    let unfiltered = conds.len() == 1;
    let mut known_total = unfiltered.then_some(if q.trashed { trashed } else { live });
    if let Some(g) = q.group {
        params.push(Value::Integer(g.0));
        let members: u32 = conn
            .query_row("SELECT live_count FROM groups WHERE id = ?1", [g], |r| r.get(0))
            .optional()?
            .ok_or_else(|| Error::not_found("group", g))?;
        // The group's live count is the total of its live list when nothing else filters.
        known_total = (unfiltered && !q.trashed).then_some(members);
        if !q.trashed && members.saturating_mul(20) > live {
            // A big group: walk the book in sort order and keep members (no sort needed).
            conds.push(format!(
                "EXISTS (SELECT 1 FROM contact_groups cg WHERE cg.group_id = ?{} AND cg.contact_id = c.id)",
                params.len()
            ));
        } else {
            // A small group: start from its members and sort them.
            from = format!(
                "contact_groups cg CROSS JOIN contacts c ON c.id = cg.contact_id AND cg.group_id = ?{}",
                params.len()
            );
        }
    }
    let from_where = format!("FROM {from} WHERE {}", conds.join(" AND "));
    let total: u32 = match known_total {
        Some(t) => t,
        None => conn.query_row(
            &format!("SELECT COUNT(*) {from_where}"),
            params_from_iter(params.iter()),
            |r| r.get(0),
        )?,
    };
    let dir = if q.descending { "DESC" } else { "ASC" };
    let order = if q.trashed {
        format!("c.deleted_at {}, c.id", if q.descending { "ASC" } else { "DESC" })
    } else {
        match q.sort {
            SortBy::Name => format!("c.name_key {dir}, c.id {dir}"),
            SortBy::Company => format!("c.company_key {dir}, c.name_key {dir}, c.id {dir}"),
            SortBy::Created => format!("c.created_at {dir}, c.id {dir}"),
            SortBy::Updated => format!("c.updated_at {dir}, c.id {dir}"),
        }
    };
    params.push(Value::Integer(q.limit.min(1000) as i64));
    params.push(Value::Integer(q.offset as i64));
    let n = params.len();
    let sql =
        format!("SELECT {ROW_COLUMNS} {from_where} ORDER BY {order} LIMIT ?{} OFFSET ?{n}", n - 1);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(params.iter()), row_from)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ListPage { total, offset: q.offset, rows: with_groups(conn, rows)? })
}

/// The columns [`row_from`] reads, in order (table alias `c`).
pub(crate) const ROW_COLUMNS: &str = "c.id, c.name, c.company, c.title, c.phones, c.emails, \
     c.birthday, c.birthday_calendar, c.birthday_leap, c.status, c.updated_at, c.deleted_at, \
     c.salutation, c.created_at";

/// Reads a [`ContactRow`] from [`ROW_COLUMNS`].
pub(crate) fn row_from(r: &Row) -> rusqlite::Result<ContactRow> {
    let first = |at: usize| -> rusqlite::Result<Option<String>> {
        Ok(json_list(r, at)?.into_iter().next().map(|l| l.value))
    };
    Ok(ContactRow {
        id: r.get(0)?,
        name: r.get(1)?,
        company: r.get(2)?,
        title: r.get(3)?,
        phone: first(4)?,
        email: first(5)?,
        birthday: birthday_from(r, 6)?,
        status: Status::parse(&r.get::<_, String>(9)?).unwrap_or_default(),
        updated_at: r.get(10)?,
        deleted_at: r.get(11)?,
        salutation: r.get(12)?,
        created_at: r.get(13)?,
        group_ids: Vec::new(),
        tier: None,
    })
}

/// Fills in each row's group ids with one query for the whole page.
pub(crate) fn with_groups(conn: &Connection, mut rows: Vec<ContactRow>) -> Result<Vec<ContactRow>> {
    if rows.is_empty() {
        return Ok(rows);
    }
    let ids: Vec<String> = rows.iter().map(|r| r.id.0.to_string()).collect();
    // Ids are integers we just read, not user text, so joining them is safe.
    let sql = format!(
        "SELECT contact_id, group_id FROM contact_groups WHERE contact_id IN ({}) ORDER BY group_id",
        ids.join(",")
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut map: std::collections::HashMap<ContactId, Vec<GroupId>> = Default::default();
    for pair in stmt.query_map([], |r| Ok((r.get::<_, ContactId>(0)?, r.get::<_, GroupId>(1)?)))? {
        let (c, g) = pair?;
        map.entry(c).or_default().push(g);
    }
    for row in &mut rows {
        row.group_ids = map.remove(&row.id).unwrap_or_default();
    }
    Ok(rows)
}

/// Every tag in use, with how many live contacts carry it, most used first.
pub fn tags(conn: &Connection) -> Result<Vec<(String, u32)>> {
    let mut stmt = conn.prepare(
        "SELECT t.tag, COUNT(*) FROM contact_tags t JOIN contacts c ON c.id = t.contact_id
         WHERE c.deleted_at IS NULL GROUP BY t.tag ORDER BY COUNT(*) DESC, t.tag",
    )?;
    let out =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::birthday::Calendar;
    use crate::{fields, groups, in_memory_db};

    fn input(name: &str) -> ContactInput {
        ContactInput { name: name.into(), ..Default::default() }
    }

    fn count(conn: &Connection) -> i64 {
        conn.query_row("SELECT COUNT(*) FROM contacts", [], |r| r.get(0)).unwrap()
    }

    #[test]
    fn rich_contact_round_trips() {
        let mut conn = in_memory_db();
        let g = groups::create(&conn, "重要客户", Some("#ff0000")).unwrap();
        let f = fields::create(
            &conn,
            "会员等级",
            fields::FieldKind::Choice,
            &["金".into(), "银".into()],
        )
        .unwrap();
        let mut c = input("  张三  ");
        c.salutation = "张总".into();
        c.company = "上海融源印务有限公司".into();
        c.title = "总经理".into();
        c.phones = vec![
            Labelled { label: "mobile".into(), value: "+86 139-1234-5678".into() },
            Labelled { label: "work".into(), value: "021-6543 2100".into() },
            Labelled { label: "home".into(), value: "   ".into() },
        ];
        c.emails = vec![Labelled { label: "work".into(), value: "zs@example.cn".into() }];
        c.addresses =
            vec![Labelled { label: "office".into(), value: "上海市浦东新区 1 号".into() }];
        c.birthday =
            Some(Birthday { date: "--08-15".into(), calendar: Calendar::Lunar, leap_month: false });
        c.note = "喜欢普洱茶\n女儿明年高考".into();
        c.tags = vec!["决策人".into(), "决策人".into(), " 爱钓鱼 ".into()];
        c.group_ids = vec![g.id];
        c.fields = vec![FieldValueInput { field_id: f.id, value: "金".into() }];
        let saved = add(&mut conn, &c).unwrap();
        assert_eq!(saved.name, "张三", "name is trimmed");
        assert_eq!(
            saved.phones,
            vec!["+86 139-1234-5678", "021-6543 2100"],
            "blank rows dropped, order kept"
        );
        assert_eq!(saved.phone_labels, vec!["mobile", "work"]);
        assert_eq!(saved.emails, vec!["zs@example.cn"]);
        assert_eq!(saved.addresses[0].value, "上海市浦东新区 1 号");
        assert_eq!(saved.birthday.as_ref().unwrap().calendar, Calendar::Lunar);
        assert_eq!(saved.note, "喜欢普洱茶\n女儿明年高考");
        assert_eq!(saved.tags, vec!["决策人", "爱钓鱼"], "tags trimmed and deduplicated");
        assert_eq!(saved.groups, vec!["重要客户"]);
        assert_eq!(saved.fields[0].value, "金");
        assert_eq!(saved.status, Status::Active);
        assert_eq!(saved.tier, None);
        // The edit form's round trip changes nothing.
        let again = update(&mut conn, saved.id, &saved.to_input()).unwrap();
        assert_eq!(again.phones, saved.phones);
        assert_eq!(again.groups, saved.groups);
        assert_eq!(again.fields, saved.fields);
    }

    #[test]
    fn bad_input_is_refused_and_nothing_is_written() {
        let mut conn = in_memory_db();
        let cases: Vec<(ContactInput, &str)> = vec![
            (input(""), "name"),
            (input("   "), "name"),
            (ContactInput { name: "x".repeat(201), ..Default::default() }, "name"),
            (
                ContactInput {
                    name: "李四".into(),
                    birthday: Some(Birthday {
                        date: "1990-02-30".into(),
                        calendar: Calendar::Solar,
                        leap_month: false,
                    }),
                    ..Default::default()
                },
                "birthday",
            ),
            (
                ContactInput {
                    name: "李四".into(),
                    birthday: Some(Birthday {
                        date: "2024-02-10".into(),
                        calendar: Calendar::Lunar,
                        leap_month: true,
                    }),
                    ..Default::default()
                },
                "birthday",
            ),
            (
                ContactInput {
                    name: "李四".into(),
                    emails: vec![Labelled { label: "work".into(), value: "not-an-email".into() }],
                    ..Default::default()
                },
                "emails",
            ),
            (
                ContactInput {
                    name: "李四".into(),
                    phones: vec![Labelled { label: "mobile".into(), value: "12".into() }],
                    ..Default::default()
                },
                "phones",
            ),
            (
                ContactInput {
                    name: "李四".into(),
                    note: "长".repeat(MAX_NOTE + 1),
                    ..Default::default()
                },
                "note",
            ),
            (
                ContactInput {
                    name: "李四".into(),
                    group_ids: vec![GroupId(999)],
                    ..Default::default()
                },
                "",
            ),
        ];
        for (c, field) in cases {
            let err = add(&mut conn, &c).expect_err("must be refused");
            if !field.is_empty() {
                assert_eq!(err.field(), Some(field), "{err}");
                assert_eq!(err.code(), "invalid_input");
            }
            assert_eq!(count(&conn), 0, "nothing written after {err}");
        }
    }

    #[test]
    fn long_notes_emoji_and_mixed_scripts_are_stored_exactly() {
        let mut conn = in_memory_db();
        let note: String = "需求：报价单🙂 Needs: quote. ".chars().cycle().take(10_000).collect();
        let name = "王😀 Wáng Ναταλία";
        let c = add(
            &mut conn,
            &ContactInput { name: name.into(), note: note.clone(), ..Default::default() },
        )
        .unwrap();
        let back = get(&conn, c.id).unwrap();
        assert_eq!(back.note.chars().count(), 10_000);
        assert_eq!(back.note, note);
        assert_eq!(back.name, name);
    }

    #[test]
    fn trash_restore_and_purge() {
        let mut conn = in_memory_db();
        let a = add(&mut conn, &input("张三")).unwrap().id;
        let b = add(&mut conn, &input("李四")).unwrap().id;
        assert_eq!(trash(&mut conn, &[a]).unwrap(), 1);
        assert_eq!(trash(&mut conn, &[a]).unwrap(), 0, "already in the trash");
        let live = list(&conn, &ListQuery::default()).unwrap();
        assert_eq!(live.total, 1);
        assert_eq!(live.rows[0].id, b);
        let bin = list(&conn, &ListQuery { trashed: true, ..Default::default() }).unwrap();
        assert_eq!(bin.rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![a]);
        assert!(bin.rows[0].deleted_at.is_some());
        assert_eq!(purge(&mut conn, &[b]).unwrap(), 0, "live contacts are never purged");
        assert_eq!(restore(&mut conn, &[a]).unwrap(), 1);
        assert_eq!(list(&conn, &ListQuery::default()).unwrap().total, 2);
        trash(&mut conn, &[a, b]).unwrap();
        assert_eq!(empty_trash(&mut conn).unwrap(), 2);
        assert_eq!(count(&conn), 0);
        let search_rows: i64 =
            conn.query_row("SELECT COUNT(*) FROM contact_search", [], |r| r.get(0)).unwrap();
        assert_eq!(search_rows, 0, "purge removes the search rows too");
        assert_eq!(trash(&mut conn, &[a]).unwrap_err().code(), "not_found");
    }

    #[test]
    fn lists_sort_page_and_filter() {
        let mut conn = in_memory_db();
        let g = groups::create(&conn, "朋友", None).unwrap();
        for (name, company) in
            [("张三", "B公司"), ("Alice", "C Ltd"), ("陈明", "A公司"), ("曾国藩", "")]
        {
            let mut c = input(name);
            c.company = company.into();
            if name == "陈明" || name == "Alice" {
                c.group_ids = vec![g.id];
                c.tags = vec!["决策人".into()];
            }
            add(&mut conn, &c).unwrap();
        }
        let names = |q: ListQuery| -> Vec<String> {
            list(&conn, &q).unwrap().rows.into_iter().map(|r| r.name).collect()
        };
        assert_eq!(
            names(ListQuery::default()),
            vec!["Alice", "陈明", "曾国藩", "张三"],
            "zeng < zhang"
        );
        assert_eq!(
            names(ListQuery { descending: true, ..Default::default() }),
            vec!["张三", "曾国藩", "陈明", "Alice"]
        );
        assert_eq!(
            names(ListQuery { offset: 1, limit: 2, ..Default::default() }),
            vec!["陈明", "曾国藩"]
        );
        assert_eq!(
            names(ListQuery { group: Some(g.id), ..Default::default() }),
            vec!["Alice", "陈明"]
        );
        assert_eq!(
            names(ListQuery { tag: Some("决策人".into()), ..Default::default() }),
            vec!["Alice", "陈明"]
        );
        assert_eq!(
            names(ListQuery { tier: Some("A".into()), ..Default::default() }),
            Vec::<String>::new()
        );
        let by_company = names(ListQuery { sort: SortBy::Company, ..Default::default() });
        assert_eq!(
            by_company,
            vec!["曾国藩", "陈明", "张三", "Alice"],
            "empty company first, then A公司 B公司 C Ltd"
        );
        let page =
            list(&conn, &ListQuery { group: Some(g.id), limit: 1, ..Default::default() }).unwrap();
        assert_eq!(page.total, 2, "total counts the whole filtered list, not the page");
        assert_eq!(page.rows[0].group_ids, vec![g.id]);
    }

    #[test]
    fn custom_field_values_are_checked_by_kind() {
        let mut conn = in_memory_db();
        let n = fields::create(&conn, "年采购额", fields::FieldKind::Number, &[]).unwrap();
        let d = fields::create(&conn, "签约日", fields::FieldKind::Date, &[]).unwrap();
        let mut c = input("张三");
        c.fields = vec![FieldValueInput { field_id: n.id, value: "12,3".into() }];
        assert_eq!(add(&mut conn, &c).unwrap_err().field(), Some("年采购额"));
        c.fields = vec![FieldValueInput { field_id: d.id, value: "2025-02-30".into() }];
        assert_eq!(add(&mut conn, &c).unwrap_err().field(), Some("签约日"));
        c.fields = vec![
            FieldValueInput { field_id: n.id, value: "1234567.89".into() },
            FieldValueInput { field_id: d.id, value: "2025-02-28".into() },
        ];
        let saved = add(&mut conn, &c).unwrap();
        assert_eq!(saved.fields.len(), 2);
        fields::delete(&conn, n.id).unwrap();
        assert_eq!(
            get(&conn, saved.id).unwrap().fields.len(),
            1,
            "deleting a field drops its values"
        );
    }

    #[test]
    fn kept_counts_match_real_counts_through_every_change() {
        let mut conn = in_memory_db();
        let g = groups::create(&conn, "朋友", None).unwrap();
        let mut ids = Vec::new();
        for i in 0..60 {
            let mut c = input(&format!("客户{i}"));
            if i % 3 == 0 {
                c.group_ids = vec![g.id];
            }
            ids.push(add(&mut conn, &c).unwrap().id);
        }
        let check = |conn: &Connection| {
            let real = |sql: &str| -> u32 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
            let (live, trashed) = counts(conn).unwrap();
            assert_eq!(live, real("SELECT COUNT(*) FROM contacts WHERE deleted_at IS NULL"));
            assert_eq!(trashed, real("SELECT COUNT(*) FROM contacts WHERE deleted_at IS NOT NULL"));
            let members = real(
                "SELECT COUNT(*) FROM contact_groups cg JOIN contacts c ON c.id = cg.contact_id WHERE c.deleted_at IS NULL",
            );
            assert_eq!(groups::get(conn, g.id).unwrap().count, members);
            let page = list(conn, &ListQuery { group: Some(g.id), ..Default::default() }).unwrap();
            assert_eq!(page.total, members);
            assert_eq!(page.rows.len() as u32, members);
            assert_eq!(list(conn, &ListQuery::default()).unwrap().total, live);
        };
        check(&conn);
        trash(&mut conn, &ids[0..10]).unwrap();
        check(&conn);
        restore(&mut conn, &ids[0..4]).unwrap();
        check(&conn);
        groups::unassign(&mut conn, g.id, &ids[0..30]).unwrap();
        check(&conn);
        groups::assign(&mut conn, g.id, &ids[5..8]).unwrap();
        check(&conn);
        purge(&mut conn, &ids[4..10]).unwrap();
        check(&conn);
        let mut c = get(&conn, ids[20]).unwrap().to_input();
        c.group_ids = vec![g.id];
        update(&mut conn, ids[20], &c).unwrap();
        check(&conn);
    }

    #[test]
    fn small_and_large_groups_list_the_same_way() {
        let mut conn = in_memory_db();
        let small = groups::create(&conn, "小组", None).unwrap();
        let large = groups::create(&conn, "大组", None).unwrap();
        for i in 0..100 {
            let mut c = input(&format!("客户{i:03}"));
            c.group_ids = vec![large.id];
            if i % 25 == 0 {
                c.group_ids.push(small.id);
            }
            add(&mut conn, &c).unwrap();
        }
        let page = |g| {
            list(&conn, &ListQuery { group: Some(g), limit: 3, offset: 1, ..Default::default() })
                .unwrap()
        };
        let s = page(small.id);
        assert_eq!(s.total, 4);
        assert_eq!(
            s.rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
            vec!["客户025", "客户050", "客户075"]
        );
        let l = page(large.id);
        assert_eq!(l.total, 100);
        assert_eq!(
            l.rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
            vec!["客户001", "客户002", "客户003"]
        );
        let tagged = list(
            &conn,
            &ListQuery { group: Some(small.id), tag: Some("无".into()), ..Default::default() },
        )
        .unwrap();
        assert_eq!(tagged.total, 0, "other filters are counted, not taken from the group count");
    }
}
