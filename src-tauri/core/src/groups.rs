//! Groups: unlimited user-defined sets of contacts (家人, 重要客户, 集团客户 …); a contact
//! can be in many. Deleting a group never deletes its contacts.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::db::{now_utc, with_tx};
use crate::error::{Error, Invalid, Result};
use crate::ids::{ContactId, GroupId};

/// Colour a new group gets when none is chosen.
pub const DEFAULT_COLOR: &str = "#3b82f6";

/// A group with the number of live contacts in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Group {
    pub id: GroupId,
    pub name: String,
    /// `#RRGGBB`
    pub color: String,
    /// Live (not trashed) contacts in the group.
    pub count: u32,
}

fn clean_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("name", Invalid::Required));
    }
    let got = name.chars().count();
    if got > 100 {
        return Err(Error::invalid("name", Invalid::TooLong { max: 100, got }));
    }
    Ok(name.to_string())
}

fn clean_color(color: &str) -> Result<String> {
    let c = color.trim();
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|h| h.is_ascii_hexdigit());
    if !ok {
        return Err(Error::invalid("color", Invalid::BadColor(color.to_string())));
    }
    Ok(c.to_ascii_lowercase())
}

/// Turns SQLite's unique-index violation into the friendly error.
fn name_taken(e: rusqlite::Error, name: &str) -> Error {
    match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            Error::GroupNameTaken(name.to_string())
        }
        _ => Error::Db(e),
    }
}

