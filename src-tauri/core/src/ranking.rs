//! The 80/20 ranking: each client's value over a window, clients sorted by it, their share
//! and cumulative share, and tiers A (keep and grow), B (maintain), C (reconsider).
//!
//! Rules, exactly:
//! - An order counts when its status is `won` and `as_of - window_days < date <= as_of`.
//! - Ranked clients are the live (not trashed) contacts that are not `lost`; a client
//!   without orders in the window has value 0 and is ranked too.
//! - Order: value descending, ties by contact id ascending (deterministic).
//! - Count mode: with N ranked, A is the first round(N × a%) and C the last
//!   round(N × c%) (halves round up; C shrinks if the two would overlap); B is between.
//! - Cumulative mode: a client is A while the share before him is under 80%, B while
//!   under 95%, else C; a client whose value is not positive is always C.
//!
//! Money is summed as `Decimal` (SQLite's SUM would go through floating point).
//! Not here: storing snapshots of tiers over time (a later change).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Invalid, Result};
use crate::ids::ContactId;
use crate::money::Money;

/// What "value" means for the user's industry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// Sum of gross profit of won orders (unknown profit counts 0).
    #[default]
    Profit,
    /// Sum of amounts of won orders.
    Revenue,
    /// Number of won orders.
    Orders,
}

impl Measure {
    pub fn parse(s: &str) -> Option<Measure> {
        match s {
            "profit" => Some(Measure::Profit),
            "revenue" => Some(Measure::Revenue),
            "orders" => Some(Measure::Orders),
            _ => None,
        }
    }
}

/// How tiers are cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// By head count: top a% and bottom c% of ranked clients.
    #[default]
    Count,
    /// By cumulative value: A up to 80%, B up to 95%.
    Cumulative,
}

impl Mode {
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "count" => Some(Mode::Count),
            "cumulative" => Some(Mode::Cumulative),
            _ => None,
        }
    }
}

/// What to rank by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RankQuery {
    pub measure: Measure,
    pub mode: Mode,
    /// The last day of the window.
    pub as_of: NaiveDate,
    pub window_days: u32,
    /// Count mode: share of ranked clients in A and in C, in percent.
    pub a_percent: u32,
    pub c_percent: u32,
}

impl RankQuery {
    /// Defaults: profit, count mode, the trailing 365 days up to `as_of`, 20% / 20%.
    pub fn new(as_of: NaiveDate) -> Self {
        RankQuery {
            measure: Measure::Profit,
            mode: Mode::Count,
            as_of,
            window_days: 365,
            a_percent: 20,
            c_percent: 20,
        }
    }
}

/// One ranked client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RankedClient {
    pub contact_id: ContactId,
    pub name: String,
    /// 1 = most valuable.
    pub rank: u32,
    /// Exact value: money as a decimal string; for `orders`, the count as a string.
    pub value: Money,
    /// value / total (0 when the total is not positive).
    pub share: f64,
    pub cumulative_share: f64,
    /// "A", "B" or "C".
    pub tier: String,
}

/// The whole ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Ranking {
    pub as_of: String,
    pub measure: Measure,
    pub mode: Mode,
    pub window_days: u32,
    /// Sum of all ranked clients' values.
    pub total: Money,
    /// Share of the total held by tier A (the concentration figure).
    pub top_share: f64,
    /// How many clients are in A, B and C.
    pub tier_counts: [u32; 3],
    pub clients: Vec<RankedClient>,
}

/// Rounds `n × percent / 100` with halves up.
fn head_count(n: u32, percent: u32) -> u32 {
    ((n as u64 * percent as u64 * 2 + 100) / 200) as u32
}

fn ratio(part: Decimal, total: Decimal) -> f64 {
    if total <= Decimal::ZERO {
        return 0.0;
    }
    (part / total).round_dp(6).to_f64().unwrap_or(0.0)
}

