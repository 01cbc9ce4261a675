//! The `clientbook` binary against the contract in shared/CLI.md: real process, real file.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clientbook"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("CLIENTBOOK_DB")
        .env("LANG", "C")
        .output()
        .expect("run clientbook")
}

/// Runs with `--json`, asserts success and returns the one JSON document printed.
fn ok(db: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = run(db, &all);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{args:?} failed: {stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{args:?}: not one JSON document ({e}): {stdout}"))
}

/// Runs with `--json`, asserts failure and returns the error object.
fn fails(db: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = run(db, &all);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{args:?} should fail but printed {stdout}");
    let v: Value = serde_json::from_str(&stdout).expect("error is JSON");
    v["error"].clone()
}

fn names(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect()
}

#[test]
fn contact_add_prints_the_contract_fields() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let c = ok(
        &db,
        &[
            "contact",
            "add",
            "--name",
            "张三",
            "--company",
            "上海融源印务有限公司",
            "--title",
            "总经理",
            "--phone",
            "+86 139-1234-5678",
            "--phone",
            "work:021-6543 2100",
            "--email",
            "zs@163.com",
            "--birthday",
            "--08-15",
            "--lunar",
            "--group",
            "重要客户",
            "--note",
            "喜欢普洱茶",
        ],
    );
    assert!(c["id"].is_i64());
    assert_eq!(c["name"], "张三");
    assert_eq!(c["company"], "上海融源印务有限公司");
    assert_eq!(c["title"], "总经理");
    assert_eq!(c["phones"], serde_json::json!(["+86 139-1234-5678", "021-6543 2100"]));
    assert_eq!(c["phoneLabels"], serde_json::json!(["mobile", "work"]));
    assert_eq!(c["emails"], serde_json::json!(["zs@163.com"]));
    assert_eq!(
        c["birthday"],
        serde_json::json!({"date": "--08-15", "calendar": "lunar", "leapMonth": false})
    );
    assert_eq!(c["groups"], serde_json::json!(["重要客户"]));
    assert_eq!(c["note"], "喜欢普洱茶");
    assert_eq!(c["tier"], Value::Null);
    assert_eq!(c["status"], "active");

    let id = c["id"].as_i64().unwrap().to_string();
    let shown = ok(&db, &["contact", "show", &id]);
    assert_eq!(shown, c, "show prints what add stored");
}

#[test]
fn search_finds_by_pinyin_phone_and_traditional() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    ok(&db, &["contact", "add", "--name", "张三", "--phone", "+86 139-1234-5678"]);
    ok(&db, &["contact", "add", "--name", "曾国藩", "--company", "湘军"]);
    ok(&db, &["contact", "add", "--name", "李明", "--email", "liming@example.com"]);
    assert_eq!(names(&ok(&db, &["search", "zs"])), vec!["张三"]);
    assert_eq!(names(&ok(&db, &["search", "zhangsan"])), vec!["张三"]);
    assert_eq!(names(&ok(&db, &["search", "張三"])), vec!["张三"]);
    assert_eq!(names(&ok(&db, &["search", "5678"])), vec!["张三"]);
    assert_eq!(names(&ok(&db, &["search", "zgf"])), vec!["曾国藩"]);
    assert_eq!(names(&ok(&db, &["search", "liming@"])), vec!["李明"]);
    assert_eq!(names(&ok(&db, &["search", "明"])), vec!["李明"]);
}

#[test]
fn groups_assign_filter_rename_and_delete() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let a = ok(&db, &["contact", "add", "--name", "张三"])["id"].to_string();
    let b = ok(&db, &["contact", "add", "--name", "李四"])["id"].to_string();
    ok(&db, &["contact", "add", "--name", "王五"]);
    let g = ok(&db, &["group", "add", "集团客户"]);
    assert_eq!(g["name"], "集团客户");
    assert_eq!(g["count"], 0);
    assert_eq!(fails(&db, &["group", "add", "集团客户"])["code"], "group_name_taken");
    let r = ok(&db, &["group", "assign", "集团客户", &a, &b]);
    assert_eq!(r["added"], 2);
    assert_eq!(names(&ok(&db, &["contact", "list", "--group", "集团客户"])), vec!["李四", "张三"]);
    ok(&db, &["group", "unassign", "集团客户", &b]);
    assert_eq!(names(&ok(&db, &["contact", "list", "--group", "集团客户"])), vec!["张三"]);
    ok(&db, &["group", "rename", "集团客户", "大客户"]);
    let list = ok(&db, &["group", "list"]);
    assert_eq!(list[0]["name"], "大客户");
    assert_eq!(list[0]["count"], 1);
    ok(&db, &["group", "delete", "大客户"]);
    assert_eq!(ok(&db, &["group", "list"]), serde_json::json!([]));
    assert_eq!(
        names(&ok(&db, &["contact", "list"])).len(),
        3,
        "deleting a group keeps its contacts"
    );
    assert_eq!(fails(&db, &["contact", "list", "--group", "没有这个组"])["code"], "not_found");
    assert_eq!(
        ok(&db, &["contact", "list", "--tier", "A"]),
        serde_json::json!([]),
        "no tiers before ranking"
    );
}

