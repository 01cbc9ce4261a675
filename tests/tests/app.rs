//! Drives the REAL desktop app: create a contact in the UI, find it by pinyin, put it in a
//! group, filter by the group, restart the app and see it all still there.

use std::time::Duration;

use clientbook_e2e::{app_binary, artifacts_dir, Driver};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

const WAIT: Duration = Duration::from_secs(20);

async fn launch(driver: &Driver) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "tauri:options".into(),
        json!({ "application": app_binary().display().to_string() }),
    );
    caps.insert("browserName".into(), json!("wry"));
    let client = ClientBuilder::native()
        .capabilities(caps)
        .connect(&driver.url())
        .await
        .expect("WebDriver session with the app");
    // The shell is up when the sidebar is.
    client.wait().at_most(WAIT).for_element(css("nav-clients")).await.expect("app shell");
    client
}

fn css(testid: &str) -> Locator<'static> {
    Locator::Css(Box::leak(format!("[data-testid=\"{testid}\"]").into_boxed_str()))
}

async fn find(c: &Client, testid: &str) -> Element {
    c.wait()
        .at_most(WAIT)
        .for_element(css(testid))
        .await
        .unwrap_or_else(|e| panic!("{testid}: {e}"))
}

/// The real <input>/<textarea> behind a test id (on the element itself or inside it).
async fn input(c: &Client, testid: &str) -> Element {
    let el = find(c, testid).await;
    let tag = el.tag_name().await.unwrap_or_default().to_lowercase();
    if tag == "input" || tag == "textarea" {
        return el;
    }
    match el.find(Locator::Css("input, textarea")).await {
        Ok(inner) => inner,
        Err(_) => el,
    }
}

async fn type_into(c: &Client, testid: &str, text: &str) {
    let el = input(c, testid).await;
    el.click().await.ok();
    el.clear().await.ok();
    el.send_keys(text).await.unwrap_or_else(|e| panic!("typing into {testid}: {e}"));
}

/// Waits until `check` holds for the visible rows' names.
async fn wait_rows(c: &Client, what: &str, check: impl Fn(&[String]) -> bool) -> Vec<String> {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let mut names = Vec::new();
        for el in c.find_all(css("contact-row-name")).await.unwrap_or_default() {
            names.push(el.text().await.unwrap_or_default().trim().to_string());
        }
        if check(&names) {
            return names;
        }
        if std::time::Instant::now() > deadline {
            shot(c, &format!("fail-{what}")).await;
            panic!("{what}: rows were {names:?}");
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

async fn wait_text(c: &Client, testid: &str, want: &str) {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let mut got = String::new();
        if let Ok(el) = c.find(css(testid)).await {
            got = el.text().await.unwrap_or_default();
            if got.contains(want) {
                return;
            }
        }
        if std::time::Instant::now() > deadline {
            shot(c, &format!("fail-{testid}")).await;
            panic!("{testid} never showed {want:?}; it showed {got:?}");
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

async fn shot(c: &Client, name: &str) {
    if let Ok(png) = c.screenshot().await {
        let _ = std::fs::write(artifacts_dir().join(format!("{name}.png")), png);
    }
}

const NAME: &str = "欧阳明远";
const GROUP: &str = "重要客户";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn contact_created_in_the_ui_is_found_grouped_filtered_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let driver = Driver::start(4610, &db);

    // --- first run ---------------------------------------------------------------------
    let c = launch(&driver).await;
    shot(&c, "01-first-run").await;

    // An empty name is refused next to the field, and nothing is lost.
    find(&c, "new-contact").await.click().await.unwrap();
    find(&c, "contact-form").await;
    type_into(&c, "field-company", "上海融源印务有限公司").await;
    find(&c, "save-contact").await.click().await.unwrap();
    find(&c, "field-error-name").await;
    shot(&c, "02-name-required").await;

    type_into(&c, "field-name", NAME).await;
    type_into(&c, "field-phone-0", "+86 139-1234-5678").await;
    type_into(&c, "field-email-0", "oymy@example.cn").await;
    find(&c, "save-contact").await.click().await.unwrap();
    wait_text(&c, "detail-name", NAME).await;

    // Found by pinyin initials, by full pinyin and by phone digits.
    for q in ["oymy", "ouyangmingyuan", "5678"] {
        type_into(&c, "search-input", q).await;
        wait_rows(&c, &format!("search {q}"), |r| r.len() == 1 && r[0] == NAME).await;
    }
    shot(&c, "03-found-by-pinyin").await;

    // A new group, and the contact put in it from the detail pane.
    find(&c, "new-group").await.click().await.unwrap();
    type_into(&c, "group-name-input", GROUP).await;
    find(&c, "group-save").await.click().await.unwrap();
    let group_item = format!("[data-testid=\"sidebar-group\"][data-group-name=\"{GROUP}\"]");
    c.wait().at_most(WAIT).for_element(Locator::Css(&group_item)).await.expect("group in sidebar");

    c.find(css("contact-row")).await.unwrap().click().await.unwrap();
    find(&c, "detail-add-to-group").await.click().await.unwrap();
    let deadline = std::time::Instant::now() + WAIT;
    'pick: loop {
        for opt in c.find_all(css("group-option")).await.unwrap_or_default() {
            if opt.text().await.unwrap_or_default().contains(GROUP) {
                opt.click().await.unwrap();
                break 'pick;
            }
        }
        assert!(std::time::Instant::now() < deadline, "no group option {GROUP}");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    wait_text(&c, "detail-groups", GROUP).await;

    // Filter by the group: only our contact.
    type_into(&c, "search-input", "").await;
    c.find(Locator::Css(&group_item)).await.unwrap().click().await.unwrap();
    wait_rows(&c, "group filter", |r| r == [NAME]).await;
    wait_text(&c, "list-total", "1").await;
    shot(&c, "04-group-filter").await;
    c.close().await.unwrap();

    // --- restart: same data file, a fresh app process ----------------------------------
    let c = launch(&driver).await;
    type_into(&c, "search-input", "oymy").await;
    wait_rows(&c, "after restart", |r| r == [NAME]).await;
    c.find(css("contact-row")).await.unwrap().click().await.unwrap();
    wait_text(&c, "detail-groups", GROUP).await;
    shot(&c, "05-after-restart").await;
    c.close().await.unwrap();

    // The UI wrote through the same core as the CLI: the file holds exactly that.
    let conn = rusqlite_free_check(&db);
    assert_eq!(conn, vec![(NAME.to_string(), "上海融源印务有限公司".to_string())]);
}

/// Reads the book back with the real CLI binary (no second SQL path in the tests).
fn rusqlite_free_check(db: &std::path::Path) -> Vec<(String, String)> {
    let cli = clientbook_e2e::target_dir().join("debug").join("clientbook");
    let out = std::process::Command::new(cli)
        .args(["--json", "--db"])
        .arg(db)
        .args(["contact", "list"])
        .output()
        .expect("run clientbook");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (c["name"].as_str().unwrap().to_string(), c["company"].as_str().unwrap().to_string())
        })
        .collect()
}
