//! What the app holds while it runs: the one connection to the book and the UI language.

use std::path::PathBuf;
use std::sync::Mutex;

use clientbook_core::search::{SearchIndex, SearchQuery, SearchResult};
use clientbook_core::{Lang, Result as CoreResult};
use rusqlite::Connection;

use crate::error::{AppError, AppResult};

pub struct AppState {
    pub db_path: PathBuf,
    conn: Mutex<Connection>,
    /// Kept for the life of the app so each keystroke only scans memory.
    search: Mutex<SearchIndex>,
    lang: Mutex<Lang>,
}

impl AppState {
    pub fn open(db_path: PathBuf) -> clientbook_core::Result<Self> {
        let conn = clientbook_core::db::open(&db_path)?;
        let lang = clientbook_core::settings::get(&conn, "language")?
            .and_then(|t| Lang::from_tag(&t))
            .or_else(|| sys_locale::get_locale().and_then(|t| Lang::from_tag(&t)))
            .unwrap_or_else(Lang::from_env);
        let mut search = SearchIndex::new();
        search.refresh(&conn)?;
        Ok(AppState {
            db_path,
            conn: Mutex::new(conn),
            search: Mutex::new(search),
            lang: Mutex::new(lang),
        })
    }

    pub fn lang(&self) -> Lang {
        *self.lang.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn set_lang(&self, lang: Lang) {
        *self.lang.lock().unwrap_or_else(|p| p.into_inner()) = lang;
    }

    /// Runs a core call on the connection and maps its error for the UI.
    pub fn with<T>(&self, f: impl FnOnce(&mut Connection) -> CoreResult<T>) -> AppResult<T> {
        let lang = self.lang();
        let mut conn =
            self.conn.lock().map_err(|_| AppError::internal("database lock poisoned"))?;
        f(&mut conn).map_err(|e| AppError::from_core(e, lang))
    }

    /// Searches with the kept index (it catches up with any change first).
    pub fn search(&self, query: &SearchQuery) -> AppResult<SearchResult> {
        let mut index =
            self.search.lock().map_err(|_| AppError::internal("search lock poisoned"))?;
        self.with(|conn| index.search(conn, query))
    }
}
