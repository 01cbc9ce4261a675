use clientbook_core::groups::{self, Group};
use clientbook_core::{ContactId, GroupId};
use tauri::State;

use crate::error::AppResult;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn groups_list(state: State<'_, AppState>) -> AppResult<Vec<Group>> {
    state.with(|conn| groups::list(conn))
}

#[tauri::command]
#[specta::specta]
pub async fn groups_create(
    state: State<'_, AppState>,
    name: String,
    color: Option<String>,
) -> AppResult<Group> {
    state.with(|conn| groups::create(conn, &name, color.as_deref()))
}

#[tauri::command]
#[specta::specta]
pub async fn groups_update(
    state: State<'_, AppState>,
    id: GroupId,
    name: String,
    color: String,
) -> AppResult<Group> {
    state.with(|conn| groups::update(conn, id, &name, &color))
}

#[tauri::command]
#[specta::specta]
pub async fn groups_delete(state: State<'_, AppState>, id: GroupId) -> AppResult<()> {
    state.with(|conn| groups::delete(conn, id))
}

#[tauri::command]
#[specta::specta]
pub async fn groups_assign(
    state: State<'_, AppState>,
    id: GroupId,
    contacts: Vec<ContactId>,
) -> AppResult<u32> {
    state.with(|conn| groups::assign(conn, id, &contacts)).map(|n| n as u32)
}

#[tauri::command]
#[specta::specta]
pub async fn groups_unassign(
    state: State<'_, AppState>,
    id: GroupId,
    contacts: Vec<ContactId>,
) -> AppResult<u32> {
    state.with(|conn| groups::unassign(conn, id, &contacts)).map(|n| n as u32)
}
