//! clientbook-core: Clientbook's whole domain — the SQLite store, contacts, groups, custom
//! fields, search and the demo book — with no Tauri dependency. The desktop app and the
//! `clientbook` CLI are thin layers over these functions.

pub mod birthday;
pub mod contacts;
pub mod db;
pub mod demo;
pub mod error;
pub mod fields;
pub mod groups;
pub mod ids;
pub mod lang;
pub mod money;
pub mod orders;
pub mod ranking;
pub mod search;
pub mod settings;
pub mod text;

pub use error::{Error, Result};
pub use ids::{ContactId, FieldId, GroupId, OrderId};
pub use lang::Lang;

/// A fresh migrated in-memory book for unit tests.
#[cfg(test)]
pub(crate) fn in_memory_db() -> rusqlite::Connection {
    db::open_in_memory().expect("in-memory book")
}
