//! Every way a core operation can fail, with a stable machine `code` and a message in the
//! user's language that says what to do next.
//!
//! The codes are a contract: the CLI prints them in `{"error": {"code", "message"}}` and the
//! UI receives them over IPC. Add codes freely; never rename one.

use crate::lang::Lang;

/// Result alias used throughout the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a value a user typed was refused. Carried by [`Error::Invalid`] with the field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// The field is required and was empty (or only spaces).
    Required,
    /// Longer than the field allows; nothing is cut, the user must shorten it.
    TooLong { max: usize, got: usize },
    /// Not a real calendar date (e.g. `1990-02-30`).
    BadDate(String),
    /// Not a lunar date that exists (e.g. a leap month in a year without one).
    BadLunarDate(String),
    /// Not an e-mail address.
    BadEmail(String),
    /// A phone number needs at least three digits.
    BadPhone(String),
    /// Not a number (custom number fields).
    BadNumber(String),
    /// Not one of the field's choices.
    NotAChoice(String),
    /// A colour must be `#RRGGBB`.
    BadColor(String),
    /// Any other malformed value, with the expected shape.
    Malformed { value: String, expected: &'static str },
}

/// A failure of a core operation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid {field}: {reason:?}")]
    Invalid { field: String, reason: Invalid },
    #[error("{entity} {id} not found")]
    NotFound { entity: &'static str, id: String },
    #[error("group name {0:?} is taken")]
    GroupNameTaken(String),
    #[error("custom field name {0:?} is taken")]
    FieldNameTaken(String),
    #[error("data file schema {found} is newer than this program ({supported})")]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("JSON error: {0}")]
    Json(#[from] serde_json::Error),
}

impl Error {
    pub fn invalid(field: impl Into<String>, reason: Invalid) -> Error {
        Error::Invalid { field: field.into(), reason }
    }

    pub fn not_found(entity: &'static str, id: impl ToString) -> Error {
        Error::NotFound { entity, id: id.to_string() }
    }

    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid { .. } => "invalid_input",
            Error::NotFound { .. } => "not_found",
            Error::GroupNameTaken(_) => "group_name_taken",
            Error::FieldNameTaken(_) => "field_name_taken",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::Db(_) => "database",
            Error::Io(_) => "io",
            Error::Json(_) => "json",
        }
    }

    /// The field a validation error belongs to, so a form can show it beside that field.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            Error::GroupNameTaken(_) | Error::FieldNameTaken(_) => Some("name"),
            _ => None,
        }
    }

    /// The message for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::Invalid { field, reason } => {
                let f = field_label(field, lang);
                match reason {
                    Invalid::Required => match lang {
                        Lang::ZhHans => format!("请填写{f}。"),
                        Lang::ZhHant => format!("請填寫{f}。"),
                        Lang::En => format!("{f} is required."),
                    },
                    Invalid::TooLong { max, got } => match lang {
                        Lang::ZhHans => format!("{f}太长（{got} 个字符，最多 {max} 个），请缩短，未保存任何内容。"),
                        Lang::ZhHant => format!("{f}太長（{got} 個字元，最多 {max} 個），請縮短，未儲存任何內容。"),
                        Lang::En => format!("{f} is too long ({got} characters, at most {max}); shorten it — nothing was saved."),
                    },
                    Invalid::BadDate(v) => match lang {
                        Lang::ZhHans => format!("{f}“{v}”不是有效日期，请用 YYYY-MM-DD 或 --MM-DD。"),
                        Lang::ZhHant => format!("{f}「{v}」不是有效日期，請用 YYYY-MM-DD 或 --MM-DD。"),
                        Lang::En => format!("{f} \"{v}\" is not a real date; use YYYY-MM-DD or --MM-DD."),
                    },
                    Invalid::BadLunarDate(v) => match lang {
                        Lang::ZhHans => format!("{f}“{v}”不是存在的农历日期（检查闰月和大小月）。"),
                        Lang::ZhHant => format!("{f}「{v}」不是存在的農曆日期（檢查閏月和大小月）。"),
                        Lang::En => format!("{f} \"{v}\" is not an existing lunar date (check the leap month and the month's length)."),
                    },
                    Invalid::BadEmail(v) => match lang {
                        Lang::ZhHans => format!("“{v}”不是有效的电子邮箱地址。"),
                        Lang::ZhHant => format!("「{v}」不是有效的電子郵件地址。"),
                        Lang::En => format!("\"{v}\" is not an e-mail address."),
                    },
                    Invalid::BadPhone(v) => match lang {
                        Lang::ZhHans => format!("电话“{v}”至少要有 3 位数字。"),
                        Lang::ZhHant => format!("電話「{v}」至少要有 3 位數字。"),
                        Lang::En => format!("Phone \"{v}\" needs at least 3 digits."),
                    },
                    Invalid::BadNumber(v) => match lang {
                        Lang::ZhHans => format!("{f}“{v}”不是数字。"),
                        Lang::ZhHant => format!("{f}「{v}」不是數字。"),
                        Lang::En => format!("{f} \"{v}\" is not a number."),
                    },
                    Invalid::NotAChoice(v) => match lang {
                        Lang::ZhHans => format!("{f}“{v}”不是可选项之一。"),
                        Lang::ZhHant => format!("{f}「{v}」不是可選項之一。"),
                        Lang::En => format!("{f} \"{v}\" is not one of the choices."),
                    },
                    Invalid::BadColor(v) => match lang {
                        Lang::ZhHans => format!("颜色“{v}”应为 #RRGGBB 格式。"),
                        Lang::ZhHant => format!("顏色「{v}」應為 #RRGGBB 格式。"),
                        Lang::En => format!("Colour \"{v}\" must look like #RRGGBB."),
                    },
                    Invalid::Malformed { value, expected } => match lang {
                        Lang::ZhHans => format!("{f}“{value}”格式不对，应为 {expected}。"),
                        Lang::ZhHant => format!("{f}「{value}」格式不對，應為 {expected}。"),
                        Lang::En => format!("{f} \"{value}\" is malformed; expected {expected}."),
                    },
                }
            }
            Error::NotFound { entity, id } => {
                let e = field_label(entity, lang);
                match lang {
                    Lang::ZhHans => format!("找不到{e}“{id}”。"),
                    Lang::ZhHant => format!("找不到{e}「{id}」。"),
                    Lang::En => format!("No {e} \"{id}\" was found."),
                }
            }
            Error::GroupNameTaken(n) => match lang {
                Lang::ZhHans => format!("已有名为“{n}”的分组，请换一个名字。"),
                Lang::ZhHant => format!("已有名為「{n}」的分組，請換一個名字。"),
                Lang::En => format!("A group named \"{n}\" already exists; choose another name."),
            },
            Error::FieldNameTaken(n) => match lang {
                Lang::ZhHans => format!("已有名为“{n}”的自定义字段。"),
                Lang::ZhHant => format!("已有名為「{n}」的自訂欄位。"),
                Lang::En => format!("A custom field named \"{n}\" already exists."),
            },
            Error::SchemaTooNew { found, supported } => match lang {
                Lang::ZhHans => format!("数据文件来自更新版本的客户簿（结构版本 {found}，本程序支持到 {supported}），请升级客户簿。"),
                Lang::ZhHant => format!("資料檔來自較新版本的客戶簿（結構版本 {found}，本程式支援到 {supported}），請升級客戶簿。"),
                Lang::En => format!("The data file was written by a newer Clientbook (schema {found}, this one knows {supported}); please upgrade."),
            },
            Error::Db(e) => match lang {
                Lang::ZhHans => format!("数据库出错，未做任何更改：{e}"),
                Lang::ZhHant => format!("資料庫出錯，未做任何變更：{e}"),
                Lang::En => format!("Database error; nothing was changed: {e}"),
            },
            Error::Io(e) => match lang {
                Lang::ZhHans => format!("文件读写出错：{e}"),
                Lang::ZhHant => format!("檔案讀寫出錯：{e}"),
                Lang::En => format!("File error: {e}"),
            },
            Error::Json(e) => match lang {
                Lang::ZhHans => format!("JSON 数据有误：{e}"),
                Lang::ZhHant => format!("JSON 資料有誤：{e}"),
                Lang::En => format!("Malformed JSON: {e}"),
            },
        }
    }
}

