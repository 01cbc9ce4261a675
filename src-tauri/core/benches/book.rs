//! Benchmarks on a generated book of 10k and 100k contacts (`demo::generate`, seed 1):
//! search (short Chinese, longer Chinese, pinyin initials and full, phone digits), a list
//! page (start and middle), a group-filtered page, and adding one contact.
//!
//! Run: `cargo bench -p clientbook-core --bench book`. The books are generated once into
//! the system temp dir and reused (100k takes ~20 s to write).

use std::path::PathBuf;
use std::time::Duration;

use clientbook_core::contacts::{self, ContactInput, Labelled, ListQuery};
use clientbook_core::search::{SearchIndex, SearchQuery};
use clientbook_core::{db, demo, groups, settings};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use rusqlite::Connection;

const SIZES: &[u32] = &[10_000, 100_000];

fn book(n: u32) -> (PathBuf, Connection) {
    let path =
        std::env::temp_dir().join(format!("clientbook-bench-{n}-v{}.db", db::SCHEMA_VERSION));
    if let Ok(conn) = db::open(&path) {
        if settings::get(&conn, "bench.generated").ok().flatten().as_deref() == Some("yes") {
            return (path, conn);
        }
    }
    let _ = std::fs::remove_file(&path);
    let mut conn = db::open(&path).expect("open bench book");
    demo::generate(&mut conn, n, 1).expect("generate");
    settings::set(&conn, "bench.generated", "yes").unwrap();
    conn.execute_batch("PRAGMA optimize; ANALYZE;").unwrap();
    (path, conn)
}

fn benches(c: &mut Criterion) {
    for &n in SIZES {
        let (path, conn) = book(n);
        let mut g = c.benchmark_group(format!("book_{n}"));
        g.warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));

        // The app keeps one index for its lifetime; this is its cold start.
        g.bench_function("search_index_load", |b| {
            b.iter(|| {
                let mut index = SearchIndex::new();
                index.refresh(&conn).unwrap();
                index
            })
        });
        let mut index = SearchIndex::new();
        for q in
            ["王", "李明", "融源印务", "zs", "zhangsan", "5678", "zhangsan@", "not-there-at-all"]
        {
            g.bench_with_input(BenchmarkId::new("search", q), &q, |b, q| {
                let query = SearchQuery { text: (*q).into(), group: None, limit: Some(200) };
                b.iter(|| index.search(&conn, &query).unwrap())
            });
        }
        g.bench_function("search_in_group/王", |b| {
            let vip = groups::require_by_name(&conn, "重要客户").unwrap();
            let query = SearchQuery { text: "王".into(), group: Some(vip), limit: Some(200) };
            b.iter(|| index.search(&conn, &query).unwrap())
        });

        g.bench_function("list_page_first", |b| {
            let q = ListQuery { limit: 200, ..Default::default() };
            b.iter(|| contacts::list(&conn, &q).unwrap())
        });
        g.bench_function("list_page_middle", |b| {
            let q = ListQuery { limit: 200, offset: n / 2, ..Default::default() };
            b.iter(|| contacts::list(&conn, &q).unwrap())
        });
        let vip = groups::require_by_name(&conn, "重要客户").unwrap();
        g.bench_function("group_filter_page", |b| {
            let q = ListQuery { group: Some(vip), limit: 200, ..Default::default() };
            b.iter(|| contacts::list(&conn, &q).unwrap())
        });
        g.bench_function("groups_with_counts", |b| b.iter(|| groups::list(&conn).unwrap()));

        // Inserts go into a copy so the shared book keeps its size.
        let copy = std::env::temp_dir().join(format!("clientbook-bench-{n}-insert.db"));
        drop(db::open(&path).unwrap());
        std::fs::copy(&path, &copy).unwrap();
        let mut wconn = db::open(&copy).unwrap();
        let mut i = 0u64;
        g.bench_function("contact_insert", |b| {
            b.iter(|| {
                i += 1;
                let input = ContactInput {
                    name: format!("测试{i}"),
                    company: "上海融源印务有限公司".into(),
                    phones: vec![Labelled { label: "mobile".into(), value: format!("139{i:08}") }],
                    group_ids: vec![vip],
                    tags: vec!["决策人".into()],
                    ..Default::default()
                };
                contacts::add(&mut wconn, &input).unwrap()
            })
        });
        g.finish();
        drop(wconn);
        let _ = std::fs::remove_file(&copy);
    }
}

criterion_group!(book_benches, benches);
criterion_main!(book_benches);