#[test]
fn delete_goes_to_trash_and_restore_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let id = ok(&db, &["contact", "add", "--name", "张三"])["id"].to_string();
    let trashed = ok(&db, &["contact", "delete", &id]);
    assert!(trashed["deletedAt"].is_string());
    assert!(names(&ok(&db, &["contact", "list"])).is_empty());
    assert_eq!(names(&ok(&db, &["contact", "list", "--trash"])), vec!["张三"]);
    assert!(names(&ok(&db, &["search", "张三"])).is_empty(), "trashed contacts are not found");
    let back = ok(&db, &["contact", "restore", &id]);
    assert_eq!(back["deletedAt"], Value::Null);
    assert_eq!(names(&ok(&db, &["contact", "list"])), vec!["张三"]);
}

#[test]
fn bad_input_is_a_clear_error_in_the_chosen_language_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let e = fails(&db, &["contact", "add", "--name", "  "]);
    assert_eq!(e["code"], "invalid_input");
    let e = fails(
        &db,
        &["--lang", "zh-Hans", "contact", "add", "--name", "李四", "--birthday", "1990-02-30"],
    );
    assert!(e["message"].as_str().unwrap().contains("不是有效日期"), "{e}");
    let e = fails(
        &db,
        &[
            "--lang",
            "zh-Hant",
            "contact",
            "add",
            "--name",
            "李四",
            "--birthday",
            "2024-02-10",
            "--lunar",
            "--leap-month",
        ],
    );
    assert!(e["message"].as_str().unwrap().contains("農曆"), "{e}");
    // A refused contact must not leave behind the group it named.
    let e =
        fails(&db, &["contact", "add", "--name", "李四", "--email", "nope", "--group", "新分组"]);
    assert_eq!(e["code"], "invalid_input");
    assert_eq!(ok(&db, &["group", "list"]), serde_json::json!([]));
    assert_eq!(ok(&db, &["contact", "list"]), serde_json::json!([]));
    assert_eq!(fails(&db, &["contact", "show", "999"])["code"], "not_found");

    // Without --json the error goes to stderr, in the language asked for.
    let out = run(&db, &["--lang", "en", "contact", "add", "--name", ""]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Name is required"));
}

#[test]
fn long_notes_and_emoji_survive_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let note: String = "客户偏好🙂 mixed 文字 ".chars().cycle().take(10_000).collect();
    let c = ok(&db, &["contact", "add", "--name", "王😀 Wáng", "--note", &note]);
    assert_eq!(c["note"].as_str().unwrap(), note);
    assert_eq!(c["name"], "王😀 Wáng");
}

#[test]
fn edit_changes_only_what_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let c = ok(
        &db,
        &["contact", "add", "--name", "张三", "--company", "甲公司", "--phone", "13912345678"],
    );
    let id = c["id"].to_string();
    let e = ok(&db, &["contact", "edit", &id, "--company", "乙公司", "--group", "朋友"]);
    assert_eq!(e["company"], "乙公司");
    assert_eq!(e["phones"], serde_json::json!(["13912345678"]));
    assert_eq!(e["groups"], serde_json::json!(["朋友"]));
}

#[test]
fn demo_writes_a_searchable_book_and_a_missing_file_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sub").join("demo.db");
    let s = ok(&db, &["demo", "--contacts", "300", "--seed", "42"]);
    assert_eq!(s["contacts"], 300);
    assert!(db.exists());
    let all = ok(&db, &["contact", "list"]);
    assert_eq!(all.as_array().unwrap().len(), 300);
    let lunar =
        all.as_array().unwrap().iter().filter(|c| c["birthday"]["calendar"] == "lunar").count();
    assert!(lunar > 10, "demo has lunar birthdays ({lunar})");
    let groups = ok(&db, &["group", "list"]);
    assert!(groups.as_array().unwrap().len() >= 5);
    assert!(!ok(&db, &["search", "王"]).as_array().unwrap().is_empty());
    // Same seed, same book.
    let db2 = dir.path().join("demo2.db");
    ok(&db2, &["demo", "--contacts", "300", "--seed", "42"]);
    assert_eq!(names(&ok(&db2, &["contact", "list"])), names(&all));
}

