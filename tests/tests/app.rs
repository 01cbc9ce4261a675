//! Drives the REAL desktop app: create a contact in the UI, find it by pinyin, put it in a
//! group, filter by the group, restart the app and see it all still there.

use std::time::Duration;

use clientbook_e2e::{app_binary, artifacts_dir, Driver};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

const WAIT: Duration = Duration::from_secs(20);

/// A WebDriver call can block forever if the app dies; fail the test instead of hanging CI.
async fn within_limit(steps: impl std::future::Future<Output = ()>) {
    tokio::time::timeout(Duration::from_secs(240), steps)
        .await
        .expect("the end-to-end test did not finish within 4 minutes");
}

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
    eprintln!("e2e: find {testid}");
    c.wait()
        .at_most(WAIT)
        .for_element(css(testid))
        .await
        .unwrap_or_else(|e| panic!("{testid}: {e}"))
}

/// Clicks a test id once it can take the click (drawers and dialogs animate), retrying
/// until WAIT.
async fn click(c: &Client, testid: &str) {
    click_css(c, &format!("[data-testid=\"{testid}\"]")).await
}

/// Clicks the first element matching a CSS selector, retrying while it is covered or moving.
async fn click_css(c: &Client, selector: &str) {
    eprintln!("e2e: click {selector}");
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let result = match c.find(Locator::Css(selector)).await {
            Ok(el) => el.click().await,
            Err(e) => Err(e),
        };
        match result {
            Ok(()) => return,
            Err(e) if std::time::Instant::now() < deadline => {
                eprintln!("e2e: retry click {selector}: {e}");
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => {
                shot(c, "fail-click").await;
                panic!("click {selector}: {e}");
            }
        }
    }
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
    eprintln!("e2e: type {text:?} into {testid}");
    // Dialogs and drawers animate in; keys sent too early can be lost, so type until the
    // input holds exactly the text.
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let el = input(c, testid).await;
        el.click().await.ok();
        // Select all and delete through real key presses: WebDriver's clear() bypasses the
        // input events Vue listens to. (U+E009 Control, U+E000 release, U+E003 Backspace.)
        el.send_keys("\u{E009}a\u{E000}\u{E003}").await.ok();
        if !text.is_empty() {
            el.send_keys(text).await.ok();
        }
        let value = el.prop("value").await.ok().flatten().unwrap_or_default();
        if value == text {
            return;
        }
        if std::time::Instant::now() > deadline {
            shot(c, &format!("fail-type-{testid}")).await;
            panic!("{testid} holds {value:?}, not {text:?}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Waits until `check` holds for the visible rows' names.
async fn wait_rows(c: &Client, what: &str, check: impl Fn(&[String]) -> bool) -> Vec<String> {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let mut names = Vec::new();
        // textContent, not innerText: rows of the virtual list sit in transformed layers
        // that WebKit's visibility heuristics may report as empty.
        for el in c.find_all(css("contact-row-name")).await.unwrap_or_default() {
            let text = el.prop("textContent").await.ok().flatten().unwrap_or_default();
            names.push(text.trim().to_string());
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

/// Searches and waits for exactly `want`. A query that matches nothing runs first, so the
/// rows checked can only come from this query, not from the previous one.
async fn search_for(c: &Client, q: &str, want: &[&str]) {
    type_into(c, "search-input", "qqxx无此人").await;
    find(c, "no-hits").await;
    type_into(c, "search-input", q).await;
    wait_rows(c, &format!("search {q}"), |r| r == want).await;
}

async fn wait_text(c: &Client, testid: &str, want: &str) {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let mut got = String::new();
        if let Ok(el) = c.find(css(testid)).await {
            got = el.prop("textContent").await.ok().flatten().unwrap_or_default();
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
    within_limit(contact_created_in_the_ui_is_found_grouped_filtered_and_survives_a_restart_steps()).await;
}

async fn contact_created_in_the_ui_is_found_grouped_filtered_and_survives_a_restart_steps() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let driver = Driver::start(&db);

    // --- first run ---------------------------------------------------------------------
    let c = launch(&driver).await;
    shot(&c, "01-first-run").await;

    // An empty name is refused next to the field, and nothing is lost.
    click(&c, "new-contact").await;
    find(&c, "contact-form").await;
    type_into(&c, "field-company", "上海融源印务有限公司").await;
    click(&c, "save-contact").await;
    find(&c, "field-error-name").await;
    shot(&c, "02-name-required").await;

    type_into(&c, "field-name", NAME).await;
    type_into(&c, "field-phone-0", "+86 139-1234-5678").await;
    type_into(&c, "field-email-0", "oymy@example.cn").await;
    click(&c, "save-contact").await;
    wait_text(&c, "detail-name", NAME).await;

    // Found by pinyin initials, by full pinyin and by phone digits.
    for q in ["oymy", "ouyangmingyuan", "歐陽", "5678", "融源"] {
        search_for(&c, q, &[NAME]).await;
    }
    shot(&c, "03-found-by-pinyin").await;

    // A new group, and the contact put in it from the detail pane.
    click(&c, "new-group").await;
    type_into(&c, "group-name-input", GROUP).await;
    click(&c, "group-save").await;
    let group_item = format!("[data-testid=\"sidebar-group\"][data-group-name=\"{GROUP}\"]");
    if c.wait().at_most(WAIT).for_element(Locator::Css(&group_item)).await.is_err() {
        shot(&c, "fail-group-in-sidebar").await;
        panic!("the new group never showed in the sidebar");
    }

    click(&c, "contact-row").await;
    click(&c, "detail-add-to-group").await;
    let deadline = std::time::Instant::now() + WAIT;
    'pick: loop {
        for opt in c.find_all(css("group-option")).await.unwrap_or_default() {
            let text = opt.prop("textContent").await.ok().flatten().unwrap_or_default();
            if text.contains(GROUP) {
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
    click_css(&c, &group_item).await;
    wait_rows(&c, "group filter", |r| r == [NAME]).await;
    wait_text(&c, "list-total", "1").await;
    shot(&c, "04-group-filter").await;
    c.close().await.unwrap();

    // --- restart: same data file, a fresh app process ----------------------------------
    let c = launch(&driver).await;
    search_for(&c, "oymy", &[NAME]).await;
    click(&c, "contact-row").await;
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

/// Names the CLI's search puts first, from the same core.
fn cli_search(db: &std::path::Path, q: &str, n: usize) -> Vec<String> {
    let cli = clientbook_e2e::target_dir().join("debug").join("clientbook");
    let out = std::process::Command::new(cli)
        .arg("--json")
        .arg("--db")
        .arg(db)
        .args(["search", q, "--limit", &n.to_string()])
        .output()
        .expect("run clientbook");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect()
}

/// Picks an option of a naive-ui select by its visible label.
async fn choose(c: &Client, select_testid: &str, label: &str) {
    click(c, select_testid).await;
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        for opt in c.find_all(Locator::Css(".n-base-select-option")).await.unwrap_or_default() {
            let text = opt.prop("textContent").await.ok().flatten().unwrap_or_default();
            if text.trim() == label && opt.click().await.is_ok() {
                return;
            }
        }
        assert!(std::time::Instant::now() < deadline, "no option {label:?} in {select_testid}");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ten_thousand_client_book_scrolls_virtually_searches_like_the_cli_and_speaks_three_languages(
) {
    within_limit(ten_thousand_tour()).await;
}

async fn ten_thousand_tour() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let cli = clientbook_e2e::target_dir().join("debug").join("clientbook");
    let status = std::process::Command::new(cli)
        .arg("--db")
        .arg(&db)
        .args(["demo", "--contacts", "10000", "--seed", "1"])
        .status()
        .unwrap();
    assert!(status.success());
    let driver = Driver::start(&db);
    let c = launch(&driver).await;

    click(&c, "nav-clients").await;
    wait_text(&c, "list-total", "10000").await;
    let rows = c.find_all(css("contact-row")).await.unwrap();
    assert!(
        !rows.is_empty() && rows.len() < 200,
        "the list renders only what is visible, not 10,000 rows ({} in the DOM)",
        rows.len()
    );
    shot(&c, "tour-01-list-10k").await;

    // The UI ranks exactly as the core does for the CLI.
    let want = cli_search(&db, "zs", 5);
    assert_eq!(want.len(), 5);
    type_into(&c, "search-input", "zs").await;
    wait_rows(&c, "search zs", |r| r.len() >= 5 && r[..5] == want[..]).await;
    click(&c, "contact-row").await;
    wait_text(&c, "detail-name", &want[0]).await;
    shot(&c, "tour-02-search-zs").await;

    // Trash and restore from the UI: the contact leaves the book and comes back.
    let trashed = want[0].clone();
    let before: u32 = find(&c, "list-total")
        .await
        .prop("textContent")
        .await
        .unwrap()
        .unwrap_or_default()
        .trim()
        .parse()
        .expect("list-total holds digits");
    click(&c, "detail-trash").await;
    wait_text(&c, "list-total", &(before - 1).to_string()).await;
    click(&c, "nav-trash").await;
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let mut names = Vec::new();
        for el in c.find_all(css("trash-row")).await.unwrap_or_default() {
            names.push(el.prop("textContent").await.ok().flatten().unwrap_or_default());
        }
        if names.iter().any(|n| n.contains(&trashed)) {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{trashed} not in the trash: {names:?}");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    shot(&c, "tour-03-trash").await;
    click(&c, "restore-contact").await;
    click(&c, "nav-home").await;
    shot(&c, "tour-04-home").await;
    click(&c, "nav-clients").await;
    type_into(&c, "search-input", "").await;
    wait_text(&c, "list-total", "10000").await;

    // Language: English, then traditional Chinese, switch at once.
    type_into(&c, "search-input", "").await;
    click(&c, "nav-settings").await;
    choose(&c, "lang-select", "English").await;
    wait_text(&c, "nav-clients", "Clients").await;
    shot(&c, "tour-05-settings-en").await;
    choose(&c, "lang-select", "繁體中文").await;
    wait_text(&c, "nav-clients", "客戶").await;
    click(&c, "nav-clients").await;
    wait_text(&c, "list-total", "10000").await;
    shot(&c, "tour-06-list-zh-hant").await;
    c.close().await.unwrap();

    // The choice is remembered across a restart.
    let c = launch(&driver).await;
    wait_text(&c, "nav-clients", "客戶").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_smallest_window_in_the_dark_theme_has_no_sideways_overflow() {
    within_limit(the_smallest_window_in_the_dark_theme_has_no_sideways_overflow_steps()).await;
}

async fn the_smallest_window_in_the_dark_theme_has_no_sideways_overflow_steps() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("small.db");
    let cli = clientbook_e2e::target_dir().join("debug").join("clientbook");
    let status = std::process::Command::new(cli)
        .arg("--db")
        .arg(&db)
        .args(["demo", "--contacts", "300", "--seed", "3"])
        .status()
        .unwrap();
    assert!(status.success());
    let driver = Driver::start(&db);
    let c = launch(&driver).await;
    // The window's minimum size (tauri.conf.json: 960×600).
    c.set_window_size(960, 600).await.expect("resize the window");
    click(&c, "nav-settings").await;
    let dark = "[data-testid=\"theme-select\"] label:nth-of-type(3)";
    click_css(&c, dark).await;
    click(&c, "nav-clients").await;
    wait_text(&c, "list-total", "300").await;
    click(&c, "contact-row").await;
    find(&c, "detail-name").await;
    // WebKit under Xvfb may not have painted the resized window yet.
    tokio::time::sleep(Duration::from_millis(800)).await;
    shot(&c, "small-dark-clients").await;
    let overflow = c
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth, \
             getComputedStyle(document.body).backgroundColor]",
            vec![],
        )
        .await
        .unwrap();
    let (scroll, inner) = (overflow[0].as_f64().unwrap(), overflow[1].as_f64().unwrap());
    assert!(inner <= 970.0, "the window did not shrink: {inner}");
    assert!(scroll <= inner, "the page scrolls sideways at 960 px: {scroll} > {inner}");
    let bg = overflow[2].as_str().unwrap_or_default().to_string();
    c.close().await.unwrap();
    assert_ne!(bg, "rgb(255, 255, 255)", "the dark theme left a white page");
}
