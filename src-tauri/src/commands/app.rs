use clientbook_core::{demo, settings, Lang};
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// What the About box and the first-run screen need.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    /// The language in force (saved choice, else the OS's).
    pub language: Lang,
    /// Whether the user ever chose a language (else the UI may follow the OS).
    pub language_chosen: bool,
    pub schema_version: u32,
    /// Live contacts in the book (0 → show the first-run screen).
    pub contacts: u32,
    /// Contacts in the trash.
    pub trashed: u32,
}

#[tauri::command]
#[specta::specta]
pub async fn app_info(state: State<'_, AppState>) -> AppResult<AppInfo> {
    let lang = state.lang();
    let path = state.db_path.display().to_string();
    state.with(|conn| {
        let chosen = settings::get(conn, "language")?.is_some();
        let (contacts, trashed) = clientbook_core::contacts::counts(conn)?;
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").into(),
            db_path: path,
            language: lang,
            language_chosen: chosen,
            schema_version: clientbook_core::db::SCHEMA_VERSION as u32,
            contacts,
            trashed,
        })
    })
}

#[tauri::command]
#[specta::specta]
pub async fn settings_set_language(state: State<'_, AppState>, lang: Lang) -> AppResult<()> {
    state.with(|conn| settings::set(conn, "language", lang.tag()))?;
    state.set_lang(lang);
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn settings_get(state: State<'_, AppState>, key: String) -> AppResult<Option<String>> {
    state.with(|conn| settings::get(conn, &key))
}

#[tauri::command]
#[specta::specta]
pub async fn settings_set(state: State<'_, AppState>, key: String, value: String) -> AppResult<()> {
    state.with(|conn| settings::set(conn, &key, &value))
}

/// Fills the book with a synthetic demo (first-run screen).
#[tauri::command]
#[specta::specta]
pub async fn demo_generate(state: State<'_, AppState>, contacts: u32, seed: u32) -> AppResult<u32> {
    state.with(|conn| demo::generate(conn, contacts, seed as u64)).map(|s| s.contacts)
}

/// Opens a `mailto:`, `tel:` or `sms:` link in the user's own mail, phone or messaging app.
/// Other schemes are refused: the UI has no business opening arbitrary URLs.
#[tauri::command]
#[specta::specta]
pub async fn open_external(
    app: AppHandle,
    state: State<'_, AppState>,
    url: String,
) -> AppResult<()> {
    let lower = url.trim().to_ascii_lowercase();
    if !["mailto:", "tel:", "sms:"].iter().any(|p| lower.starts_with(p)) {
        let lang = state.lang();
        return Err(AppError {
            code: "invalid_input".into(),
            message: lang
                .pick(
                    "只能打开邮件、电话或短信链接。",
                    "只能開啟郵件、電話或簡訊連結。",
                    "Only mail, phone and SMS links can be opened.",
                )
                .into(),
            field: None,
        });
    }
    app.opener().open_url(url.trim(), None::<&str>).map_err(|e| AppError::internal(e.to_string()))
}
