//! The Clientbook desktop app: opens the book, registers the commands, starts the window.
//! Everything the commands do is in `clientbook-core`.

pub mod commands;
pub mod error;
pub mod state;

use std::path::PathBuf;

use tauri::Manager;
use tauri_specta::{collect_commands, Builder};

/// Where the generated TypeScript bindings live, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/lib/backend/bindings.ts";

/// Every command the UI may call, with their types for the bindings.
pub fn specta_builder() -> Builder<tauri::Wry> {
    use commands::*;
    Builder::<tauri::Wry>::new().commands(collect_commands![
        app::app_info,
        app::settings_set_language,
        app::settings_get,
        app::settings_set,
        app::demo_generate,
        app::open_external,
        contacts::contacts_list,
        contacts::contacts_search,
        contacts::contacts_get,
        contacts::contacts_add,
        contacts::contacts_update,
        contacts::contacts_trash,
        contacts::contacts_restore,
        contacts::contacts_purge,
        contacts::contacts_empty_trash,
        contacts::tags_list,
        contacts::fields_list,
        contacts::fields_create,
        contacts::fields_update,
        contacts::fields_delete,
        groups::groups_list,
        groups::groups_create,
        groups::groups_update,
        groups::groups_delete,
        groups::groups_assign,
        groups::groups_unassign,
    ])
}

/// Writes the TypeScript bindings for the UI.
pub fn export_bindings(path: &std::path::Path) -> Result<(), String> {
    specta_builder()
        .export(
            specta_typescript::Typescript::default()
                .header("// Generated from the Rust commands by `cargo test -p clientbook-app`. Do not edit.\n// @ts-nocheck"),
            path,
        )
        .map_err(|e| e.to_string())
}

/// The data file: `--db PATH` on the command line, else `$CLIENTBOOK_DB`, else the OS data dir.
fn db_path_from_args() -> PathBuf {
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--db" {
            if let Some(p) = args.next() {
                return PathBuf::from(p);
            }
        } else if let Some(p) = a.strip_prefix("--db=") {
            return PathBuf::from(p);
        }
    }
    clientbook_core::db::default_path()
}

pub fn run() {
    let builder = specta_builder();
    let db_path = db_path_from_args();
    let state = match state::AppState::open(db_path.clone()) {
        Ok(s) => s,
        Err(e) => {
            let lang = clientbook_core::Lang::from_env();
            eprintln!("Clientbook: {} ({})", e.message(lang), db_path.display());
            std::process::exit(1);
        }
    };
    tauri::Builder::default()
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            app.manage(state);
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("error while running the Clientbook window");
}

#[cfg(test)]
mod tests {
    /// The committed bindings must match the commands; regenerate by running this test.
    #[test]
    fn typescript_bindings_are_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(super::BINDINGS_PATH);
        let before = std::fs::read_to_string(&path).unwrap_or_default();
        super::export_bindings(&path).expect("bindings export");
        let after = std::fs::read_to_string(&path).unwrap();
        assert!(
            before == after,
            "ui/src/lib/backend/bindings.ts was stale and has been regenerated; commit it"
        );
    }
}
