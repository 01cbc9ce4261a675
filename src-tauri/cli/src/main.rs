//! `clientbook`: the command-line face of the same core the desktop app uses, for scripts,
//! cron backups, bulk work, benchmarks and tests. The contract is `shared/CLI.md`:
//! commands and JSON field names are never renamed.

mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use clientbook_core::birthday::{Birthday, Calendar};
use clientbook_core::contacts::{
    self, Contact, ContactInput, FieldValueInput, Labelled, ListQuery, Status,
};
use clientbook_core::error::Invalid;
use clientbook_core::fields::{self, FieldKind};
use clientbook_core::orders::{self, OrderInput, OrderStatus};
use clientbook_core::ranking::{self, Measure, Mode, RankQuery};
use clientbook_core::search::{self, SearchQuery};
use clientbook_core::{db, demo, groups, ContactId, Error, Lang, OrderId, Result};
use rusqlite::Connection;
use serde_json::json;

use output::Out;

#[derive(Parser)]
#[command(
    name = "clientbook",
    version,
    about = "Clientbook (客户簿): your book of clients, from the command line"
)]
struct Cli {
    /// The data file (default: $CLIENTBOOK_DB, else the desktop app's own file).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    /// Print exactly one JSON document on stdout.
    #[arg(long, global = true)]
    json: bool,
    /// Language of messages: zh-Hans, zh-Hant or en (default: from the environment).
    #[arg(long, global = true)]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Add, show, list, edit, trash and restore contacts.
    #[command(subcommand)]
    Contact(ContactCmd),
    /// Create, list, rename and delete groups; put contacts in and out of them.
    #[command(subcommand)]
    Group(GroupCmd),
    /// Define your own contact fields (text, number, date, choice).
    #[command(subcommand)]
    Field(FieldCmd),
    /// Record, list and delete orders (sales with exact money).
    #[command(subcommand)]
    Order(OrderCmd),
    /// The 80/20 ranking: clients by value with share, cumulative share and tier A/B/C.
    Rank {
        /// profit, revenue or orders.
        #[arg(long, default_value = "profit")]
        measure: String,
        /// Last day of the window (default: today).
        #[arg(long)]
        as_of: Option<String>,
        #[arg(long, default_value_t = 365)]
        window_days: u32,
        /// count (top/bottom 20% of clients) or cumulative (A to 80% of value, B to 95%).
        #[arg(long, default_value = "count")]
        mode: String,
        /// Count mode: percent of clients in A.
        #[arg(long, default_value_t = 20)]
        a_percent: u32,
        /// Count mode: percent of clients in C.
        #[arg(long, default_value_t = 20)]
        c_percent: u32,
    },
    /// Find contacts by Chinese substring, pinyin (full or initials), phone digits, e-mail or company.
    Search {
        query: String,
        /// Only contacts in this group.
        #[arg(long)]
        group: Option<String>,
        /// At most this many results.
        #[arg(long, default_value_t = 200)]
        limit: u32,
    },
    /// Write a realistic synthetic book (for trying the app and for benchmarks).
    Demo {
        #[arg(long)]
        contacts: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Args, Default)]
struct ContactFields {
    #[arg(long)]
    name: Option<String>,
    /// How to address him in a greeting (称呼), e.g. 张总.
    #[arg(long)]
    salutation: Option<String>,
    #[arg(long)]
    company: Option<String>,
    #[arg(long)]
    title: Option<String>,
    /// A phone number (repeatable); `label:number` sets the label, e.g. `work:021-6543 2100`.
    #[arg(long = "phone")]
    phones: Vec<String>,
    /// An e-mail address (repeatable); `label:address` sets the label.
    #[arg(long = "email")]
    emails: Vec<String>,
    /// A postal address (repeatable); `label:address` sets the label.
    #[arg(long = "address")]
    addresses: Vec<String>,
    /// YYYY-MM-DD, or --MM-DD without a year.
    #[arg(long, allow_hyphen_values = true)]
    birthday: Option<String>,
    /// The birthday's month and day are lunar (农历).
    #[arg(long)]
    lunar: bool,
    /// Born in the leap month (闰月) of that number (lunar only).
    #[arg(long)]
    leap_month: bool,
    /// A group to put the contact in (repeatable; created if missing).
    #[arg(long = "group")]
    groups: Vec<String>,
    /// A tag (repeatable).
    #[arg(long = "tag")]
    tags: Vec<String>,
    #[arg(long)]
    note: Option<String>,
    /// A custom field value, `NAME=VALUE` (repeatable; an empty value clears it).
    #[arg(long = "field")]
    fields: Vec<String>,
    /// prospect, active or lost.
    #[arg(long)]
    status: Option<String>,
}

