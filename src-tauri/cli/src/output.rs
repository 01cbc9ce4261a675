//! Printing results: one JSON document with `--json`, readable text otherwise, in the
//! chosen language. Errors go to stdout as `{"error": {...}}` with `--json`, else to stderr.

use clientbook_core::contacts::Contact;
use clientbook_core::groups::Group;
use clientbook_core::ranking::{Measure, Mode, RankQuery, Ranking};
use clientbook_core::{Error, Lang, Result};
use serde_json::{json, Value};

/// Prints a line on stdout; a closed pipe (`clientbook … | head`) ends the program quietly
/// instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            return Err(e.into());
        }
    }};
}

pub struct Out {
    pub json: bool,
    pub lang: Lang,
}

impl Out {
    pub fn lang_fmt(&self, zh_hans: String, zh_hant: String, en: String) -> String {
        match self.lang {
            Lang::ZhHans => zh_hans,
            Lang::ZhHant => zh_hant,
            Lang::En => en,
        }
    }

    fn t<'a>(&self, zh_hans: &'a str, zh_hant: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(zh_hans, zh_hant, en)
    }

    /// Prints `value` as JSON, or `text` for people.
    pub fn doc(&self, value: &Value, text: &str) -> Result<()> {
        if self.json {
            say!("{}", serde_json::to_string_pretty(value)?);
        } else {
            say!("{text}");
        }
        Ok(())
    }

    pub fn error(&self, e: &Error) {
        if self.json {
            let doc = json!({ "error": { "code": e.code(), "message": e.message(self.lang) } });
            println!("{doc}");
        } else {
            eprintln!("{}: {}", self.t("错误", "錯誤", "error"), e.message(self.lang));
        }
    }

    pub fn contact(&self, c: &Contact) -> Result<()> {
        if self.json {
            return self.doc(&serde_json::to_value(c)?, "");
        }
        let mut lines = vec![format!("#{}  {}", c.id, c.name)];
        let mut kv = |k: &str, v: String| {
            if !v.trim().is_empty() {
                lines.push(format!("  {k}: {v}"));
            }
        };
        kv(self.t("称呼", "稱呼", "Salutation"), c.salutation.clone());
        kv(self.t("公司", "公司", "Company"), c.company.clone());
        kv(self.t("职务", "職務", "Title"), c.title.clone());
        for (p, l) in c.phones.iter().zip(&c.phone_labels) {
            kv(self.t("电话", "電話", "Phone"), format!("{p} ({l})"));
        }
        for (e, l) in c.emails.iter().zip(&c.email_labels) {
            kv(self.t("邮箱", "郵箱", "E-mail"), format!("{e} ({l})"));
        }
        for a in &c.addresses {
            kv(self.t("地址", "地址", "Address"), format!("{} ({})", a.value, a.label));
        }
        if let Some(b) = &c.birthday {
            let cal = match b.calendar {
                clientbook_core::birthday::Calendar::Lunar => {
                    if b.leap_month {
                        self.t("农历闰月", "農曆閏月", "lunar, leap month")
                    } else {
                        self.t("农历", "農曆", "lunar")
                    }
                }
                clientbook_core::birthday::Calendar::Solar => self.t("公历", "公曆", "solar"),
            };
            kv(self.t("生日", "生日", "Birthday"), format!("{} ({cal})", b.date));
        }
        kv(self.t("分组", "分組", "Groups"), c.groups.join(", "));
        kv(self.t("标签", "標籤", "Tags"), c.tags.join(", "));
        for f in &c.fields {
            kv(&f.name, f.value.clone());
        }
        kv(self.t("备注", "備註", "Notes"), c.note.clone());
        if let Some(d) = &c.deleted_at {
            kv(self.t("已移入回收站", "已移入回收筒", "In the trash since"), d.clone());
        }
        say!("{}", lines.join("\n"));
        Ok(())
    }

    /// A list of contacts; `total` is the number of matches when the list was cut short.
    pub fn contacts(&self, list: &[Contact], total: Option<u32>) -> Result<()> {
        if self.json {
            return self.doc(&serde_json::to_value(list)?, "");
        }
        for c in list {
            let phone = c.phones.first().cloned().unwrap_or_default();
            say!("#{:<7} {:<16} {:<28} {}", c.id, c.name, c.company, phone);
        }
        let n = total.unwrap_or(list.len() as u32);
        say!(
            "{}",
            self.lang_fmt(
                format!("共 {n} 位客户"),
                format!("共 {n} 位客戶"),
                format!("{n} contact(s)")
            )
        );
        Ok(())
    }

    pub fn group(&self, g: &Group) -> Result<()> {
        let text = format!("#{} {} {} ({})", g.id, g.name, g.color, g.count);
        self.doc(&serde_json::to_value(g)?, &text)
    }

    pub fn groups(&self, list: &[Group]) -> Result<()> {
        let text = list
            .iter()
            .map(|g| format!("{:<16} {:>6}  {}", g.name, g.count, g.color))
            .collect::<Vec<_>>()
            .join("\n");
        self.doc(&serde_json::to_value(list)?, &text)
    }

    /// The ranking, headed by the concentration sentence.
    pub fn ranking(&self, r: &Ranking, q: &RankQuery) -> Result<()> {
        if self.json {
            return self.doc(&serde_json::to_value(r)?, "");
        }
        let what = match r.measure {
            Measure::Profit => self.t("利润", "利潤", "profit"),
            Measure::Revenue => self.t("销售额", "銷售額", "revenue"),
            Measure::Orders => self.t("订单", "訂單", "orders"),
        };
        let a = r.tier_counts[0];
        let pct = format!("{:.1}", r.top_share * 100.0);
        let head = match r.mode {
            Mode::Count => self.lang_fmt(
                format!("您前 {}% 的客户（{a} 位）带来了 {pct}% 的{what}。", q.a_percent),
                format!("您前 {}% 的客戶（{a} 位）帶來了 {pct}% 的{what}。", q.a_percent),
                format!("Your top {}% of clients ({a}) bring {pct}% of {what}.", q.a_percent),
            ),
            Mode::Cumulative => self.lang_fmt(
                format!("{a} 位重点客户带来了 {pct}% 的{what}。"),
                format!("{a} 位重點客戶帶來了 {pct}% 的{what}。"),
                format!("{a} A clients bring {pct}% of {what}."),
            ),
        };
        say!("{head}");
        for c in &r.clients {
            say!(
                "{:>5}  {}  {:<16} {:>14} {:>7.1}% {:>7.1}%",
                c.rank,
                c.tier,
                c.name,
                c.value.to_string(),
                c.share * 100.0,
                c.cumulative_share * 100.0
            );
        }
        Ok(())
    }
}
