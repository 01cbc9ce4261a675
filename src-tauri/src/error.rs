//! The error shape that crosses IPC: `{code, message, field}`, message already in the
//! user's language (the core translates), `field` naming the form field at fault.

use clientbook_core::Lang;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppError {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
}

impl AppError {
    pub fn from_core(e: clientbook_core::Error, lang: Lang) -> Self {
        AppError {
            code: e.code().into(),
            message: e.message(lang),
            field: e.field().map(Into::into),
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        AppError { code: "internal".into(), message: message.into(), field: None }
    }
}

pub type AppResult<T> = Result<T, AppError>;