#[derive(Subcommand)]
enum ContactCmd {
    /// Add a contact.
    Add(Box<ContactFields>),
    /// Show one contact with every detail.
    Show { id: i64 },
    /// List contacts (sorted by name).
    List {
        #[arg(long)]
        group: Option<String>,
        #[arg(long)]
        tier: Option<String>,
        #[arg(long)]
        tag: Option<String>,
        /// List the trash instead.
        #[arg(long)]
        trash: bool,
    },
    /// Change some details of a contact; options not given stay as they are.
    Edit {
        id: i64,
        #[command(flatten)]
        fields: Box<ContactFields>,
    },
    /// Move a contact to the trash (restorable).
    Delete { id: i64 },
    /// Bring a contact back from the trash.
    Restore { id: i64 },
    /// Delete a trashed contact for good.
    Purge { id: i64 },
    /// Delete every contact in the trash for good.
    EmptyTrash,
}

#[derive(Subcommand)]
enum OrderCmd {
    /// Record an order for a client.
    Add {
        #[arg(long)]
        contact: i64,
        /// The amount, e.g. 1234.50.
        #[arg(long)]
        amount: String,
        /// Gross profit.
        #[arg(long)]
        profit: Option<String>,
        /// YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        /// won, open or cancelled.
        #[arg(long, default_value = "won")]
        status: String,
        /// Product line.
        #[arg(long)]
        product: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// A client's orders, newest first.
    List {
        #[arg(long)]
        contact: i64,
    },
    /// Delete an order.
    Delete { id: i64 },
}

#[derive(Subcommand)]
enum FieldCmd {
    /// Define a custom field.
    Add {
        name: String,
        /// text, number, date or choice.
        #[arg(long, default_value = "text")]
        kind: String,
        /// An allowed value of a choice field (repeatable).
        #[arg(long = "choice")]
        choices: Vec<String>,
    },
    /// List the custom fields.
    List,
    /// Delete a custom field and every contact's value for it.
    Delete { name: String },
}

#[derive(Subcommand)]
enum GroupCmd {
    /// Create a group.
    Add {
        name: String,
        /// #RRGGBB
        #[arg(long)]
        color: Option<String>,
    },
    /// List groups with their member counts.
    List,
    /// Rename a group.
    Rename { old: String, new: String },
    /// Delete a group (its contacts stay).
    Delete { name: String },
    /// Put contacts in a group.
    Assign {
        name: String,
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Take contacts out of a group.
    Unassign {
        name: String,
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Change a group's colour (#RRGGBB).
    Color { name: String, color: String },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.as_deref().and_then(Lang::from_tag).unwrap_or_else(Lang::from_env);
    let out = Out { json: cli.json, lang };
    let path = cli.db.clone().unwrap_or_else(db::default_path);
    let result = db::open(&path).and_then(|mut conn| run(&mut conn, cli.command, &out));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            out.error(&e);
            ExitCode::FAILURE
        }
    }
}

/// `label:value` → labelled; a bare value gets `default_label`. Only a short leading word
/// counts as a label, so `+86 139…` or `http://…` are not split.
fn labelled(raw: &str, default_label: &str) -> Labelled {
    if let Some((label, value)) = raw.split_once(':') {
        let is_label = !label.is_empty()
            && label.chars().count() <= 12
            && label.chars().all(|c| c.is_alphabetic())
            && !value.starts_with("//");
        if is_label {
            return Labelled { label: label.into(), value: value.trim().into() };
        }
    }
    Labelled { label: default_label.into(), value: raw.trim().into() }
}

/// Applies the options given to `base` (a new contact, or the existing one for `edit`).
fn apply(conn: &Connection, f: ContactFields, mut c: ContactInput) -> Result<ContactInput> {
    if let Some(v) = f.name {
        c.name = v;
    }
    if let Some(v) = f.salutation {
        c.salutation = v;
    }
    if let Some(v) = f.company {
        c.company = v;
    }
    if let Some(v) = f.title {
        c.title = v;
    }
    if let Some(v) = f.note {
        c.note = v;
    }
    if !f.phones.is_empty() {
        c.phones = f.phones.iter().map(|p| labelled(p, "mobile")).collect();
    }
    if !f.emails.is_empty() {
        c.emails = f.emails.iter().map(|e| labelled(e, "work")).collect();
    }
    if !f.addresses.is_empty() {
        c.addresses = f.addresses.iter().map(|a| labelled(a, "office")).collect();
    }
    if !f.tags.is_empty() {
        c.tags = f.tags;
    }
    if let Some(date) = f.birthday {
        let calendar = if f.lunar { Calendar::Lunar } else { Calendar::Solar };
        c.birthday = Some(Birthday { date, calendar, leap_month: f.leap_month });
    } else if f.lunar || f.leap_month {
        return Err(Error::invalid(
            "birthday",
            Invalid::Malformed {
                value: "--lunar/--leap-month".into(),
                expected: "--birthday YYYY-MM-DD or --MM-DD",
            },
        ));
    }
    if let Some(st) = f.status {
        c.status = Status::parse(st.trim()).ok_or_else(|| {
            Error::invalid(
                "status",
                Invalid::Malformed { value: st.clone(), expected: "prospect, active or lost" },
            )
        })?;
    }
    if !f.fields.is_empty() {
        let defs = fields::list(conn)?;
        for raw in &f.fields {
            let (name, value) = raw.split_once('=').ok_or_else(|| {
                Error::invalid(
                    "field",
                    Invalid::Malformed { value: raw.clone(), expected: "NAME=VALUE" },
                )
            })?;
            let def = defs
                .iter()
                .find(|d| d.name.eq_ignore_ascii_case(name.trim()))
                .ok_or_else(|| Error::not_found("field", name.trim()))?;
            c.fields.retain(|v| v.field_id != def.id);
            c.fields.push(FieldValueInput { field_id: def.id, value: value.to_string() });
        }
    }
    for g in f.groups {
        let id = match groups::find_by_name(conn, &g)? {
            Some(id) => id,
            None => groups::create(conn, &g, None)?.id,
        };
        if !c.group_ids.contains(&id) {
            c.group_ids.push(id);
        }
    }
    Ok(c)
}

fn run(conn: &mut Connection, cmd: Command, out: &Out) -> Result<()> {
    match cmd {
        Command::Contact(cmd) => contact(conn, cmd, out),
        Command::Group(cmd) => group(conn, cmd, out),
        Command::Field(cmd) => field(conn, cmd, out),
        Command::Order(cmd) => order(conn, cmd, out),
        Command::Rank { measure, as_of, window_days, mode, a_percent, c_percent } => {
            let bad = |field: &str, value: &str, expected: &'static str| {
                Error::invalid(field, Invalid::Malformed { value: value.to_string(), expected })
            };
            let measure = Measure::parse(measure.trim())
                .ok_or_else(|| bad("measure", &measure, "profit, revenue or orders"))?;
            let mode = Mode::parse(mode.trim())
                .ok_or_else(|| bad("mode", &mode, "count or cumulative"))?;
            let as_of = match as_of {
                Some(d) => NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                    .map_err(|_| Error::invalid("date", Invalid::BadDate(d.clone())))?,
                None => chrono::Local::now().date_naive(),
            };
            let q = RankQuery { measure, mode, as_of, window_days, a_percent, c_percent };
            let r = ranking::rank(conn, &q)?;
            out.ranking(&r, &q)
        }
        Command::Search { query, group, limit } => {
            let group = group.map(|g| groups::require_by_name(conn, &g)).transpose()?;
            let found =
                search::search(conn, &SearchQuery { text: query, group, limit: Some(limit) })?;
            let full =
                found.rows.iter().map(|r| contacts::get(conn, r.id)).collect::<Result<Vec<_>>>()?;
            out.contacts(&full, Some(found.total))
        }
        Command::Demo { contacts, seed } => {
            let s = demo::generate(conn, contacts, seed)?;
            out.doc(
                &serde_json::to_value(&s)?,
                &out.lang_fmt(
                    format!("已生成 {} 位演示客户和 {} 个分组。", s.contacts, s.groups),
                    format!("已產生 {} 位示範客戶和 {} 個分組。", s.contacts, s.groups),
                    format!("Wrote {} demo contacts and {} groups.", s.contacts, s.groups),
                ),
            )
        }
    }
}

