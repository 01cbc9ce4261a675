use clientbook_core::contacts::{self, Contact, ContactInput, ListPage, ListQuery};
use clientbook_core::fields::{self, FieldDef, FieldKind};
use clientbook_core::search::{SearchQuery, SearchResult};
use clientbook_core::{ContactId, FieldId};
use serde::Serialize;
use tauri::State;

use crate::error::AppResult;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn contacts_list(state: State<'_, AppState>, query: ListQuery) -> AppResult<ListPage> {
    state.with(|conn| contacts::list(conn, &query))
}

#[tauri::command]
#[specta::specta]
pub async fn contacts_search(
    state: State<'_, AppState>,
    query: SearchQuery,
) -> AppResult<SearchResult> {
    state.search(&query)
}

#[tauri::command]
#[specta::specta]
pub async fn contacts_get(state: State<'_, AppState>, id: ContactId) -> AppResult<Contact> {
    state.with(|conn| contacts::get(conn, id))
}

#[tauri::command]
#[specta::specta]
pub async fn contacts_add(state: State<'_, AppState>, input: ContactInput) -> AppResult<Contact> {
    state.with(|conn| contacts::add(conn, &input))
}

#[tauri::command]
#[specta::specta]
pub async fn contacts_update(
    state: State<'_, AppState>,
    id: ContactId,
    input: ContactInput,
) -> AppResult<Contact> {
    state.with(|conn| contacts::update(conn, id, &input))
}

#[tauri::command]
#[specta::specta]
pub async fn contacts_trash(state: State<'_, AppState>, ids: Vec<ContactId>) -> AppResult<u32> {
    state.with(|conn| contacts::trash(conn, &ids)).map(|n| n as u32)
}

#[tauri::command]
#[specta::specta]
pub async fn contacts_restore(state: State<'_, AppState>, ids: Vec<ContactId>) -> AppResult<u32> {
    state.with(|conn| contacts::restore(conn, &ids)).map(|n| n as u32)
}

#[tauri::command]
#[specta::specta]
pub async fn contacts_purge(state: State<'_, AppState>, ids: Vec<ContactId>) -> AppResult<u32> {
    state.with(|conn| contacts::purge(conn, &ids)).map(|n| n as u32)
}

#[tauri::command]
#[specta::specta]
pub async fn contacts_empty_trash(state: State<'_, AppState>) -> AppResult<u32> {
    state.with(contacts::empty_trash).map(|n| n as u32)
}

/// A tag and how many live contacts carry it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct TagCount {
    pub tag: String,
    pub count: u32,
}

#[tauri::command]
#[specta::specta]
pub async fn tags_list(state: State<'_, AppState>) -> AppResult<Vec<TagCount>> {
    state
        .with(|conn| contacts::tags(conn))
        .map(|v| v.into_iter().map(|(tag, count)| TagCount { tag, count }).collect())
}

#[tauri::command]
#[specta::specta]
pub async fn fields_list(state: State<'_, AppState>) -> AppResult<Vec<FieldDef>> {
    state.with(|conn| fields::list(conn))
}

#[tauri::command]
#[specta::specta]
pub async fn fields_create(
    state: State<'_, AppState>,
    name: String,
    kind: FieldKind,
    choices: Vec<String>,
) -> AppResult<FieldDef> {
    state.with(|conn| fields::create(conn, &name, kind, &choices))
}

#[tauri::command]
#[specta::specta]
pub async fn fields_update(
    state: State<'_, AppState>,
    id: FieldId,
    name: String,
    choices: Vec<String>,
) -> AppResult<FieldDef> {
    state.with(|conn| fields::update(conn, id, &name, &choices))
}

#[tauri::command]
#[specta::specta]
pub async fn fields_delete(state: State<'_, AppState>, id: FieldId) -> AppResult<()> {
    state.with(|conn| fields::delete(conn, id))
}
