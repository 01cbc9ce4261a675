//! Opening the one SQLite file, configuring it, and bringing its schema up to date.
//!
//! Not here: any table's SQL (each entity module owns its own).

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, Transaction};

use crate::error::{Error, Result};

/// Every schema change, in order. The position (1-based) is the `user_version` it brings the
/// file to. Released entries are never edited: a change is a new file.
const MIGRATIONS: &[(&str, &str)] = &[
    ("20261123_0001_initial", include_str!("../migrations/20261123_0001_initial.sql")),
    ("20261123_0002_orders", include_str!("../migrations/20261123_0002_orders.sql")),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Where the desktop app and the CLI keep the book unless told otherwise:
/// `$CLIENTBOOK_DB`, else `<OS data dir>/clientbook/clientbook.db`.
pub fn default_path() -> PathBuf {
    if let Some(p) = std::env::var_os("CLIENTBOOK_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join("clientbook").join("clientbook.db")
}

/// Opens (creating if missing, with its folder) and migrates the book at `path`.
pub fn open(path: &Path) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    configure(&conn, true)?;
    migrate(&conn)?;
    crate::search::prune_log(&conn)?;
    Ok(conn)
}

/// A fresh, migrated in-memory book (tests and benchmarks).
pub fn open_in_memory() -> Result<Connection> {
    let conn = Connection::open_in_memory()?;
    configure(&conn, false)?;
    migrate(&conn)?;
    Ok(conn)
}

fn configure(conn: &Connection, wal: bool) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    if wal {
        conn.pragma_update(None, "journal_mode", "WAL")?;
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

/// The schema version stored in the file.
pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Applies every migration the file has not seen, each in its own transaction, so a
/// failure leaves the file at the last good version.
pub fn migrate(conn: &Connection) -> Result<()> {
    let found = schema_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew { found, supported: SCHEMA_VERSION });
    }
    for (i, (_name, sql)) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

/// Runs `f` in one transaction: all of it is written, or none of it.
pub fn with_tx<T>(conn: &mut Connection, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
    let tx = conn.transaction()?;
    let out = f(&tx)?;
    tx.commit()?;
    Ok(out)
}

/// Current time as RFC 3339 UTC with second precision, the form every `*_at` column holds.
pub fn now_utc() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_migrates_to_current_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("book.db");
        let conn = open(&path).expect("an empty path becomes a new book");
        assert_eq!(schema_version(&conn).unwrap(), SCHEMA_VERSION);
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert_eq!(fk, 1, "foreign keys must be enforced");
        drop(conn);
        // Opening again is a no-op migration.
        let conn = open(&path).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn a_newer_file_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5).unwrap();
        }
        let err = open(&path).unwrap_err();
        assert_eq!(err.code(), "schema_too_new");
        let conn = Connection::open(&path).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), SCHEMA_VERSION + 5);
    }
}