fn contact(conn: &mut Connection, cmd: ContactCmd, out: &Out) -> Result<()> {
    match cmd {
        ContactCmd::Add(f) => {
            // Groups named on the command line are created in the same transaction as the
            // contact, so a refused contact leaves no new group behind.
            let tx = conn.transaction()?;
            let input = apply(&tx, *f, ContactInput::default())?;
            let c = contacts::normalize(&tx, &input)?;
            let id = contacts::insert(&tx, &c)?;
            tx.commit()?;
            out.contact(&contacts::get(conn, id)?)
        }
        ContactCmd::Show { id } => out.contact(&contacts::get(conn, ContactId(id))?),
        ContactCmd::List { group, tier, tag, trash } => {
            let group = group.map(|g| groups::require_by_name(conn, &g)).transpose()?;
            let mut q =
                ListQuery { group, tier, tag, trashed: trash, limit: 1000, ..Default::default() };
            let mut all: Vec<Contact> = Vec::new();
            loop {
                let page = contacts::list(conn, &q)?;
                for r in &page.rows {
                    all.push(contacts::get(conn, r.id)?);
                }
                if page.rows.is_empty() || all.len() as u32 >= page.total {
                    break;
                }
                q.offset += page.rows.len() as u32;
            }
            out.contacts(&all, None)
        }
        ContactCmd::Edit { id, fields } => {
            let id = ContactId(id);
            let existing = contacts::get(conn, id)?.to_input();
            let tx = conn.transaction()?;
            let input = apply(&tx, *fields, existing)?;
            let c = contacts::normalize(&tx, &input)?;
            contacts::write_update(&tx, id, &c)?;
            tx.commit()?;
            out.contact(&contacts::get(conn, id)?)
        }
        ContactCmd::Delete { id } => {
            let id = ContactId(id);
            contacts::trash(conn, &[id])?;
            out.contact(&contacts::get(conn, id)?)
        }
        ContactCmd::Restore { id } => {
            let id = ContactId(id);
            contacts::restore(conn, &[id])?;
            out.contact(&contacts::get(conn, id)?)
        }
        ContactCmd::EmptyTrash => {
            let n = contacts::empty_trash(conn)?;
            out.doc(
                &json!({ "purged": n }),
                &out.lang_fmt(
                    format!("已清空回收站（{n} 位客户）。"),
                    format!("已清空回收筒（{n} 位客戶）。"),
                    format!("Emptied the trash ({n} contact(s))."),
                ),
            )
        }
        ContactCmd::Purge { id } => {
            let n = contacts::purge(conn, &[ContactId(id)])?;
            out.doc(
                &json!({ "id": id, "purged": n == 1 }),
                &out.lang_fmt(
                    format!("已永久删除 {n} 位客户。"),
                    format!("已永久刪除 {n} 位客戶。"),
                    format!("Purged {n} contact(s)."),
                ),
            )
        }
    }
}

