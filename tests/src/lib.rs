//! clientbook-e2e: end-to-end tests of the real desktop app (tauri-driver + WebKitWebDriver
//! under Xvfb). The tests live in `tests/`; this library only holds the shared harness.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The workspace's target dir (honours `CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("target"))
}

/// The debug build of the desktop app, built by `cargo build -p clientbook-app`.
pub fn app_binary() -> PathBuf {
    let p = target_dir().join("debug").join("clientbook-app");
    assert!(
        p.exists(),
        "{} is missing: build the app first (`cargo build -p clientbook-app`; the README's test command does)",
        p.display()
    );
    p
}

/// Where screenshots of e2e runs go (`tests/artifacts/`).
pub fn artifacts_dir() -> PathBuf {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
    std::fs::create_dir_all(&d).expect("artifacts dir");
    d
}

/// A running tauri-driver, killed on drop.
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Driver {
    /// Starts tauri-driver on two free ports (its own and WebKitWebDriver's) with
    /// `CLIENTBOOK_DB` set for the app it launches. Free ports, not fixed ones: a driver left
    /// behind by a killed run must not answer for this one.
    pub fn start(db: &Path) -> Driver {
        let (port, native) = (free_port(), free_port());
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no DISPLAY: run the end-to-end tests under Xvfb (xvfb-run), as the README's test command does"
        );
        let exe = which("tauri-driver").expect(
            "tauri-driver not found on PATH: `cargo install tauri-driver --locked` (the README's test command does)",
        );
        use std::os::unix::process::CommandExt;
        let child = Command::new(exe)
            // Its own process group, so dropping the driver also ends WebKitWebDriver and the app.
            .process_group(0)
            .args(["--port", &port.to_string(), "--native-port", &native.to_string()])
            .env("CLIENTBOOK_DB", db)
            .env("LANG", "zh_CN.UTF-8")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start tauri-driver");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not listen on {port}");
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, port }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill").arg("--").arg(format!("-{}", self.child.id())).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nobody listens on right now (the OS picks it).
fn free_port() -> u16 {
    std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

fn which(name: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> =
        std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect()).unwrap_or_default();
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".cargo").join("bin"));
    }
    dirs.into_iter().map(|d| d.join(name)).find(|p| p.is_file())
}