#[test]
fn custom_fields_status_and_empty_trash() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let f = ok(
        &db,
        &["field", "add", "会员等级", "--kind", "choice", "--choice", "金", "--choice", "银"],
    );
    assert_eq!(f["kind"], "choice");
    ok(&db, &["field", "add", "年采购额", "--kind", "number"]);
    assert_eq!(fails(&db, &["field", "add", "会员等级"])["code"], "field_name_taken");
    let c = ok(
        &db,
        &[
            "contact",
            "add",
            "--name",
            "张三",
            "--field",
            "会员等级=金",
            "--field",
            "年采购额=1234.50",
            "--status",
            "prospect",
        ],
    );
    assert_eq!(c["status"], "prospect");
    assert_eq!(c["fields"][0]["name"], "会员等级");
    assert_eq!(c["fields"][0]["value"], "金");
    assert_eq!(c["fields"][1]["value"], "1234.50");
    let e = fails(&db, &["contact", "add", "--name", "李四", "--field", "会员等级=铜"]);
    assert_eq!(e["code"], "invalid_input");
    assert_eq!(
        fails(&db, &["contact", "add", "--name", "李四", "--field", "没有=1"])["code"],
        "not_found"
    );
    let id = c["id"].to_string();
    let e = ok(&db, &["contact", "edit", &id, "--field", "会员等级=", "--status", "lost"]);
    assert_eq!(e["fields"].as_array().unwrap().len(), 1, "an empty value clears the field");
    assert_eq!(e["status"], "lost");
    ok(&db, &["field", "delete", "年采购额"]);
    assert_eq!(ok(&db, &["contact", "show", &id])["fields"], serde_json::json!([]));
    ok(&db, &["contact", "delete", &id]);
    assert_eq!(ok(&db, &["contact", "empty-trash"])["purged"], 1);
    assert_eq!(fails(&db, &["contact", "show", &id])["code"], "not_found");
}

#[test]
fn orders_and_the_rank_contract() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let ids: Vec<String> = ["张三", "李四", "王五", "赵六", "钱七"]
        .iter()
        .map(|n| ok(&db, &["contact", "add", "--name", n])["id"].to_string())
        .collect();
    for (id, profit) in ids.iter().zip(["500", "300", "100.25", "50", "0.75"]) {
        let o = ok(
            &db,
            &[
                "order",
                "add",
                "--contact",
                id,
                "--amount",
                "1000",
                "--profit",
                profit,
                "--date",
                "2026-06-01",
            ],
        );
        assert_eq!(o["profit"], profit, "money comes back exactly as a string");
        assert_eq!(o["status"], "won");
    }
    ok(
        &db,
        &[
            "order",
            "add",
            "--contact",
            &ids[4],
            "--amount",
            "9999",
            "--profit",
            "9999",
            "--date",
            "2026-06-01",
            "--status",
            "cancelled",
        ],
    );
    let r = ok(&db, &["rank", "--as-of", "2026-11-23"]);
    assert_eq!(r["asOf"], "2026-11-23");
    assert_eq!(r["measure"], "profit");
    assert_eq!(r["total"], "951.00");
    let clients = r["clients"].as_array().unwrap();
    let first = &clients[0];
    for key in ["contactId", "name", "rank", "value", "share", "cumulativeShare", "tier"] {
        assert!(first.get(key).is_some(), "rank client lacks {key}: {first}");
    }
    assert_eq!(first["name"], "张三");
    assert_eq!(first["value"], "500");
    assert_eq!(first["tier"], "A");
    assert_eq!(clients[4]["tier"], "C", "the cancelled 9999 does not count");
    let tiers: String = clients.iter().map(|c| c["tier"].as_str().unwrap()).collect();
    assert_eq!(tiers, "ABBBC");
    assert!((r["topShare"].as_f64().unwrap() - 500.0 / 951.0).abs() < 1e-6);
    let cumulative = ok(&db, &["rank", "--as-of", "2026-11-23", "--mode", "cumulative"]);
    let tiers: String = cumulative["clients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["tier"].as_str().unwrap())
        .collect();
    // Shares before each: 0, 52.6%, 84.1%, 94.6%, 99.9% → A A B B C.
    assert_eq!(tiers, "AABBC");
    let revenue = ok(&db, &["rank", "--as-of", "2026-11-23", "--measure", "revenue"]);
    assert_eq!(revenue["total"], "5000");
    let outside = ok(&db, &["rank", "--as-of", "2026-11-23", "--window-days", "30"]);
    assert_eq!(outside["total"], "0", "June is outside a 30-day window");
    assert_eq!(
        fails(&db, &["order", "add", "--contact", &ids[0], "--amount", "abc"])["code"],
        "invalid_input"
    );
    assert_eq!(fails(&db, &["rank", "--measure", "vibes"])["code"], "invalid_input");
    let listed = ok(&db, &["order", "list", "--contact", &ids[4]]);
    assert_eq!(listed.as_array().unwrap().len(), 2);
}