fn group(conn: &mut Connection, cmd: GroupCmd, out: &Out) -> Result<()> {
    match cmd {
        GroupCmd::Add { name, color } => out.group(&groups::create(conn, &name, color.as_deref())?),
        GroupCmd::List => out.groups(&groups::list(conn)?),
        GroupCmd::Rename { old, new } => {
            let id = groups::require_by_name(conn, &old)?;
            let g = groups::get(conn, id)?;
            out.group(&groups::update(conn, id, &new, &g.color)?)
        }
        GroupCmd::Color { name, color } => {
            let id = groups::require_by_name(conn, &name)?;
            let g = groups::get(conn, id)?;
            out.group(&groups::update(conn, id, &g.name, &color)?)
        }
        GroupCmd::Delete { name } => {
            let id = groups::require_by_name(conn, &name)?;
            groups::delete(conn, id)?;
            out.doc(
                &json!({ "deleted": name.trim() }),
                &out.lang_fmt(
                    format!("已删除分组“{}”（客户保留）。", name.trim()),
                    format!("已刪除分組「{}」（客戶保留）。", name.trim()),
                    format!("Deleted group \"{}\" (its contacts stay).", name.trim()),
                ),
            )
        }
        GroupCmd::Assign { name, ids } => {
            let id = groups::require_by_name(conn, &name)?;
            let ids: Vec<ContactId> = ids.into_iter().map(ContactId).collect();
            let n = groups::assign(conn, id, &ids)?;
            let g = groups::get(conn, id)?;
            out.doc(
                &json!({ "group": g, "added": n }),
                &out.lang_fmt(
                    format!("已把 {n} 位客户加入“{}”，现有 {} 位。", g.name, g.count),
                    format!("已把 {n} 位客戶加入「{}」，現有 {} 位。", g.name, g.count),
                    format!("Added {n} contact(s) to \"{}\"; it now has {}.", g.name, g.count),
                ),
            )
        }
        GroupCmd::Unassign { name, ids } => {
            let id = groups::require_by_name(conn, &name)?;
            let ids: Vec<ContactId> = ids.into_iter().map(ContactId).collect();
            let n = groups::unassign(conn, id, &ids)?;
            let g = groups::get(conn, id)?;
            out.doc(
                &json!({ "group": g, "removed": n }),
                &out.lang_fmt(
                    format!("已把 {n} 位客户移出“{}”，现有 {} 位。", g.name, g.count),
                    format!("已把 {n} 位客戶移出「{}」，現有 {} 位。", g.name, g.count),
                    format!("Removed {n} contact(s) from \"{}\"; it now has {}.", g.name, g.count),
                ),
            )
        }
    }
}

