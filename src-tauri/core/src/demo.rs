//! The demo book: a realistic synthetic set of contacts for trying the app and for the
//! benchmarks. Same `seed`, same book. Word lists live in `assets/demo/`.
//!
//! Mostly mainland Chinese names and companies, some English and Cantonese (traditional
//! characters, Hong Kong numbers) ones; phones in the formats people really type; solar and
//! lunar birthdays with and without a year; tags, notes and groups.

use rand::{seq::IndexedRandom, Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::Connection;
use serde::Serialize;

use crate::birthday::{Birthday, Calendar};
use crate::contacts::{self, ContactInput, Labelled, Status};
use crate::db::with_tx;
use crate::error::Result;
use crate::groups;
use crate::ids::GroupId;

const SURNAMES: &str = include_str!("../../../assets/demo/surnames.txt");
const GIVEN: &str = include_str!("../../../assets/demo/given.txt");
const COMPANIES: &str = include_str!("../../../assets/demo/companies.txt");
const FOREIGN: &str = include_str!("../../../assets/demo/foreign.txt");

/// The demo's groups and their colours.
const GROUPS: &[(&str, &str)] = &[
    ("重要客户", "#ef4444"),
    ("普通客户", "#3b82f6"),
    ("集团客户", "#8b5cf6"),
    ("潜在客户", "#f59e0b"),
    ("老客户", "#10b981"),
    ("朋友", "#ec4899"),
    ("家人", "#14b8a6"),
];
const TITLES: &[&str] = &[
    "总经理",
    "采购经理",
    "财务总监",
    "董事长",
    "销售主管",
    "行政主管",
    "技术总监",
    "副总经理",
    "店长",
    "项目经理",
];
const TAGS: &[&str] = &[
    "喜欢喝茶",
    "高尔夫",
    "不喝酒",
    "决策人",
    "技术背景",
    "价格敏感",
    "重视服务",
    "爱钓鱼",
    "有孩子在读书",
    "常出差",
];
const NOTES: &[&str] = &[
    "偏好下午电话联系，周一上午开会不便打扰。",
    "对交货期要求严格，价格可以谈。",
    "喜欢普洱茶，逢年过节可以送茶叶。",
    "女儿明年高考，聊天时可以关心一下。",
    "每年三月做预算，二月前要把方案送到。",
    "Prefers e-mail over phone calls; replies in the evening.",
    "重视售后服务，上次投诉过一次物流延误。",
    "",
    "",
];
const MAIL_DOMAINS: &[&str] =
    &["163.com", "qq.com", "126.com", "sina.com", "outlook.com", "gmail.com"];

/// What the generator wrote.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoSummary {
    pub contacts: u32,
    pub groups: u32,
}

fn words(src: &str) -> Vec<&str> {
    src.lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace).collect()
}

/// The words under `[section]` in a sectioned list file.
fn section<'a>(src: &'a str, name: &str) -> Vec<&'a str> {
    let header = format!("[{name}]");
    src.lines()
        .skip_while(|l| l.trim() != header)
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .flat_map(str::split_whitespace)
        .collect()
}

struct Words<'a> {
    surnames: Vec<&'a str>,
    given: Vec<&'a str>,
    cities: Vec<&'a str>,
    brand: Vec<&'a str>,
    kinds: Vec<&'a str>,
    english: Vec<&'a str>,
    english_last: Vec<&'a str>,
    cantonese: Vec<(&'a str, &'a str)>,
    hk_companies: Vec<&'a str>,
}

