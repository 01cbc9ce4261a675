//! The Tauri commands: each one takes the state, calls one core function, maps the error.
//! No business rule lives here.

pub mod app;
pub mod contacts;
pub mod groups;