fn field(conn: &mut Connection, cmd: FieldCmd, out: &Out) -> Result<()> {
    match cmd {
        FieldCmd::Add { name, kind, choices } => {
            let kind = FieldKind::parse(kind.trim()).ok_or_else(|| {
                Error::invalid(
                    "kind",
                    Invalid::Malformed {
                        value: kind.clone(),
                        expected: "text, number, date or choice",
                    },
                )
            })?;
            let f = fields::create(conn, &name, kind, &choices)?;
            let text = format!("#{} {} ({})", f.id, f.name, f.kind.as_str());
            out.doc(&serde_json::to_value(&f)?, &text)
        }
        FieldCmd::List => {
            let list = fields::list(conn)?;
            let text = list
                .iter()
                .map(|f| format!("{:<16} {:<7} {}", f.name, f.kind.as_str(), f.choices.join(" / ")))
                .collect::<Vec<_>>()
                .join("\n");
            out.doc(&serde_json::to_value(&list)?, &text)
        }
        FieldCmd::Delete { name } => {
            let f = fields::list(conn)?
                .into_iter()
                .find(|f| f.name.eq_ignore_ascii_case(name.trim()))
                .ok_or_else(|| Error::not_found("field", name.trim()))?;
            fields::delete(conn, f.id)?;
            out.doc(
                &json!({ "deleted": f.name }),
                &out.lang_fmt(
                    format!("已删除字段“{}”。", f.name),
                    format!("已刪除欄位「{}」。", f.name),
                    format!("Deleted field \"{}\".", f.name),
                ),
            )
        }
    }
}

fn order(conn: &mut Connection, cmd: OrderCmd, out: &Out) -> Result<()> {
    match cmd {
        OrderCmd::Add { contact, amount, profit, date, status, product, note } => {
            let status = OrderStatus::parse(status.trim()).ok_or_else(|| {
                Error::invalid(
                    "status",
                    Invalid::Malformed {
                        value: status.clone(),
                        expected: "won, open or cancelled",
                    },
                )
            })?;
            let input = OrderInput {
                contact_id: Some(ContactId(contact)),
                date: date.unwrap_or_else(|| chrono::Local::now().date_naive().to_string()),
                amount,
                profit: profit.unwrap_or_default(),
                status,
                product: product.unwrap_or_default(),
                note: note.unwrap_or_default(),
            };
            let o = orders::add(conn, &input)?;
            let text = format!("#{} {} {} {}", o.id, o.date, o.amount, o.status.as_str());
            out.doc(&serde_json::to_value(&o)?, &text)
        }
        OrderCmd::List { contact } => {
            let list = orders::for_contact(conn, ContactId(contact))?;
            let text = list
                .iter()
                .map(|o| {
                    let profit = o.profit.map(|p| p.to_string()).unwrap_or_default();
                    format!(
                        "#{:<6} {} {:>12} {:>12} {:<9} {}",
                        o.id,
                        o.date,
                        o.amount,
                        profit,
                        o.status.as_str(),
                        o.product
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            out.doc(&serde_json::to_value(&list)?, &text)
        }
        OrderCmd::Delete { id } => {
            orders::delete(conn, OrderId(id))?;
            out.doc(
                &json!({ "deleted": id }),
                &out.lang_fmt(
                    format!("已删除订单 #{id}。"),
                    format!("已刪除訂單 #{id}。"),
                    format!("Deleted order #{id}."),
                ),
            )
        }
    }
}
