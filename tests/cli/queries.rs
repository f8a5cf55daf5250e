//! `path`, `neighbors`, `timeline` and `stats` on the curated dataset:
//! human and JSON snapshots of the questions the README answers.

use crate::common::{json, run, show};
use serde_json::json;

const DATA: &str = "graph-data/netflix-facebook.json";

fn snap(args: &[&str]) -> String {
    let mut full = args.to_vec();
    full.extend(["--data", DATA]);
    show(&run(&full))
}

#[test]
fn path_netflix_to_cambridge_analytica() {
    insta::assert_snapshot!(snap(&["path", "netflix", "cambridge-analytica"]));
    let out = run(&[
        "path",
        "netflix",
        "cambridge-analytica",
        "--json",
        "--data",
        DATA,
    ]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_json_snapshot!(json(&out));
}

#[test]
fn a_connection_only_through_a_denied_claim_fails_with_min_status_reported() {
    // In 2014 the only recorded message-sharing link between Meta and
    // Netflix is the one Meta and Netflix both deny.
    let q = [
        "path",
        "meta",
        "netflix",
        "--types",
        "shared_private_messages_with,gave_message_access_to",
        "--as-of",
        "2014",
    ];
    let found = snap(&q);
    assert!(found.starts_with("status: 0"), "{found}");
    assert!(found.contains("· denied ·"), "{found}");
    insta::assert_snapshot!("denied-only", found);
    let mut strict = q.to_vec();
    strict.extend(["--min-status", "reported"]);
    let cut = snap(&strict);
    assert!(cut.starts_with("status: 1"), "{cut}");
    assert!(cut.contains("`--min-status reported`"), "{cut}");
    insta::assert_snapshot!("denied-only-min-status-reported", cut);
    strict.push("--json");
    let v = json(&run(&[&strict[..], &["--data", DATA]].concat()));
    assert_eq!(v["paths"], serde_json::json!([]));
    assert_eq!(v["total"], 0);
}

#[test]
fn how_netflix_connects_to_each_fine_and_settlement() {
    for target in ["irish-dpc", "ftc", "in-re-facebook-consumer-privacy"] {
        let any = snap(&["path", "netflix", target]);
        assert!(any.starts_with("status: 0"), "{any}");
        insta::assert_snapshot!(format!("fine-{target}"), any);
        let confirmed = snap(&["path", "netflix", target, "--min-status", "confirmed"]);
        assert!(confirmed.contains("weakest hop: confirmed"), "{confirmed}");
        insta::assert_snapshot!(format!("fine-{target}-confirmed"), confirmed);
    }
}

#[test]
fn path_options() {
    insta::assert_snapshot!(
        "k3",
        snap(&["path", "netflix", "ftc", "--k", "3", "--quiet"])
    );
    insta::assert_snapshot!("credible", snap(&["path", "netflix", "ftc", "--credible"]));
    insta::assert_snapshot!(
        "avoid-hubs",
        snap(&[
            "path",
            "netflix",
            "in-re-facebook-consumer-privacy",
            "--avoid-hubs"
        ])
    );
    insta::assert_snapshot!(
        "chronological",
        snap(&["path", "reed-hastings", "irish-dpc", "--chronological"])
    );
    insta::assert_snapshot!(
        "all",
        snap(&[
            "path",
            "netflix",
            "meta-platforms-ireland",
            "--all",
            "--limit",
            "2"
        ])
    );
    let v = json(&run(&[
        "path",
        "netflix",
        "cambridge-analytica",
        "--via",
        "meta",
        "--avoid",
        "facebook",
        "--json",
        "--data",
        DATA,
    ]));
    let ents: Vec<&str> = v["paths"][0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert!(
        ents.contains(&"meta") && !ents.contains(&"facebook"),
        "{ents:?}"
    );
    // Usage errors exit 2.
    let out = run(&[
        "path",
        "netflix",
        "ftc",
        "--all",
        "--credible",
        "--data",
        DATA,
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["path", "netflix", "netflix", "--data", DATA]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn path_directed_and_max_hops() {
    // Netflix to the FTC is 2 hops, both against the arrows (Meta → Netflix,
    // FTC → Meta): none with `--directed`, which says why; the other way
    // round, both along them.
    let out = run(&["path", "netflix", "ftc", "--directed", "--data", DATA]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("without `--directed`) there is a path of 2 hops"),
        "{err}"
    );
    let v = json(&run(&[
        "path",
        "ftc",
        "netflix",
        "--directed",
        "--json",
        "--data",
        DATA,
    ]));
    let steps = v["paths"][0]["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 2, "{v}");
    assert!(steps.iter().all(|s| s["direction"] == "forward"), "{v}");
    // `--max-hops 1` cuts the 2-hop connection, and says how to get it.
    let out = run(&["path", "netflix", "ftc", "--max-hops", "1", "--data", DATA]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the shortest connection has 2 hops; raise `--max-hops`"),
        "{err}"
    );
    let out = run(&["path", "netflix", "ftc", "--max-hops", "2", "--data", DATA]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
}

const PAIRS: &str = "tests/data/pairs/confirmed.tsv";

#[test]
fn path_pairs_answers_each_pair_as_the_single_question_does() {
    let out = run(&[
        "path",
        "--pairs",
        PAIRS,
        "--min-status",
        "confirmed",
        "--data",
        DATA,
    ]);
    // The second pair has no confirmed path: the batch goes on, and fails.
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    insta::assert_snapshot!("pairs-confirmed", show(&out));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let answers: Vec<&str> = stdout.split("\n\n== ").collect();
    let pairs = [
        ("reed-hastings", "meta", 3),
        ("netflix", "titan-api", 4),
        ("netflix", "ftc", 6),
    ];
    assert_eq!(answers.len(), pairs.len(), "{stdout}");
    for (answer, (from, to, line)) in answers.iter().zip(pairs) {
        let (heading, body) = answer.split_once('\n').unwrap();
        assert_eq!(
            heading.trim_start_matches("== "),
            format!("{from} → {to} ({PAIRS}:{line}) ==")
        );
        let single = run(&[
            "path",
            from,
            to,
            "--min-status",
            "confirmed",
            "--data",
            DATA,
        ]);
        // A pair with no path prints on stdout what the single question
        // gives as its error.
        let expected = match single.status.code() {
            Some(0) => String::from_utf8(single.stdout).unwrap(),
            _ => String::from_utf8(single.stderr)
                .unwrap()
                .replacen("error: ", "", 1),
        };
        assert_eq!(format!("{}\n", body.trim_end()), expected, "{from} → {to}");
    }
}

#[test]
fn path_pairs_json_is_an_array_of_the_single_question_objects() {
    let out = run(&[
        "path",
        "--pairs",
        PAIRS,
        "--min-status",
        "confirmed",
        "--json",
        "--data",
        DATA,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    insta::assert_json_snapshot!("pairs-confirmed-json", v);
    let answers = v.as_array().unwrap();
    assert_eq!(answers.len(), 3);
    for (answer, (from, to)) in answers.iter().zip([
        ("reed-hastings", "meta"),
        ("netflix", "titan-api"),
        ("netflix", "ftc"),
    ]) {
        let single = run(&[
            "path",
            from,
            to,
            "--min-status",
            "confirmed",
            "--json",
            "--data",
            DATA,
        ]);
        assert_eq!(*answer, json(&single), "{from} → {to}");
    }
}

#[test]
fn a_bad_pairs_file_is_reported_line_by_line_and_nothing_is_answered() {
    let out = run(&[
        "path",
        "--pairs",
        "tests/data/pairs/bad.tsv",
        "--data",
        DATA,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "{}", show(&out));
    insta::assert_snapshot!("pairs-bad", show(&out));
    let out = run(&[
        "path",
        "--pairs",
        "tests/data/pairs/missing.tsv",
        "--data",
        DATA,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: cannot read the pairs file `tests/data/pairs/missing.tsv`: "),
        "{err}"
    );
}

#[test]
fn a_pairs_file_saved_on_windows_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pairs.tsv");
    let file = file.to_str().unwrap();
    // A byte-order mark and CRLF line ends: neither is part of an end, and
    // the mark is not counted as a column.
    std::fs::write(file, "\u{feff}meta\r\nnetflix\tftc\r\n").unwrap();
    let out = run(&["path", "--pairs", file, "--data", DATA]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{file}:1:1\n")), "{err}");
    assert!(err.contains("error[pair-fields]"), "{err}");
    std::fs::write(file, "\u{feff}netflix\tftc\r\n").unwrap();
    let out = run(&["path", "--pairs", file, "--data", DATA]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
}

#[test]
fn path_takes_from_and_to_or_pairs_not_both() {
    let out = run(&["path", "netflix", "ftc", "--pairs", PAIRS, "--data", DATA]);
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!("pairs-and-from-to", show(&out));
    assert_eq!(run(&["path", "--data", DATA]).status.code(), Some(2));
}

#[test]
fn reed_hastings_neighbors_in_2012_and_2020() {
    let y2012 = snap(&["neighbors", "reed-hastings", "--as-of", "2012-01-01"]);
    let y2020 = snap(&["neighbors", "reed-hastings", "--as-of", "2020-01-01"]);
    // On Meta's board in 2012, gone by 2020.
    assert!(y2012.contains("(`meta`"), "{y2012}");
    assert!(!y2020.contains("(`meta`"), "{y2020}");
    insta::assert_snapshot!("neighbors-2012", y2012);
    insta::assert_snapshot!("neighbors-2020", y2020);
    insta::assert_json_snapshot!(
        "neighbors-2020-json",
        json(&run(&[
            "neighbors",
            "reed-hastings",
            "--as-of",
            "2020-01-01",
            "--json",
            "--data",
            DATA
        ]))
    );
    insta::assert_snapshot!(
        "neighbors-depth-2-out",
        snap(&[
            "neighbors",
            "reed-hastings",
            "--depth",
            "2",
            "--direction",
            "out",
            "--min-status",
            "confirmed"
        ])
    );
}

#[test]
fn timeline_for_netflix() {
    insta::assert_snapshot!(snap(&["timeline", "netflix"]));
    insta::assert_json_snapshot!(json(&run(&[
        "timeline",
        "netflix",
        "--min-status",
        "reported",
        "--json",
        "--data",
        DATA
    ])));
    let all = json(&run(&["timeline", "--json", "--data", DATA]));
    let dates: Vec<&str> = all["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["sort_date"].as_str().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by_key(|d| casegraph::model::PartialDate::parse(d).unwrap());
    assert_eq!(dates, sorted);
}

#[test]
fn stats_betweenness_and_bridges() {
    let v = json(&run(&["stats", "--json", "--data", DATA]));
    assert_eq!(v["betweenness"][0]["id"], "meta");
    // Netflix and Meta are linked by nine relationships: never a bridge.
    let bridges = v["bridges"].as_array().unwrap();
    assert!(
        bridges
            .iter()
            .all(|b| b["to"] != "netflix" || b["from"] != "meta")
    );
    assert!(bridges.iter().any(|b| b["id"] == "ftc.fined.meta"));
    insta::assert_json_snapshot!("stats-json", v);
    insta::assert_snapshot!(
        "stats-confirmed",
        snap(&["stats", "--min-status", "confirmed"])
    );
}

/// Of the three 2-hop paths from Reed Hastings to Facebook Watch, the one
/// through Mark Zuckerberg rests on an alleged claim: the answer is one of
/// the two whose weakest hop is reported, and `--all` lists it last.
#[test]
fn the_shortest_path_is_the_best_evidenced() {
    let v = json(&run(&[
        "path",
        "reed-hastings",
        "facebook-watch",
        "--json",
        "--data",
        DATA,
    ]));
    assert_eq!(v["paths"][0]["hops"], 2);
    assert_eq!(v["paths"][0]["weakest_status"], "reported", "{v:#}");
    let all = json(&run(&[
        "path",
        "reed-hastings",
        "facebook-watch",
        "--all",
        "--json",
        "--data",
        DATA,
    ]));
    let paths = all["paths"].as_array().expect("paths");
    assert_eq!(all["total"], 3);
    assert_eq!(paths[0], v["paths"][0], "--all starts with the answer");
    let weakest: Vec<&str> = paths
        .iter()
        .map(|p| p["weakest_status"].as_str().expect("status"))
        .collect();
    assert_eq!(weakest, ["reported", "reported", "alleged"]);
    assert_eq!(paths[2]["entities"][1], "mark-zuckerberg");
}

/// A hop reads from the entity the path is at to the next one; the arrow,
/// and in JSON `direction` and the relationship's own ends, say which way
/// the claim runs.
#[test]
fn a_hop_reads_in_the_order_it_is_travelled() {
    let text = snap(&["path", "facebook", "cambridge-analytica"]);
    assert!(
        text.contains("  1. Facebook ←[obtained data from · 2018-03 · reported"),
        "{text}"
    );
    assert!(text.contains("]— Cambridge Analytica\n"), "{text}");
    let v = json(&run(&[
        "path",
        "facebook",
        "cambridge-analytica",
        "--json",
        "--data",
        DATA,
    ]));
    let step = &v["paths"][0]["steps"][0];
    assert_eq!(
        (&step["from"], &step["to"], &step["direction"]),
        (
            &json!("facebook"),
            &json!("cambridge-analytica"),
            &json!("backward")
        )
    );
    assert_eq!(step["relationship"]["from"], "cambridge-analytica");
    // The other relationships of a hop are named by label and status.
    let many = snap(&["path", "netflix", "meta"]);
    assert!(
        many.contains("also linked by 8 other relationships: whitelist agreement with · alleged;"),
        "{many}"
    );
}

/// `render --path` asks the question `path` asks, with every path option:
/// the relationships it highlights are exactly the hops `path` returns.
#[test]
fn render_path_takes_every_path_option() {
    let options: [&[&str]; 6] = [
        &[],
        &["--k", "3"],
        &["--all", "--min-status", "confirmed"],
        &["--via", "reed-hastings"],
        &["--credible", "--max-hops", "3"],
        &["--avoid", "meta", "--chronological"],
    ];
    for opts in options {
        let mut q = vec!["path", "netflix", "ftc", "--json", "--data", DATA];
        q.extend(opts);
        let answer = run(&q);
        let mut r = vec!["render", "--path", "netflix", "ftc", "--data", DATA];
        r.extend(opts);
        let drawn = run(&r);
        assert_eq!(answer.status.code(), drawn.status.code(), "{opts:?}");
        if answer.status.code() != Some(0) {
            continue;
        }
        let mut want: Vec<String> = json(&answer)["paths"]
            .as_array()
            .expect("paths")
            .iter()
            .flat_map(|p| p["steps"].as_array().expect("steps").clone())
            .map(|s| format!("r-{}", s["relationship"]["id"].as_str().expect("id")))
            .collect();
        want.sort();
        want.dedup();
        let dot = String::from_utf8(drawn.stdout).expect("utf-8");
        let mut have: Vec<String> = dot
            .lines()
            .filter(|l| l.contains(" path\""))
            .filter_map(|l| l.split("id=\"").nth(1)?.split('"').next())
            .map(str::to_owned)
            .collect();
        have.sort();
        assert_eq!(have, want, "{opts:?}");
    }
    // Without --path they mean nothing: a usage error, not silence.
    let out = run(&["render", "--credible", "--data", DATA]);
    assert_eq!(out.status.code(), Some(2));
}

/// `timeline --between` shows what happened in the window (a one-off date
/// inside it, a period overlapping it), not what was in force then; the
/// undated relationships come last under their own heading, and
/// `--evidence` prints each entry's citations as `path` does.
#[test]
fn timeline_between_shows_what_happened_and_the_undated_last() {
    let text = snap(&["timeline", "--between", "2020", "2021"]);
    assert!(text.starts_with("status: 0"), "{text}");
    // The $40M payment of 2015 was in force from 2015 on, but happened then.
    assert!(!text.contains("· 2015 ·"), "{text}");
    assert!(
        text.contains("2021-10-28               Mark Zuckerberg —[announced"),
        "{text}"
    );
    assert!(
        text.contains(
            "Data Protection Commission (Ireland) —[investigated · 2021-04-14 – 2022-11-25"
        ),
        "{text}"
    );
    let undated = text
        .find("\nundated (7 relationships):\n")
        .expect("undated heading");
    assert!(
        text[undated..].contains("  Mark Zuckerberg —[ceo of · confirmed]→ Meta Platforms, Inc.\n"),
        "{text}"
    );
    let v = json(&run(&[
        "timeline",
        "--between",
        "2020",
        "2021",
        "--json",
        "--data",
        DATA,
    ]));
    assert_eq!(v["undated"].as_array().map(Vec::len), Some(7));
    for e in v["entries"].as_array().expect("entries") {
        assert_ne!(e["when"]["date"], "2015", "{e}");
    }
    let cited = snap(&["timeline", "netflix", "--evidence"]);
    assert!(
        cited.contains("2015          Netflix, Inc. —[paid · 2015 · $40M · alleged]→ Meta Platforms, Inc.\n                [1] "),
        "{cited}"
    );
    insta::assert_snapshot!("timeline-netflix-evidence", cited);
}