/// Every group with its live member count, by name.
pub fn list(conn: &Connection) -> Result<Vec<Group>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, color, live_count FROM groups ORDER BY name COLLATE NOCASE",
    )?;
    let out = stmt
        .query_map([], |r| {
            Ok(Group { id: r.get(0)?, name: r.get(1)?, color: r.get(2)?, count: r.get(3)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// One group by id.
pub fn get(conn: &Connection, id: GroupId) -> Result<Group> {
    list(conn)?.into_iter().find(|g| g.id == id).ok_or_else(|| Error::not_found("group", id))
}

/// A group's id by its name (case-insensitive for Latin letters), if it exists.
pub fn find_by_name(conn: &Connection, name: &str) -> Result<Option<GroupId>> {
    Ok(conn
        .query_row("SELECT id FROM groups WHERE name = ?1 COLLATE NOCASE", [name.trim()], |r| {
            r.get(0)
        })
        .optional()?)
}

/// A group's id by name, or a not-found error naming it.
pub fn require_by_name(conn: &Connection, name: &str) -> Result<GroupId> {
    find_by_name(conn, name)?.ok_or_else(|| Error::not_found("group", name.trim()))
}

/// Creates a group. Names are unique.
pub fn create(conn: &Connection, name: &str, color: Option<&str>) -> Result<Group> {
    let name = clean_name(name)?;
    let color = clean_color(color.unwrap_or(DEFAULT_COLOR))?;
    conn.execute(
        "INSERT INTO groups (name, color, created_at) VALUES (?1, ?2, ?3)",
        params![name, color, now_utc()],
    )
    .map_err(|e| name_taken(e, &name))?;
    get(conn, GroupId(conn.last_insert_rowid()))
}

/// Renames and/or recolours a group.
pub fn update(conn: &Connection, id: GroupId, name: &str, color: &str) -> Result<Group> {
    let name = clean_name(name)?;
    let color = clean_color(color)?;
    let n = conn
        .execute("UPDATE groups SET name = ?2, color = ?3 WHERE id = ?1", params![id, name, color])
        .map_err(|e| name_taken(e, &name))?;
    if n == 0 {
        return Err(Error::not_found("group", id));
    }
    get(conn, id)
}

/// Deletes a group and its memberships; the contacts stay.
pub fn delete(conn: &Connection, id: GroupId) -> Result<()> {
    if conn.execute("DELETE FROM groups WHERE id = ?1", [id])? == 0 {
        return Err(Error::not_found("group", id));
    }
    Ok(())
}

/// Puts many contacts in a group at once (already-members are fine). Returns how many
/// memberships were added. Unknown contact ids fail the whole call.
pub fn assign(conn: &mut Connection, id: GroupId, contacts: &[ContactId]) -> Result<usize> {
    with_tx(conn, |tx| {
        get(tx, id)?;
        let mut stmt = tx.prepare_cached(
            "INSERT OR IGNORE INTO contact_groups (group_id, contact_id) VALUES (?1, ?2)",
        )?;
        let mut n = 0;
        for c in contacts {
            let exists: bool =
                tx.query_row("SELECT EXISTS (SELECT 1 FROM contacts WHERE id = ?1)", [c], |r| {
                    r.get(0)
                })?;
            if !exists {
                return Err(Error::not_found("contact", c));
            }
            n += stmt.execute(params![id, c])?;
        }
        Ok(n)
    })
}

/// Takes many contacts out of a group. Returns how many memberships were removed.
pub fn unassign(conn: &mut Connection, id: GroupId, contacts: &[ContactId]) -> Result<usize> {
    with_tx(conn, |tx| {
        get(tx, id)?;
        let mut stmt = tx
            .prepare_cached("DELETE FROM contact_groups WHERE group_id = ?1 AND contact_id = ?2")?;
        let mut n = 0;
        for c in contacts {
            n += stmt.execute(params![id, c])?;
        }
        Ok(n)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contacts::{self, ContactInput, ListQuery};
    use crate::in_memory_db;

    fn contact(conn: &mut Connection, name: &str) -> ContactId {
        contacts::add(conn, &ContactInput { name: name.into(), ..Default::default() }).unwrap().id
    }

    #[test]
    fn membership_is_many_to_many_and_counts_only_live_contacts() {
        let mut conn = in_memory_db();
        let vip = create(&conn, "重要客户", None).unwrap();
        let friends = create(&conn, "朋友", Some("#10B981")).unwrap();
        assert_eq!(friends.color, "#10b981");
        let a = contact(&mut conn, "张三");
        let b = contact(&mut conn, "李四");
        let c = contact(&mut conn, "王五");
        assert_eq!(assign(&mut conn, vip.id, &[a, b, c]).unwrap(), 3);
        assert_eq!(assign(&mut conn, vip.id, &[a]).unwrap(), 0, "already a member");
        assign(&mut conn, friends.id, &[a]).unwrap();
        assert_eq!(contacts::get(&conn, a).unwrap().groups, vec!["朋友", "重要客户"]);
        assert_eq!(get(&conn, vip.id).unwrap().count, 3);
        contacts::trash(&mut conn, &[b]).unwrap();
        assert_eq!(get(&conn, vip.id).unwrap().count, 2, "trashed contacts are not counted");
        assert_eq!(unassign(&mut conn, vip.id, &[a, c]).unwrap(), 2);
        let page = contacts::list(&conn, &ListQuery { group: Some(vip.id), ..Default::default() })
            .unwrap();
        assert_eq!(page.total, 0);
        contacts::restore(&mut conn, &[b]).unwrap();
        assert_eq!(get(&conn, vip.id).unwrap().count, 1, "restored contact keeps its groups");
    }

    #[test]
    fn assign_with_an_unknown_contact_changes_nothing() {
        let mut conn = in_memory_db();
        let g = create(&conn, "集团客户", None).unwrap();
        let a = contact(&mut conn, "张三");
        let err = assign(&mut conn, g.id, &[a, ContactId(4242)]).unwrap_err();
        assert_eq!(err.code(), "not_found");
        assert_eq!(get(&conn, g.id).unwrap().count, 0, "the whole batch rolled back");
    }

    #[test]
    fn names_are_unique_required_and_renamable() {
        let mut conn = in_memory_db();
        let g = create(&conn, "VIP", None).unwrap();
        assert_eq!(create(&conn, "vip", None).unwrap_err().code(), "group_name_taken");
        assert_eq!(create(&conn, "  ", None).unwrap_err().field(), Some("name"));
        assert_eq!(create(&conn, "x", Some("red")).unwrap_err().field(), Some("color"));
        let other = create(&conn, "朋友", None).unwrap();
        assert_eq!(
            update(&conn, other.id, "VIP", "#000000").unwrap_err().code(),
            "group_name_taken"
        );
        let renamed = update(&conn, g.id, "大客户", "#123abc").unwrap();
        assert_eq!(renamed.name, "大客户");
        assert_eq!(require_by_name(&conn, "大客户").unwrap(), g.id);
        let a = contact(&mut conn, "张三");
        assign(&mut conn, g.id, &[a]).unwrap();
        delete(&conn, g.id).unwrap();
        assert!(
            contacts::get(&conn, a).unwrap().groups.is_empty(),
            "membership goes, contact stays"
        );
        assert_eq!(delete(&conn, g.id).unwrap_err().code(), "not_found");
    }
}
