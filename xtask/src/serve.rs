//! A small static file server for the site on loopback: correct MIME types
//! (`application/wasm`), gzip when the client accepts it, no directory escape.
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Binds `host:port` (port 0 = any free port) and serves `site` on background
/// threads; returns the URL.
pub fn start(site: &Path, host: &str, port: u16) -> Result<String, String> {
    let listener = TcpListener::bind((host, port)).map_err(|e| format!("cannot listen on {host}:{port}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let site = Arc::new(site.to_path_buf());
    let cache: Arc<Mutex<HashMap<PathBuf, Vec<u8>>>> = Arc::default();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (site, cache) = (site.clone(), cache.clone());
            std::thread::spawn(move || {
                let _ = handle(stream, &site, &cache);
            });
        }
    });
    Ok(format!("http://{addr}/"))
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "csv" => "text/csv; charset=utf-8",
        "ts" | "md" | "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn handle(mut stream: TcpStream, site: &Path, cache: &Mutex<HashMap<PathBuf, Vec<u8>>>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    loop {
        let mut request = String::new();
        if reader.read_line(&mut request)? == 0 {
            return Ok(());
        }
        let mut gzip_ok = false;
        let mut keep_alive = true;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
                break;
            }
            let lower = line.to_ascii_lowercase();
            if lower.starts_with("accept-encoding:") && lower.contains("gzip") {
                gzip_ok = true;
            }
            if lower.starts_with("connection:") && lower.contains("close") {
                keep_alive = false;
            }
        }
        let mut parts = request.split_whitespace();
        let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
        let path = target.split(['?', '#']).next().unwrap_or("/");
        let file = resolve(site, path);
        let (status, body, ctype, gz) = match (&file, method) {
            (_, m) if m != "GET" && m != "HEAD" => ("405 Method Not Allowed", b"method not allowed".to_vec(), "text/plain", false),
            (Some(f), _) => match std::fs::read(f) {
                Ok(bytes) if gzip_ok && bytes.len() > 1024 => {
                    let mut c = cache.lock().unwrap_or_else(|e| e.into_inner());
                    let z = c.entry(f.clone()).or_insert_with(|| gzip(&bytes)).clone();
                    ("200 OK", z, mime(f), true)
                }
                Ok(bytes) => ("200 OK", bytes, mime(f), false),
                Err(_) => ("404 Not Found", b"not found".to_vec(), "text/plain", false),
            },
            (None, _) => ("404 Not Found", b"not found".to_vec(), "text/plain", false),
        };
        let mut head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\n",
            body.len()
        );
        if gz {
            head.push_str("Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n");
        }
        head.push_str(if keep_alive { "Connection: keep-alive\r\n\r\n" } else { "Connection: close\r\n\r\n" });
        stream.write_all(head.as_bytes())?;
        if method != "HEAD" {
            stream.write_all(&body)?;
        }
        if !keep_alive {
            return Ok(());
        }
    }
}

/// Maps a URL path to a file under `site`, refusing `..` and absolute parts.
fn resolve(site: &Path, url_path: &str) -> Option<PathBuf> {
    let rel = Path::new(url_path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut p = site.join(rel);
    if p.is_dir() {
        p = p.join("index.html");
    }
    p.is_file().then_some(p)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_escapes_and_finds_index() {
        let dir = std::env::temp_dir().join(format!("blocmap-serve-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::write(dir.join("index.html"), "x").unwrap();
        std::fs::write(dir.join("pkg/a.wasm"), "x").unwrap();
        assert_eq!(resolve(&dir, "/"), Some(dir.join("index.html")));
        assert_eq!(resolve(&dir, "/pkg/a.wasm"), Some(dir.join("pkg/a.wasm")));
        assert_eq!(resolve(&dir, "/../etc/passwd"), None);
        assert_eq!(resolve(&dir, "/pkg/../../x"), None);
        assert_eq!(mime(Path::new("a.wasm")), "application/wasm");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