/// The name of a field or entity as a person reads it.
fn field_label(field: &str, lang: Lang) -> String {
    let (hans, hant, en) = match field {
        "name" => ("姓名", "姓名", "Name"),
        "salutation" => ("称呼", "稱呼", "Salutation"),
        "company" => ("公司", "公司", "Company"),
        "title" => ("职务", "職務", "Title"),
        "phones" => ("电话", "電話", "Phone"),
        "emails" => ("邮箱", "郵箱", "E-mail"),
        "addresses" => ("地址", "地址", "Address"),
        "birthday" => ("生日", "生日", "Birthday"),
        "note" => ("备注", "備註", "Notes"),
        "tags" => ("标签", "標籤", "Tag"),
        "color" => ("颜色", "顏色", "Colour"),
        "contact" => ("客户", "客戶", "contact"),
        "group" => ("分组", "分組", "group"),
        "field" => ("自定义字段", "自訂欄位", "custom field"),
        "query" => ("搜索词", "搜尋詞", "Search"),
        "status" => ("状态", "狀態", "Status"),
        "order" => ("订单", "訂單", "order"),
        "date" => ("日期", "日期", "Date"),
        "amount" => ("金额", "金額", "Amount"),
        "profit" => ("毛利", "毛利", "Profit"),
        "product" => ("产品线", "產品線", "Product line"),
        "percent" => ("等级比例", "等級比例", "Tier percentages"),
        "window" => ("统计区间", "統計區間", "Window"),
        "measure" => ("价值指标", "價值指標", "Value measure"),
        "kind" => ("字段类型", "欄位類型", "Field kind"),
        "choices" => ("可选项", "可選項", "Choices"),
        other => return other.to_string(),
    };
    lang.pick(hans, hant, en).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_messages_exist_in_all_three_languages() {
        let e = Error::invalid("name", Invalid::Required);
        assert_eq!(e.message(Lang::ZhHans), "请填写姓名。");
        assert_eq!(e.message(Lang::ZhHant), "請填寫姓名。");
        assert_eq!(e.message(Lang::En), "Name is required.");
        assert_eq!(e.code(), "invalid_input");
        assert_eq!(e.field(), Some("name"));
    }
}
