//! `render --format html` and the page `build` writes: it is made for any
//! selection, the same bytes every time, loads nothing from anywhere, and
//! links only to the web.

use crate::common::{curated_build, root, run, show};

/// `casegraph ARGS`, which must succeed; its standard output as text.
fn page(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The values of every `name="…"` attribute in `html`.
fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let key = format!(" {name}=\"");
    html.match_indices(&key)
        .map(|(at, _)| {
            let rest = &html[at + key.len()..];
            &rest[..rest.find('"').expect("closed")]
        })
        .collect()
}

/// What every page must be: one document, its script and style inline and
/// allowed by hash, nothing loaded from an origin, links only to the web.
fn check_page(html: &str) {
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    assert!(html.contains("<meta http-equiv=\"Content-Security-Policy\""));
    assert!(html.contains("default-src &#39;none&#39;"));
    // No element loads anything: no src, no stylesheet link, no import.
    assert!(attribute_values(html, "src").is_empty());
    assert!(!html.contains("<link"));
    assert!(!html.contains("@import"));
    assert!(!html.contains("<iframe"));
    for tag in ["<script", "<style"] {
        for (at, _) in html.match_indices(tag) {
            let open = &html[at..at + html[at..].find('>').expect("tag ends")];
            assert!(!open.contains("http"), "{open}");
        }
    }
    // Links only to http(s), opened apart from the page.
    for href in attribute_values(html, "href") {
        assert!(
            href.starts_with("https://") || href.starts_with("http://"),
            "{href}"
        );
    }
    for (at, _) in html.match_indices("<a ") {
        let open = &html[at..at + html[at..].find('>').expect("tag ends")];
        assert!(open.contains("rel=\"noopener noreferrer\""), "{open}");
    }
}

#[test]
fn the_curated_page_has_every_hook_and_stays_small() {
    let html = page(&["render", "--format", "html"]);
    check_page(&html);
    for hook in [
        "data-entity=\"netflix\"",
        "data-entity=\"reed-hastings\"",
        "data-relationship=\"netflix.had_api_access_to.titan-api\" data-status=\"alleged\"",
        "role=\"complementary\"",
        "id=\"casegraph-data\"",
    ] {
        assert!(html.contains(hook), "{hook}");
    }
    assert!(html.len() < 1_000_000, "{} bytes", html.len());
}

#[test]
fn the_page_is_the_same_bytes_on_every_run_and_is_what_build_writes() {
    let a = page(&["render", "--format", "html"]);
    let b = page(&["render", "--format", "html"]);
    assert!(a == b, "two runs differ");
    let built = std::fs::read_to_string(curated_build().join("netflix-facebook.html"))
        .expect("build writes the page");
    assert!(built == a, "build's page differs from render's");
}

#[test]
fn o_html_infers_the_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("graph.html");
    let out = run(&["render", "-o", file.to_str().expect("UTF-8 path")]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let html = std::fs::read_to_string(&file).expect("written");
    check_page(&html);
}

#[test]
fn focus_path_and_view_pages_draw_their_selection() {
    let focus = page(&[
        "render",
        "--focus",
        "reed-hastings",
        "--depth",
        "1",
        "--format",
        "html",
    ]);
    check_page(&focus);
    assert!(focus.contains("data-entity=\"reed-hastings\""));
    // Only the neighbourhood is drawn (the data still has every entity).
    assert!(!focus.contains("data-entity=\"irish-dpc\""));

    let path = page(&["render", "--path", "netflix", "ftc", "--format", "html"]);
    check_page(&path);
    assert!(path.contains("data-relationship=\"ftc.fined.meta\""));
    assert!(path.contains("\"isPath\":true"));

    let view = page(&[
        "render",
        "--view",
        "titan-and-inbox-api",
        "--format",
        "html",
    ]);
    check_page(&view);
    assert!(view.contains("data-entity=\"titan-api\""));

    let filtered = page(&["render", "--min-status", "reported", "--format", "html"]);
    check_page(&filtered);
    assert!(!filtered.contains("data-status=\"alleged\""));
}

#[test]
fn hostile_strings_land_as_text() {
    let html = page(&[
        "render",
        "--data",
        "tests/data/hostile.json",
        "--format",
        "html",
    ]);
    check_page(&html);
    // Exactly the two script elements of the page: no string from the data
    // opened one, and the data cannot close its own.
    assert_eq!(html.matches("<script").count(), 2);
    assert_eq!(html.matches("</script>").count(), 2);
    // Every tag is one the page writes, and no attribute is an event handler
    // or a `javascript:` address: the hostile names are text, not markup.
    for (name, attrs) in tags(&html) {
        assert!(PAGE_TAGS.contains(&name.as_str()), "<{name}>");
        for (a, v) in attrs {
            assert!(!a.starts_with("on"), "<{name} {a}>");
            assert!(
                !v.to_ascii_lowercase().contains("javascript:"),
                "<{name} {a}={v}>"
            );
        }
    }
    // The data parses back to the dataset's own title.
    let start = html.find("id=\"casegraph-data\">").expect("data") + 20;
    let len = html[start..].find("</script>").expect("end");
    let data: serde_json::Value = serde_json::from_str(&html[start..start + len]).expect("JSON");
    assert_eq!(
        data["dataset"]["title"],
        "Hostile <strings> & \"quotes\" \\ test"
    );
    assert!(root().join("tests/data/hostile.json").exists());
}

/// The elements the page and its SVG are made of.
const PAGE_TAGS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "div", "main",
    "section", "aside", "footer", "details", "summary", "ol", "li", "cite", "bdi", "a", "script",
    "svg", "g", "polygon", "ellipse", "path", "polyline", "text", "!doctype",
];

/// Every start tag of `html` outside the script and style elements, with
/// its attributes (name, raw value), by a small tokenizer: enough for the
/// page's own well-formed markup, where values are always quoted.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if rest.starts_with('/') {
            continue;
        }
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        rest = &rest[name_len..];
        let mut attrs = Vec::new();
        loop {
            rest = rest.trim_start();
            if rest.starts_with('>') || rest.starts_with("/>") || rest.is_empty() {
                break;
            }
            let n = rest
                .find(|c: char| c == '=' || c.is_whitespace() || c == '>')
                .unwrap_or(rest.len());
            let a = rest[..n].to_ascii_lowercase();
            rest = &rest[n..];
            let value = match rest.strip_prefix('=') {
                Some(r) => {
                    let quote = r.chars().next().expect("a value");
                    let end = r[1..].find(quote).expect("a closed value") + 1;
                    rest = &r[end + 1..];
                    r[1..end].to_owned()
                }
                None => String::new(),
            };
            attrs.push((a, value));
        }
        // The contents of script and style are not markup.
        if name == "script" || name == "style" {
            let close = format!("</{name}>");
            rest = &rest[rest.find(&close).expect("closed")..];
        }
        out.push((name, attrs));
    }
    out
}