impl Words<'static> {
    fn load() -> Self {
        // Cantonese lines are `漢字:Romanised Name` pairs separated by spaces inside the
        // romanisation, so split on the CJK/colon boundary instead of whitespace.
        let cantonese_line =
            FOREIGN.lines().skip_while(|l| l.trim() != "[cantonese]").nth(1).unwrap_or_default();
        let mut cantonese = Vec::new();
        let mut rest = cantonese_line;
        while let Some((han, tail)) = rest.split_once(':') {
            let han = han.trim();
            let end = tail.find(|c: char| !c.is_ascii()).unwrap_or(tail.len());
            cantonese.push((han, tail[..end].trim()));
            rest = &tail[end..];
        }
        let hk_line =
            FOREIGN.lines().skip_while(|l| l.trim() != "[hk-companies]").nth(1).unwrap_or_default();
        // Company names contain spaces ("Pacific Trading Ltd"); each ends with 公司 or Ltd.
        let mut hk_companies = Vec::new();
        let mut start = 0;
        for (i, _) in hk_line.char_indices() {
            let tail = &hk_line[..i];
            if tail.ends_with("公司") || tail.ends_with("Ltd") {
                hk_companies.push(hk_line[start..i].trim());
                start = i;
            }
        }
        if hk_line[start..].trim().len() > 1 {
            hk_companies.push(hk_line[start..].trim());
        }
        Words {
            surnames: words(SURNAMES),
            given: words(GIVEN),
            cities: section(COMPANIES, "cities"),
            brand: section(COMPANIES, "words"),
            kinds: section(COMPANIES, "kinds"),
            english: section(FOREIGN, "english"),
            english_last: section(FOREIGN, "english-last"),
            cantonese,
            hk_companies,
        }
    }
}

fn mainland_mobile(rng: &mut ChaCha8Rng) -> String {
    let prefix =
        ["139", "138", "137", "186", "158", "150", "177", "135", "189", "131"].choose(rng).unwrap();
    let a: u32 = rng.random_range(0..10000);
    let b: u32 = rng.random_range(0..10000);
    match rng.random_range(0..4) {
        0 => format!("+86 {prefix}-{a:04}-{b:04}"),
        1 => format!("{prefix} {a:04} {b:04}"),
        2 => format!("{prefix}{a:04}{b:04}"),
        _ => format!("+86 {prefix} {a:04} {b:04}"),
    }
}

fn birthday(rng: &mut ChaCha8Rng) -> Option<Birthday> {
    if rng.random_bool(0.3) {
        return None;
    }
    let lunar = rng.random_bool(0.25);
    let with_year = rng.random_bool(0.7);
    let year: i32 = rng.random_range(1950..2002);
    let month: u32 = rng.random_range(1..=12);
    let day: u32 = rng.random_range(1..=if lunar { 29 } else { 28 });
    let date = if with_year {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("--{month:02}-{day:02}")
    };
    let calendar = if lunar { Calendar::Lunar } else { Calendar::Solar };
    let mut b = Birthday { date, calendar, leap_month: false };
    // Now and then someone born in a leap month, where that year had one.
    if lunar && with_year && rng.random_bool(0.1) {
        b.leap_month = true;
        if b.validate().is_err() {
            b.leap_month = false;
        }
    }
    Some(b)
}

