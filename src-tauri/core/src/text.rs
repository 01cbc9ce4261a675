//! Text folding and pinyin: what makes `張三`, `张三`, `zhangsan`, `zs` and `ＺＳ` find the
//! same person. Used to build the search haystack and the sort keys, and to fold queries.
//!
//! Not here: any SQL (see `search.rs`).

use pinyin::{ToPinyin, ToPinyinMulti};

/// Folds text for matching: traditional → simplified Chinese, full-width ASCII → ASCII,
/// lower case. Applied identically to stored text and to queries.
pub fn fold(s: &str) -> String {
    let simplified = fast2s::convert(s);
    simplified
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Only the digits of a phone number: `+86 139-1234-5678` → `8613912345678`.
pub fn digits(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFEE0),
            _ => None,
        })
        .collect()
}

/// True for characters the pinyin tables know (CJK ideographs).
fn is_han(c: char) -> bool {
    c.to_pinyin().is_some()
}

/// Surnames whose ordinary reading differs from the reading as a family name. Used only for
/// sort keys; search tries every reading of every character anyway.
const SURNAME_READINGS: &[(char, &str)] = &[
    ('曾', "zeng"),
    ('单', "shan"),
    ('区', "ou"),
    ('仇', "qiu"),
    ('解', "xie"),
    ('查', "zha"),
    ('朴', "piao"),
    ('乐', "yue"),
    ('缪', "miao"),
    ('覃', "qin"),
    ('盖', "ge"),
    ('尉', "yu"),
    ('秘', "bi"),
    ('召', "shao"),
    ('种', "chong"),
    ('燕', "yan"),
    ('繁', "po"),
    ('句', "gou"),
    ('员', "yun"),
    ('万', "wan"),
    ('长', "chang"),
    ('重', "chong"),
    ('沈', "shen"),
    ('翟', "zhai"),
];

/// A key that sorts names the way a Chinese reader expects: by pinyin, with Latin names
/// interleaved alphabetically (`Alice`, `陈明`, `David`, `张三`). Non-Han, non-Latin text
/// keeps its folded form after the pinyin.
pub fn sort_key(s: &str) -> String {
    let folded = fold(s.trim());
    let mut key = String::with_capacity(folded.len() * 2);
    for (i, c) in folded.chars().enumerate() {
        if i == 0 {
            if let Some((_, r)) = SURNAME_READINGS.iter().find(|(h, _)| *h == c) {
                key.push_str(r);
                key.push(' ');
                continue;
            }
        }
        match c.to_pinyin() {
            Some(p) => {
                key.push_str(p.plain());
                key.push(' ');
            }
            None => key.push(c),
        }
    }
    key
}

/// How many spelling variants of one name go into the search index at most.
const MAX_VARIANTS: usize = 12;

/// Pinyin spellings of `s` for matching: for each variant, the full spelling (`zhangsan`)
/// and the initials (`zs`). The first variant uses every character's common reading (the
/// surname reading for a name's first character, when `heteronyms`); the
/// others swap in one alternative reading at a time, so `曾国藩` yields `zengguofan`/`zgf`
/// next to `cengguofan`/`cgf`. Latin letters and digits pass through; other characters
/// split the spelling. Returns an empty list when `s` has no Han characters.
pub fn pinyin_spellings(s: &str, heteronyms: bool) -> Vec<String> {
    let folded = fold(s);
    if !folded.chars().any(is_han) {
        return Vec::new();
    }
    // readings[i] = all plain readings of char i (deduplicated), or the char itself. For a
    // name's first character the surname reading leads, so `曾国藩` spells `zengguofan` first.
    let surname = folded
        .chars()
        .next()
        .and_then(|c| SURNAME_READINGS.iter().find(|(h, _)| *h == c).map(|(_, r)| r.to_string()));
    let mut readings: Vec<Vec<String>> = folded
        .chars()
        .map(|c| match c.to_pinyin_multi() {
            Some(multi) if heteronyms => {
                let mut v: Vec<String> = Vec::new();
                for p in multi {
                    let plain = p.plain().to_string();
                    if !v.contains(&plain) {
                        v.push(plain);
                    }
                }
                v
            }
            _ => match c.to_pinyin() {
                Some(p) => vec![p.plain().to_string()],
                None => vec![c.to_string()],
            },
        })
        .collect();
    if let (Some(r), Some(first)) = (surname, readings.first_mut()) {
        if heteronyms {
            first.retain(|x| *x != r);
            first.insert(0, r);
        }
    }

    let mut choices: Vec<Vec<usize>> = vec![vec![0; readings.len()]];
    'outer: for (i, r) in readings.iter().enumerate() {
        for alt in 1..r.len() {
            if choices.len() >= MAX_VARIANTS {
                break 'outer;
            }
            let mut pick = vec![0; readings.len()];
            pick[i] = alt;
            choices.push(pick);
        }
    }

    let chars: Vec<char> = folded.chars().collect();
    let mut out = Vec::with_capacity(choices.len() * 2);
    for pick in choices {
        let mut full = String::new();
        let mut initials = String::new();
        for (i, &c) in chars.iter().enumerate() {
            if is_han(c) {
                let piece = &readings[i][pick[i]];
                full.push_str(piece);
                initials.extend(piece.chars().next());
            } else if c.is_ascii_alphanumeric() {
                full.push(c);
                initials.push(c);
            } else {
                // punctuation, spaces and other scripts end a word in both spellings
                full.push(' ');
                initials.push(' ');
            }
        }
        for s in [full, initials] {
            let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
            if !s.is_empty() && !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_and_fullwidth_fold_to_simplified_lowercase() {
        assert_eq!(fold("張三"), "张三");
        assert_eq!(fold("區家麟"), "区家麟");
        assert_eq!(fold("ＺＳ１２３"), "zs123");
        assert_eq!(fold("Wong Ka Ming"), "wong ka ming");
        assert_eq!(fold("融源印務"), "融源印务");
    }

    #[test]
    fn phone_digits_ignore_formatting() {
        assert_eq!(digits("+86 139-1234-5678"), "8613912345678");
        assert_eq!(digits("(852) 9123 4567"), "85291234567");
        assert_eq!(digits("１３９"), "139");
    }

    #[test]
    fn spellings_include_full_and_initials() {
        let s = pinyin_spellings("张三", true);
        assert!(s.contains(&"zhangsan".to_string()), "{s:?}");
        assert!(s.contains(&"zs".to_string()), "{s:?}");
    }

    #[test]
    fn surname_readings_are_found_among_heteronyms() {
        for (name, full, initials) in [
            ("曾国藩", "zengguofan", "zgf"),
            ("单田芳", "shantianfang", "stf"),
            ("区家麟", "oujialin", "ojl"),
            ("區家麟", "oujialin", "ojl"),
        ] {
            let s = pinyin_spellings(name, true);
            assert!(s.contains(&full.to_string()), "{name}: {s:?}");
            assert!(s.contains(&initials.to_string()), "{name}: {s:?}");
        }
    }

    #[test]
    fn latin_names_have_no_pinyin() {
        assert!(pinyin_spellings("John Smith", true).is_empty());
    }

    #[test]
    fn sort_keys_order_by_pinyin_and_surname_reading() {
        assert!(sort_key("曾国藩").starts_with("zeng"));
        assert!(sort_key("单田芳").starts_with("shan"));
        let mut names = vec!["张三", "Alice", "陈明", "David"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(names, vec!["Alice", "陈明", "David", "张三"]);
    }
}
