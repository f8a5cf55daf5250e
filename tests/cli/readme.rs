//! The README's examples are real: every ```console block that runs
//! `casegraph` must still print what the README shows. A line holding only
//! `…` stands for lines left out; the shown pieces must appear in order.

use crate::common::root;

/// Splits a command line into words, honouring double quotes and dropping a
/// trailing `# comment`.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            '#' if !quoted && !any => break,
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(cur);
    }
    out
}

#[test]
fn readme_examples_print_what_the_readme_shows() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut blocks = 0;
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "```console" {
            continue;
        }
        let block: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
        let Some(command) = block.first().and_then(|l| l.strip_prefix("$ casegraph")) else {
            continue;
        };
        blocks += 1;
        let args = words(command);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = crate::common::run(&args);
        let actual = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let expected = block[1..].join("\n");
        let mut rest = actual.as_str();
        for piece in expected.split("\n…\n").flat_map(|p| p.split("\n…")) {
            let piece = piece.trim_end_matches('…').trim_end();
            if piece.is_empty() {
                continue;
            }
            match rest.find(piece) {
                Some(i) => rest = &rest[i + piece.len()..],
                None => panic!(
                    "README example `casegraph{command}` no longer prints:\n{piece}\n\nit prints:\n{actual}"
                ),
            }
        }
    }
    assert!(blocks >= 4, "the README lost its examples ({blocks} found)");
}

/// The README's own words for the library's numbers: the weights of
/// `--credible`, the default of `--max-hops` and the diagram size limit are
/// the library's, not a copy that can drift.
#[test]
fn readme_states_the_weights_and_limits_the_code_uses() {
    use casegraph::format::{DISPUTED_WEIGHT, Status};
    use casegraph::query::path::DEFAULT_MAX_HOPS;
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    // Joined into one line, as the README wraps its paragraphs.
    let readme = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    let weights: Vec<String> = Status::ALL
        .iter()
        .map(|s| format!("{s} {}", s.weight()))
        .collect();
    let credible = format!(
        "Each hop weighs {}, plus {DISPUTED_WEIGHT} if disputed",
        weights.join(", ")
    );
    assert!(readme.contains(&credible), "{credible}");
    let max_hops = format!("`--max-hops H` (default {DEFAULT_MAX_HOPS})");
    assert!(readme.contains(&max_hops), "{max_hops}");
    let size = format!(
        "A diagram of more than {} entities is refused",
        casegraph::render::MAX_ENTITIES
    );
    assert!(readme.contains(&size), "{size}");
}
