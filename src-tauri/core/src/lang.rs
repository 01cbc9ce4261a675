//! The three languages Clientbook speaks, and how to pick one.
//!
//! Only the language *choice* lives here; the words themselves live next to what says
//! them (error messages in `error.rs`, screen text in `ui/src/i18n`).

use serde::{Deserialize, Serialize};

/// A display language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Lang {
    /// 简体中文
    #[serde(rename = "zh-Hans")]
    ZhHans,
    /// 繁體中文
    #[serde(rename = "zh-Hant")]
    ZhHant,
    /// English
    #[default]
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Reads a BCP-47-ish tag (`zh-Hans`, `zh_CN.UTF-8`, `zh-TW`, `en-GB`, …).
    /// Unknown tags give `None` so the caller decides the fallback.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase().replace('_', "-");
        if t.is_empty() || t == "c" || t == "posix" {
            return None;
        }
        if t.starts_with("zh") {
            let traditional = ["hant", "-tw", "-hk", "-mo"].iter().any(|m| t.contains(m));
            return Some(if traditional { Lang::ZhHant } else { Lang::ZhHans });
        }
        if t.starts_with("en") {
            return Some(Lang::En);
        }
        None
    }

    /// The language the environment asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find_map(|v| Lang::from_tag(&v))
            .unwrap_or_default()
    }

    /// The canonical tag, as stored in settings and sent to the UI.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }

    /// Picks one of three translations.
    pub fn pick<'a>(self, zh_hans: &'a str, zh_hant: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::ZhHans => zh_hans,
            Lang::ZhHant => zh_hant,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_tags_map_to_the_right_script() {
        assert_eq!(Lang::from_tag("zh_CN.UTF-8"), Some(Lang::ZhHans));
        assert_eq!(Lang::from_tag("zh-Hans"), Some(Lang::ZhHans));
        assert_eq!(Lang::from_tag("zh-TW"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_tag("zh_HK"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_tag("zh-Hant"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_tag("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_tag("C"), None);
        assert_eq!(Lang::from_tag("fr_FR"), None);
    }
}