/// Ranks the book.
pub fn rank(conn: &Connection, q: &RankQuery) -> Result<Ranking> {
    if q.a_percent + q.c_percent > 100 {
        return Err(Error::invalid(
            "percent",
            Invalid::Malformed {
                value: format!("{} + {}", q.a_percent, q.c_percent),
                expected: "A% + C% at most 100",
            },
        ));
    }
    if q.window_days == 0 {
        return Err(Error::invalid(
            "window",
            Invalid::Malformed { value: "0".into(), expected: "at least 1 day" },
        ));
    }
    let from = q.as_of - chrono::Duration::days(q.window_days as i64);
    let mut values: HashMap<ContactId, Decimal> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT contact_id, amount, profit FROM orders
         WHERE status = 'won' AND date > ?1 AND date <= ?2",
    )?;
    let mut rows = stmt.query((from.to_string(), q.as_of.to_string()))?;
    while let Some(r) = rows.next()? {
        let id: ContactId = r.get(0)?;
        let add = match q.measure {
            Measure::Revenue => r.get::<_, Money>(1)?.0,
            Measure::Profit => r.get::<_, Option<Money>>(2)?.map_or(Decimal::ZERO, |m| m.0),
            Measure::Orders => Decimal::ONE,
        };
        *values.entry(id).or_default() += add;
    }

    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM contacts WHERE deleted_at IS NULL AND status != 'lost'",
    )?;
    let mut clients: Vec<(ContactId, String, Decimal)> = stmt
        .query_map([], |r| Ok((r.get::<_, ContactId>(0)?, r.get::<_, String>(1)?)))?
        .map(|r| r.map(|(id, name)| (id, name, values.get(&id).copied().unwrap_or_default())))
        .collect::<rusqlite::Result<_>>()?;
    clients.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));

    let n = clients.len() as u32;
    let total: Decimal = clients.iter().map(|c| c.2).sum();
    let a = head_count(n, q.a_percent);
    let c = head_count(n, q.c_percent).min(n - a);
    let mut cumulative = Decimal::ZERO;
    let mut out = Vec::with_capacity(clients.len());
    let mut counts = [0u32; 3];
    let mut top = Decimal::ZERO;
    for (i, (id, name, value)) in clients.into_iter().enumerate() {
        let rank = i as u32 + 1;
        // Exact comparison of the share before this client: before/total < p  ⇔  before·100 < total·p.
        let before_under = |p: i64| cumulative * Decimal::from(100) < total * Decimal::from(p);
        let (under_80, under_95) = (before_under(80), before_under(95));
        cumulative += value;
        let tier = match q.mode {
            Mode::Count if rank <= a => 0,
            Mode::Count if rank > n - c => 2,
            Mode::Count => 1,
            Mode::Cumulative if value <= Decimal::ZERO || total <= Decimal::ZERO => 2,
            Mode::Cumulative if under_80 => 0,
            Mode::Cumulative if under_95 => 1,
            Mode::Cumulative => 2,
        };
        counts[tier] += 1;
        if tier == 0 {
            top += value;
        }
        out.push(RankedClient {
            contact_id: id,
            name,
            rank,
            value: Money(value),
            share: ratio(value, total),
            cumulative_share: ratio(cumulative, total),
            tier: ["A", "B", "C"][tier].to_string(),
        });
    }
    Ok(Ranking {
        as_of: q.as_of.to_string(),
        measure: q.measure,
        mode: q.mode,
        window_days: q.window_days,
        total: Money(total),
        top_share: ratio(top, total),
        tier_counts: counts,
        clients: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contacts::{self, ContactInput, Status};
    use crate::in_memory_db;
    use crate::orders::{self, OrderInput, OrderStatus};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn client(conn: &mut Connection, name: &str) -> ContactId {
        contacts::add(conn, &ContactInput { name: name.into(), ..Default::default() }).unwrap().id
    }

    fn sale(
        conn: &Connection,
        id: ContactId,
        date: &str,
        amount: &str,
        profit: &str,
        status: OrderStatus,
    ) {
        orders::add(
            conn,
            &OrderInput {
                contact_id: Some(id),
                date: date.into(),
                amount: amount.into(),
                profit: profit.into(),
                status,
                ..Default::default()
            },
        )
        .unwrap();
    }

    /// A book of `n` clients where client i (1-based) has profit i×10 on 2026-06-01.
    fn book(n: u32) -> (Connection, Vec<ContactId>) {
        let mut conn = in_memory_db();
        let mut ids = Vec::new();
        for i in 1..=n {
            let id = client(&mut conn, &format!("客户{i:03}"));
            sale(
                &conn,
                id,
                "2026-06-01",
                &format!("{}", i * 100),
                &format!("{}", i * 10),
                OrderStatus::Won,
            );
            ids.push(id);
        }
        (conn, ids)
    }

    fn tiers(r: &Ranking) -> String {
        r.clients.iter().map(|c| c.tier.as_str()).collect()
    }

    #[test]
    fn count_mode_tier_boundaries_at_5_10_11_and_50() {
        let q = RankQuery::new(day("2026-11-23"));
        for (n, want) in [
            (5, "ABBBC"),
            (10, "AABBBBBBCC"),
            // 20% of 11 is 2.2 → 2 in A and 2 in C.
            (11, "AABBBBBBBCC"),
        ] {
            let (conn, _) = book(n);
            assert_eq!(tiers(&rank(&conn, &q).unwrap()), want, "N = {n}");
        }
        let (conn, _) = book(50);
        let r = rank(&conn, &q).unwrap();
        assert_eq!(r.tier_counts, [10, 30, 10]);
        assert_eq!(r.clients[9].tier, "A");
        assert_eq!(r.clients[10].tier, "B");
        assert_eq!(r.clients[39].tier, "B");
        assert_eq!(r.clients[40].tier, "C");
        // Top 10 of 1..=50 ×10: (41+…+50)×10 = 4550 of 12750.
        assert_eq!(r.total.to_string(), "12750");
        assert_eq!(r.top_share, 0.356863);
        assert_eq!(r.clients[0].value.to_string(), "500");
        assert_eq!(r.clients[49].cumulative_share, 1.0);
    }

    #[test]
    fn ties_break_by_contact_id_and_zero_value_clients_rank_last() {
        let mut conn = in_memory_db();
        let a = client(&mut conn, "甲");
        let b = client(&mut conn, "乙");
        let c = client(&mut conn, "丙");
        let idle = client(&mut conn, "丁");
        for id in [b, a, c] {
            sale(&conn, id, "2026-05-01", "100", "30", OrderStatus::Won);
        }
        let r = rank(&conn, &RankQuery::new(day("2026-11-23"))).unwrap();
        let order: Vec<ContactId> = r.clients.iter().map(|c| c.contact_id).collect();
        assert_eq!(order, vec![a, b, c, idle]);
        assert_eq!(r.clients[3].value.to_string(), "0");
        assert_eq!(r.clients[3].share, 0.0);
    }

    #[test]
    fn only_won_orders_inside_the_window_count() {
        let mut conn = in_memory_db();
        let x = client(&mut conn, "张三");
        let as_of = "2026-11-23";
        sale(&conn, x, "2026-11-23", "100", "10", OrderStatus::Won); // on as_of: counts
        sale(&conn, x, "2025-11-24", "100", "20", OrderStatus::Won); // as_of − 364: counts
        sale(&conn, x, "2025-11-23", "100", "40", OrderStatus::Won); // as_of − 365: out
        sale(&conn, x, "2026-11-24", "100", "80", OrderStatus::Won); // after as_of: out
        sale(&conn, x, "2026-10-01", "100", "160", OrderStatus::Cancelled);
        sale(&conn, x, "2026-10-01", "100", "320", OrderStatus::Open);
        let r = rank(&conn, &RankQuery::new(day(as_of))).unwrap();
        assert_eq!(r.clients[0].value.to_string(), "30");
        let revenue =
            rank(&conn, &RankQuery { measure: Measure::Revenue, ..RankQuery::new(day(as_of)) })
                .unwrap();
        assert_eq!(revenue.clients[0].value.to_string(), "200");
        let count =
            rank(&conn, &RankQuery { measure: Measure::Orders, ..RankQuery::new(day(as_of)) })
                .unwrap();
        assert_eq!(count.clients[0].value.to_string(), "2");
        let short =
            rank(&conn, &RankQuery { window_days: 1, ..RankQuery::new(day(as_of)) }).unwrap();
        assert_eq!(short.clients[0].value.to_string(), "10");
    }

    #[test]
    fn lost_and_trashed_clients_leave_the_ranking() {
        let (mut conn, ids) = book(5);
        let mut lost = contacts::get(&conn, ids[4]).unwrap().to_input();
        lost.status = Status::Lost;
        contacts::update(&mut conn, ids[4], &lost).unwrap();
        contacts::trash(&mut conn, &[ids[3]]).unwrap();
        let r = rank(&conn, &RankQuery::new(day("2026-11-23"))).unwrap();
        assert_eq!(r.clients.len(), 3);
        assert!(r.clients.iter().all(|c| c.contact_id != ids[4] && c.contact_id != ids[3]));
    }

    #[test]
    fn negative_profit_sorts_last_and_is_never_a_cumulative_a() {
        let mut conn = in_memory_db();
        let good = client(&mut conn, "好");
        let bad = client(&mut conn, "亏");
        sale(&conn, good, "2026-06-01", "1000", "300", OrderStatus::Won);
        sale(&conn, bad, "2026-06-01", "1000", "-50", OrderStatus::Won);
        let q = RankQuery { mode: Mode::Cumulative, ..RankQuery::new(day("2026-11-23")) };
        let r = rank(&conn, &q).unwrap();
        assert_eq!(r.clients[1].contact_id, bad);
        assert_eq!(r.clients[1].value.to_string(), "-50");
        assert_eq!(r.total.to_string(), "250");
        assert_eq!(tiers(&r), "AC");
    }

    #[test]
    fn cumulative_mode_cuts_at_80_and_95_percent() {
        // Profits 50, 30, 10, 6, 4 (total 100): shares before each: 0, 50, 80, 90, 96.
        let mut conn = in_memory_db();
        for (i, p) in ["50", "30", "10", "6", "4"].iter().enumerate() {
            let id = client(&mut conn, &format!("客户{i}"));
            sale(&conn, id, "2026-06-01", "1", p, OrderStatus::Won);
        }
        let q = RankQuery { mode: Mode::Cumulative, ..RankQuery::new(day("2026-11-23")) };
        let r = rank(&conn, &q).unwrap();
        assert_eq!(tiers(&r), "AABBC");
        assert_eq!(r.top_share, 0.8);
    }

    #[test]
    fn decimal_sums_do_not_drift() {
        let mut conn = in_memory_db();
        let id = client(&mut conn, "张三");
        let tx = conn.transaction().unwrap();
        for _ in 0..5_000 {
            sale(&tx, id, "2026-06-01", "0.1", "0.1", OrderStatus::Won);
            sale(&tx, id, "2026-06-01", "0.2", "0.2", OrderStatus::Won);
        }
        tx.commit().unwrap();
        let r = rank(&conn, &RankQuery::new(day("2026-11-23"))).unwrap();
        assert_eq!(
            r.clients[0].value.to_string(),
            "1500.0",
            "0.1 + 0.2 five thousand times, exactly"
        );
    }

    #[test]
    fn bad_orders_are_refused() {
        let mut conn = in_memory_db();
        let id = client(&mut conn, "张三");
        let base = OrderInput {
            contact_id: Some(id),
            date: "2026-01-01".into(),
            amount: "10".into(),
            ..Default::default()
        };
        for (o, field) in [
            (OrderInput { amount: "十块".into(), ..base.clone() }, "amount"),
            (OrderInput { amount: "".into(), ..base.clone() }, "amount"),
            (OrderInput { profit: "1e".into(), ..base.clone() }, "profit"),
            (OrderInput { date: "2026-02-30".into(), ..base.clone() }, "date"),
        ] {
            assert_eq!(orders::add(&conn, &o).unwrap_err().field(), Some(field));
        }
        assert_eq!(
            orders::add(&conn, &OrderInput { contact_id: Some(ContactId(99)), ..base.clone() })
                .unwrap_err()
                .code(),
            "not_found"
        );
        let o = orders::add(&conn, &OrderInput { amount: "¥1,234.50".into(), ..base }).unwrap();
        assert_eq!(o.amount.to_string(), "1234.50", "kept exactly as typed, scale included");
        let q = RankQuery { a_percent: 60, c_percent: 50, ..RankQuery::new(day("2026-11-23")) };
        assert_eq!(rank(&conn, &q).unwrap_err().code(), "invalid_input");
    }
}