fn one_contact(rng: &mut ChaCha8Rng, w: &Words, group_ids: &[GroupId]) -> ContactInput {
    let kind = rng.random_range(0..100);
    let mut c = ContactInput { status: Status::Active, ..Default::default() };
    let mut phones = Vec::new();
    let mut emails = Vec::new();
    let local_part;
    if kind < 85 {
        let surname = *w.surnames.choose(rng).unwrap();
        let n = if rng.random_bool(0.7) { 2 } else { 1 };
        let given: String = (0..n).map(|_| *w.given.choose(rng).unwrap()).collect();
        c.name = format!("{surname}{given}");
        c.salutation =
            format!("{surname}{}", ["总", "经理", "姐", "哥", "老师", "工"].choose(rng).unwrap());
        c.company = format!(
            "{}{}{}",
            w.cities.choose(rng).unwrap(),
            w.brand.choose(rng).unwrap(),
            w.kinds.choose(rng).unwrap()
        );
        c.title = TITLES.choose(rng).unwrap().to_string();
        phones.push(Labelled { label: "mobile".into(), value: mainland_mobile(rng) });
        if rng.random_bool(0.3) {
            let area = ["010", "021", "020", "0755", "0571", "025"].choose(rng).unwrap();
            let n: u32 = rng.random_range(10_000_000..99_999_999);
            phones.push(Labelled { label: "work".into(), value: format!("{area}-{n}") });
        }
        local_part = crate::text::pinyin_spellings(&c.name, true)
            .into_iter()
            .next()
            .unwrap_or_else(|| "client".into());
    } else if kind < 93 {
        let (han, roman) = *w.cantonese.choose(rng).unwrap();
        c.name = han.to_string();
        c.salutation = format!("{}生", han.chars().next().unwrap());
        c.company = w.hk_companies.choose(rng).unwrap().to_string();
        c.title = ["經理", "董事", "Director", "採購主任"].choose(rng).unwrap().to_string();
        let n: u32 = rng.random_range(5000_0000..9999_9999);
        phones.push(Labelled {
            label: "mobile".into(),
            value: format!("+852 {} {}", n / 10000, n % 10000),
        });
        local_part = roman.to_ascii_lowercase().replace(' ', ".");
    } else {
        let first = *w.english.choose(rng).unwrap();
        let last = *w.english_last.choose(rng).unwrap();
        c.name = format!("{first} {last}");
        c.salutation = format!("{} {last}", ["Mr", "Ms", "Dr"].choose(rng).unwrap());
        c.company = w.hk_companies.choose(rng).unwrap().to_string();
        c.title = ["Purchasing Manager", "CEO", "Sales Director"].choose(rng).unwrap().to_string();
        phones.push(Labelled {
            label: "mobile".into(),
            value: format!("+1 415 555 {:04}", rng.random_range(0..10000)),
        });
        local_part = format!("{}.{}", first.to_ascii_lowercase(), last.to_ascii_lowercase());
    }
    let n: u32 = rng.random_range(1..1000);
    emails.push(Labelled {
        label: "work".into(),
        value: format!("{local_part}{n}@{}", MAIL_DOMAINS.choose(rng).unwrap()),
    });
    c.phones = phones;
    c.emails = emails;
    if rng.random_bool(0.4) {
        c.addresses.push(Labelled {
            label: "office".into(),
            value: format!(
                "{}市 {}路 {} 号",
                w.cities.choose(rng).unwrap(),
                w.brand.choose(rng).unwrap(),
                rng.random_range(1..500)
            ),
        });
    }
    c.birthday = birthday(rng);
    c.note = NOTES.choose(rng).unwrap().to_string();
    let ntags = rng.random_range(0..3);
    c.tags = TAGS.choose_multiple(rng, ntags).map(|t| t.to_string()).collect();
    let ngroups = rng.random_range(0..3);
    c.group_ids = group_ids.choose_multiple(rng, ngroups).copied().collect();
    c.group_ids.sort();
    c.status = match rng.random_range(0..20) {
        0 => Status::Prospect,
        1 => Status::Lost,
        _ => Status::Active,
    };
    c
}

/// Adds `contacts` synthetic contacts (and the demo groups, reusing any that exist) in one
/// transaction.
pub fn generate(conn: &mut Connection, contacts: u32, seed: u64) -> Result<DemoSummary> {
    let w = Words::load();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut group_ids = Vec::new();
    for (name, color) in GROUPS {
        let id = match groups::find_by_name(conn, name)? {
            Some(id) => id,
            None => groups::create(conn, name, Some(color))?.id,
        };
        group_ids.push(id);
    }
    with_tx(conn, |tx| {
        for _ in 0..contacts {
            let c = one_contact(&mut rng, &w, &group_ids);
            contacts::insert(tx, &c)?;
        }
        Ok(())
    })?;
    Ok(DemoSummary { contacts, groups: group_ids.len() as u32 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_book_and_every_contact_is_valid() {
        let w = Words::load();
        assert!(w.cantonese.len() >= 10, "{:?}", w.cantonese);
        assert!(w.hk_companies.contains(&"Pacific Trading Ltd"), "{:?}", w.hk_companies);
        let gids = [GroupId(1), GroupId(2)];
        let mut a = ChaCha8Rng::seed_from_u64(7);
        let mut b = ChaCha8Rng::seed_from_u64(7);
        let conn = crate::db::open_in_memory().unwrap();
        for _ in 0..500 {
            let x = one_contact(&mut a, &w, &gids);
            assert_eq!(x, one_contact(&mut b, &w, &gids));
            let mut y = x.clone();
            y.group_ids.clear();
            contacts::normalize(&conn, &y).unwrap_or_else(|e| panic!("{x:?}: {e}"));
        }
    }
}
