//! Writes a synthetic casegraph dataset (format v1) for benchmarks.
//!
//! ```sh
//! cargo run --release --example synth -- --entities 1000000 --relationships 3000000 --seed 1 -o target/bench-data/l.json
//! cargo run --release --example synth -- --entities 1000000 --seed 1 --pairs-out l.pairs.tsv   # the benchmarks' 100 path pairs
//! cargo run --release --example synth -- --entities 1000000 --seed 1 --focus-id                # the benchmarks' `render --focus` entity
//! cargo run --release --example synth -- --shape explicit-ids -o m.json   # every relationship with an id, no extras
//! cargo run --release --example synth -- --ends hub-heavy --entities 200 --relationships 600 -o draw.json
//! ```
//!
//! The last two only compute ids (an entity's id depends on its index and
//! the seed alone), so they cost nothing even for L: the dataset is neither
//! generated nor read.
//!
//! The output is deterministic: the same arguments give the same bytes on
//! every machine, because the generator uses its own SplitMix64 (no `rand`
//! version drift) and no hash-map iteration order. It is written as it is
//! generated, through a `BufWriter`; only per-entity degree bookkeeping and a
//! set of edge keys (to avoid duplicates) are kept in memory.
//!
//! The shape imitates bulk investigative data:
//! - one giant component grown by preferential attachment (each new entity
//!   links to earlier ones chosen in proportion to their degree, so degrees
//!   are heavy-tailed), plus ~3 % of entities in small components of 2–6;
//! - 8 entity kinds, 20 relationship types, one source per ~50 relationships;
//! - 1–2 citations per relationship, each with a locator and an 8–15-word quote;
//! - ~30 % dated (a `date`, or a `start` with or without an `end`), all four
//!   statuses, ~5 % amounts, ~3 % disputes (never on a confirmed claim);
//! - no self-loops and no two relationships with the same ends and type
//!   (except the repeats below, which differ in date).
//!
//! On top of that come the shapes of real data (`synth/shape.rs`, each a
//! flag; `--help` lists them): by default 75 % of relationships have no
//! `id`, 20 % a `label`, 30 % `properties`; entities and sources carry more
//! of their optional fields; 2 % of quoted strings hold an escape, 10 % of
//! names non-ASCII letters; up to 4 citations; 1 % of relationships repeat
//! an earlier one on another date. `--shape explicit-ids` turns them all
//! off and gives the bytes the generator wrote before it had shapes.
//!
//! `--ends uniform` and `--ends hub-heavy` make graphs to draw instead (the
//! drawing rows of `benches/compare.sh`, issue #14 item 5): the same
//! records, but each relationship's ends are two entities drawn uniformly,
//! or one of them from a Pareto distribution (α = 1: entity 0 is an end of
//! half of the relationships, entity 1 of a sixth, …). No component
//! structure; every entity is in a relationship when there are at least
//! half as many relationships as entities.

#[path = "synth/shape.rs"]
mod shape;
#[path = "synth/vocab.rs"]
mod vocab;
pub(crate) use shape::Shape;
use shape::{Extras, SHAPE_USAGE};
use vocab::{ALSO_KINDS, KINDS, ORG_SUFFIXES, PUBLISHERS, SOURCE_KINDS, SYLLABLES, TYPES, WORDS};

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufWriter, Write};

/// SplitMix64: tiny, fast, and fixed forever (unlike a crate's default RNG).
pub(crate) struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        ((self.next() >> 32) * n) >> 32
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// What to generate.
pub(crate) struct Args {
    /// Number of entities (at least 10).
    pub entities: u64,
    /// Number of relationships.
    pub relationships: u64,
    /// Seed: the same seed gives the same bytes.
    pub seed: u64,
    /// Output file, `-` for standard output.
    pub out: String,
}

/// How a relationship's two ends are chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ends {
    /// Preferential attachment into one giant component, plus small
    /// components: the load benchmarks' data (the default).
    Preferential,
    /// Both ends uniform over the entities: a random graph.
    Uniform,
    /// One end from a Pareto distribution over the entities (a few hubs
    /// take most relationships), the other uniform.
    HubHeavy,
}

impl Ends {
    /// The `--ends` value naming it.
    pub(crate) fn named(name: &str) -> Option<Ends> {
        match name {
            "preferential" => Some(Ends::Preferential),
            "uniform" => Some(Ends::Uniform),
            "hub-heavy" => Some(Ends::HubHeavy),
            _ => None,
        }
    }
}

/// What the command line asks for: the dataset, and the benchmarks' fixed
/// queries on it.
struct Cli {
    args: Args,
    /// `--ends`: how the relationships' ends are chosen.
    ends: Ends,
    /// `-o` was given (else the dataset goes to stdout only when nothing else is asked).
    out_given: bool,
    /// `--pairs-out FILE`: where to write the 100 benchmark pairs.
    pairs_out: Option<String>,
    /// `--focus-id`: print the id of the benchmarks' focus entity.
    focus_id: bool,
    /// `--shape` and the shape flags.
    shape: Shape,
}

const USAGE: &str =
    "usage: synth --entities N --relationships M --seed S [-o FILE] [--pairs-out FILE] [--focus-id]
             [--ends preferential|uniform|hub-heavy] [shape flags]
  --ends   preferential (default): one giant component grown by preferential attachment,
           plus small ones; uniform: both ends of every relationship uniform over the
           entities; hub-heavy: one end from a Pareto distribution (graphs to draw)";

fn parse_args() -> Result<Cli, String> {
    let mut cli = Cli {
        args: Args {
            entities: 10_000,
            relationships: 30_000,
            seed: 1,
            out: "-".into(),
        },
        ends: Ends::Preferential,
        out_given: false,
        pairs_out: None,
        focus_id: false,
        shape: Shape::DEFAULT,
    };
    let args = &mut cli.args;
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--entities" => args.entities = value()?.parse().map_err(|e| format!("{e}"))?,
            "--relationships" => {
                args.relationships = value()?.parse().map_err(|e| format!("{e}"))?;
            }
            "--seed" => args.seed = value()?.parse().map_err(|e| format!("{e}"))?,
            "-o" | "--out" => {
                args.out = value()?;
                cli.out_given = true;
            }
            "--pairs-out" => cli.pairs_out = Some(value()?),
            "--focus-id" => cli.focus_id = true,
            "--ends" => {
                let name = value()?;
                cli.ends = Ends::named(&name).ok_or(format!(
                    "unknown --ends `{name}`: preferential, uniform or hub-heavy"
                ))?;
            }
            "--shape" => {
                let name = value()?;
                cli.shape = Shape::named(&name)
                    .ok_or(format!("unknown shape `{name}`: default or explicit-ids"))?;
            }
            "-h" | "--help" => return Err(format!("{USAGE}\n{SHAPE_USAGE}")),
            other => {
                let given = value();
                let Some((field, max)) = cli.shape.field(other) else {
                    return Err(format!(
                        "unknown argument `{other}`\n{USAGE}\n{SHAPE_USAGE}"
                    ));
                };
                let n: u64 = given?.parse().map_err(|e| format!("{other}: {e}"))?;
                if n > max {
                    return Err(format!("{other} is at most {max}"));
                }
                *field = n;
            }
        }
    }
    if args.entities < 10 {
        return Err("--entities must be at least 10".into());
    }
    // Random ends are drawn again until a pair and type is new: keep most
    // of the 20 types × n(n-1)/2 pairs free so that always ends quickly.
    if cli.ends != Ends::Preferential && args.relationships > args.entities * (args.entities - 1) {
        return Err(format!(
            "--ends {}: at most N×(N-1) = {} relationships between {} entities",
            if cli.ends == Ends::Uniform {
                "uniform"
            } else {
                "hub-heavy"
            },
            args.entities * (args.entities - 1),
            args.entities
        ));
    }
    if cli.focus_id && cli.out_given && args.out == "-" {
        return Err("--focus-id prints on stdout: write the dataset to a file".into());
    }
    Ok(cli)
}

fn main() {
    let cli = match parse_args() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let args = &cli.args;
    let mut result = Ok(());
    if let Some(path) = &cli.pairs_out {
        result = result.and_then(|()| {
            File::create(path).and_then(|f| write_bench_pairs(args.seed, args.entities, f))
        });
    }
    if cli.focus_id {
        println!("{}", entity_id(args.seed, focus_index(args.entities)));
    }
    let only_queries = cli.pairs_out.is_some() || cli.focus_id;
    if cli.out_given || !only_queries {
        result = result.and_then(|()| {
            if args.out == "-" {
                write_graph(args, &cli.shape, cli.ends, io::stdout().lock())
            } else {
                File::create(&args.out).and_then(|f| write_graph(args, &cli.shape, cli.ends, f))
            }
        });
    }
    if let Err(e) = result {
        eprintln!("synth: {e}");
        std::process::exit(1);
    }
}

/// The 100 (from, to) entity indices the path benchmarks ask about, spread
/// over the whole dataset by two large primes (the giant component and the
/// small ones alike, so some pairs have no path). Shared by
/// `benches/load.rs` and the pairs file of `benches/compare.sh`.
pub(crate) fn bench_pairs(n: u64) -> Vec<(u64, u64)> {
    (0..100)
        .map(|i| {
            let from = (i * 7919) % n;
            let to = (i * 104_729 + n / 2) % n;
            // Only tiny datasets (under ~1000 entities) hit this: a pair of
            // one entity is not a question `casegraph path` accepts.
            (from, if to == from { (to + 1) % n } else { to })
        })
        .collect()
}

/// The entity the `render --focus` benchmarks draw: not a hub (the first
/// entities have hundreds of relationships on S, thousands on M: an
/// unreadable diagram), but the one at n/100, which has a few dozen (27 on
/// S, 54 on M): under preferential attachment an entity's expected degree
/// depends on its index relative to n, so it stays mid-degree at any size.
pub(crate) fn focus_index(n: u64) -> u64 {
    n / 100
}

/// Writes [`bench_pairs`] as a `casegraph path --pairs` file: ids, a tab between.
pub(crate) fn write_bench_pairs(seed: u64, n: u64, out: impl Write) -> io::Result<()> {
    let mut w = BufWriter::new(out);
    writeln!(
        w,
        "# The path benchmarks' 100 pairs for --entities {n} --seed {seed} (examples/synth.rs)"
    )?;
    for (from, to) in bench_pairs(n) {
        writeln!(w, "{}\t{}", entity_id(seed, from), entity_id(seed, to))?;
    }
    w.flush()
}

fn date(rng: &mut Rng, w: &mut impl Write, year_from: u64) -> io::Result<(u64, u64, u64)> {
    let y = year_from + rng.below(2024 - year_from + 1);
    let m = 1 + rng.below(12);
    let d = 1 + rng.below(28);
    match rng.below(3) {
        0 => write!(w, "\"{y}\"")?,
        1 => write!(w, "\"{y}-{m:02}\"")?,
        _ => write!(w, "\"{y}-{m:02}-{d:02}\"")?,
    }
    Ok((y, m, d))
}

fn name(rng: &mut Rng, kind: &str) -> String {
    let word = |rng: &mut Rng| {
        let n = 2 + rng.below(2);
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(rng.pick(&SYLLABLES));
        }
        let mut c = s.chars();
        let first = c.next().unwrap().to_ascii_uppercase();
        format!("{first}{}", c.as_str())
    };
    match kind {
        "person" => format!("{} {}", word(rng), word(rng)),
        "organization" => format!("{} {}", word(rng), rng.pick(&ORG_SUFFIXES)),
        "government" => format!("Ministry of {}", word(rng)),
        "court_case" => format!("{} v. {}", word(rng), word(rng)),
        "product" => format!("{} {}", word(rng), 1 + rng.below(20)),
        "event" => format!("{} Summit {}", word(rng), 1990 + rng.below(35)),
        _ => word(rng),
    }
}

/// 8–15 words of the vocabulary: a citation's quote, a description.
fn quote(rng: &mut Rng) -> String {
    let n = 8 + rng.below(8);
    let words: Vec<&str> = (0..n).map(|_| rng.pick(&WORDS)).collect();
    words.join(" ")
}

/// Picks entities in proportion to degree (+1): `urn` holds every endpoint
/// written so far, so a uniform pick from it is a degree-weighted pick.
struct Attach {
    urn: Vec<u32>,
}

impl Attach {
    fn pick(&self, rng: &mut Rng, grown: u64) -> u32 {
        // One in four picks is uniform over the entities present, which keeps
        // the tail heavy but not absurd (a pure urn makes a few mega-hubs).
        if self.urn.is_empty() || rng.chance(25) {
            rng.below(grown) as u32
        } else {
            rng.pick(&self.urn)
        }
    }
}

fn entity_kind(seed: u64, i: u64) -> &'static str {
    let mut r = Rng(seed ^ i.wrapping_mul(0xA24B_AED4_963E_E407));
    if r.chance(3) {
        r.pick(&ALSO_KINDS)
    } else {
        r.pick(&KINDS)
    }
}

/// The id of the entity at `index` (its place in the file): depends on the
/// seed and the index only, not on the rest of the dataset.
pub(crate) fn entity_id(seed: u64, i: u64) -> String {
    let kind = entity_kind(seed, i);
    let short = &kind[..kind.find('_').unwrap_or(kind.len()).min(3)];
    format!("{short}-{i}")
}

/// Writes the dataset `args` describes in the explicit-ids shape (every
/// relationship with an id, none of the extras): the generator's output
/// before it had shapes, which the tests' snapshots and the recorded
/// benchmark files rest on.
#[allow(dead_code)] // for tests/cli/synth.rs, which includes this file; `main` writes shaped data
pub(crate) fn write_dataset(args: &Args, out: impl Write) -> io::Result<()> {
    write_shaped(args, &Shape::EXPLICIT_IDS, out)
}

/// Writes the dataset `args` describes, in `shape`, to `out`.
pub(crate) fn write_shaped(args: &Args, shape: &Shape, out: impl Write) -> io::Result<()> {
    write_graph(args, shape, Ends::Preferential, out)
}

/// Writes the dataset `args` describes, in `shape`, with the
/// relationships' ends chosen as `ends` says, to `out`.
pub(crate) fn write_graph(
    args: &Args,
    shape: &Shape,
    ends: Ends,
    out: impl Write,
) -> io::Result<()> {
    let mut w = BufWriter::with_capacity(1 << 20, out);
    let n = args.entities;
    let m = args.relationships;
    let sources = m.div_ceil(50).max(1);
    let mut rng = Rng(args.seed);
    let mut x = Extras::new(args.seed, shape.clone());

    writeln!(w, "{{")?;
    writeln!(w, "  \"format\": \"casegraph/1\",")?;
    // The graphs to draw say so in their id; the default's id is unchanged.
    let kind = match ends {
        Ends::Preferential => "",
        Ends::Uniform => "uniform-",
        Ends::HubHeavy => "hub-heavy-",
    };
    writeln!(
        w,
        "  \"dataset\": {{\"id\": \"synth-{kind}{n}-{m}-{}\", \"title\": \"Synthetic benchmark dataset\", \"license\": \"CC0-1.0\"}},",
        args.seed
    )?;

    writeln!(w, "  \"sources\": [")?;
    for s in 0..sources {
        write!(w, "    {{\"id\": \"src-{s}\", \"title\": ")?;
        let title = format!(
            "{} {} {}",
            rng.pick(&WORDS),
            rng.pick(&WORDS),
            rng.pick(&WORDS)
        );
        x.text(&mut w, &title)?;
        write!(
            w,
            ", \"kind\": \"{}\", \"publisher\": ",
            rng.pick(&SOURCE_KINDS)
        )?;
        x.text(&mut w, rng.pick(&PUBLISHERS))?;
        w.write_all(b", \"published\": ")?;
        date(&mut rng, &mut w, 1995)?;
        if rng.chance(60) {
            write!(w, ", \"url\": \"https://example.org/doc/{s}\"")?;
        }
        if x.chance(x.shape.source_extras) {
            if x.chance(70) {
                w.write_all(b", \"author\": ")?;
                let author = name(&mut x.rng, "person");
                let author = x.name(author);
                x.text(&mut w, &author)?;
            }
            if x.chance(50) {
                write!(
                    w,
                    ", \"archived_url\": \"https://web.archive.org/web/{}/https://example.org/doc/{s}\"",
                    2005 + x.rng.below(20)
                )?;
            }
            if x.chance(50) {
                w.write_all(b", \"notes\": ")?;
                let notes = quote(&mut x.rng);
                x.text(&mut w, &notes)?;
            }
        }
        w.write_all(if s + 1 < sources { b"},\n" } else { b"}\n" })?;
    }
    writeln!(w, "  ],")?;

    writeln!(w, "  \"entities\": [")?;
    for i in 0..n {
        write_entity(&mut rng, &mut x, &mut w, args.seed, i)?;
        w.write_all(if i + 1 < n { b"},\n" } else { b"}\n" })?;
    }
    writeln!(w, "  ],")?;

    writeln!(w, "  \"relationships\": [")?;
    // The repeats are written last; the graph is grown from the rest.
    let repeats = m * x.shape.repeats / 100;
    let m = m - repeats;
    let attach = ends == Ends::Preferential;
    let mut edges = Edges {
        urn: Attach {
            urn: Vec::with_capacity(if attach { 2 * m as usize } else { 0 }),
        },
        seen: HashSet::with_capacity(m as usize),
        keys: Vec::with_capacity(if repeats > 0 { m as usize } else { 0 }),
        written: 0,
        wanted: m,
        seed: args.seed,
        sources,
        x,
    };
    if attach {
        grow_preferential(&mut edges, &mut rng, &mut w, n, m)?;
    } else {
        draw_random(&mut edges, &mut rng, &mut w, n, m, ends)?;
    }
    // Each repeat copies a different relationship (one per stretch of
    // `stride`), so no two share ends, type and dates.
    if let Some(stride) = m.checked_div(repeats) {
        for r in 0..repeats {
            let k = r * stride + edges.x.rng.below(stride);
            edges.repeat(&mut rng, &mut w, k as usize)?;
        }
    }
    writeln!(w, "\n  ]")?;
    writeln!(w, "}}")?;
    w.flush()
}

/// Writes `m` relationships between `n` entities: one giant component
/// grown by preferential attachment, and small components of four.
fn grow_preferential(
    edges: &mut Edges,
    rng: &mut Rng,
    w: &mut impl Write,
    n: u64,
    m: u64,
) -> io::Result<()> {
    // The giant component holds ~97 % of entities; the rest form small groups.
    let giant = (n - n * 3 / 100).max(2);
    let small = n - giant;
    // Edges inside small groups: one per entity past each group's first.
    let small_edges = small - small.div_ceil(4);
    let giant_budget = m.saturating_sub(small_edges);
    // Grow the giant component: entity i arrives with one link to an earlier
    // entity (so the component stays connected) and, on average, enough
    // extra links between existing entities to spend the budget.
    let extra_per_step = giant_budget.saturating_sub(giant - 1) as f64 / (giant - 1) as f64;
    let mut carry = 0.0;
    for i in 1..giant {
        let mut linked = false;
        for _ in 0..8 {
            let j = edges.urn.pick(rng, i);
            let (a, b) = if rng.chance(50) {
                (i as u32, j)
            } else {
                (j, i as u32)
            };
            if edges.emit(rng, w, a, b, true)? {
                linked = true;
                break;
            }
        }
        if !linked {
            // Always possible: i is new, so (i, 0) is unused for every type.
            edges.emit(rng, w, i as u32, 0, true)?;
        }
        carry += extra_per_step;
        while carry >= 1.0 {
            carry -= 1.0;
            for _ in 0..4 {
                let a = edges.urn.pick(rng, i + 1);
                let b = edges.urn.pick(rng, i + 1);
                if edges.emit(rng, w, a, b, true)? {
                    break;
                }
            }
        }
    }
    // Small components: groups of four in a chain.
    let mut g = giant;
    while g < n {
        let end = (g + 4).min(n);
        for k in g + 1..end {
            edges.emit(rng, w, (k - 1) as u32, k as u32, false)?;
        }
        g = end;
    }
    // Top up to exactly `m` with links inside the giant component.
    while edges.written < m {
        let a = edges.urn.pick(rng, giant);
        let b = edges.urn.pick(rng, giant);
        edges.emit(rng, w, a, b, true)?;
    }
    Ok(())
}

/// Writes `m` relationships between `n` entities with random ends:
/// uniform, or for [`Ends::HubHeavy`] one end from [`pareto_index`].
/// Once no more relationships are left to write than entities in none,
/// each next one links such an entity (two of them while they outnumber
/// the relationships left), so that every entity is in one when 2`m` ≥ `n`
/// while the rest stay random; with fewer, `n` − 2`m` are in none (a
/// warning of `check`).
fn draw_random(
    edges: &mut Edges,
    rng: &mut Rng,
    w: &mut impl Write,
    n: u64,
    m: u64,
    ends: Ends,
) -> io::Result<()> {
    let draw = |rng: &mut Rng| match ends {
        Ends::HubHeavy => pareto_index(rng, n),
        _ => rng.below(n),
    } as u32;
    let mut linked = vec![false; n as usize];
    let mut unlinked = n;
    // Entities are only ever linked, so the first unlinked one only moves up.
    let mut first_unlinked = 0;
    while edges.written < m {
        let left = m - edges.written;
        let (a, b) = if unlinked >= left {
            while linked[first_unlinked] {
                first_unlinked += 1;
            }
            let other = if unlinked > left {
                // At least one more unlinked entity than `first_unlinked`.
                loop {
                    let j = rng.below(n) as usize;
                    if j != first_unlinked && !linked[j] {
                        break j as u32;
                    }
                }
            } else {
                draw(rng)
            };
            (first_unlinked as u32, other)
        } else {
            (rng.below(n) as u32, draw(rng))
        };
        let (a, b) = if rng.chance(50) { (a, b) } else { (b, a) };
        // A self-loop or a pair and type already written is drawn again.
        if edges.emit(rng, w, a, b, false)? {
            for end in [a, b] {
                if !std::mem::replace(&mut linked[end as usize], true) {
                    unlinked -= 1;
                }
            }
        }
    }
    Ok(())
}

/// An entity index in `0..n` from a Pareto distribution with α = 1, the
/// heaviest tail that still has a median: index k with probability
/// 1/(k+1) − 1/(k+2), drawn again when it falls past `n`. Computed in
/// `f64`, whose division and `floor` are the same on every machine.
fn pareto_index(rng: &mut Rng, n: u64) -> u64 {
    loop {
        // Uniform in (0, 1]: 53 random bits, never zero.
        let u = ((rng.next() >> 11) + 1) as f64 / (1u64 << 53) as f64;
        let k = (1.0 / u).floor() as u64 - 1;
        if k < n {
            return k;
        }
    }
}

/// Writes entity `i` up to its closing brace: the explicit-ids shape's
/// fields from `rng`, the extras of the shape from `x`.
fn write_entity(
    rng: &mut Rng,
    x: &mut Extras,
    w: &mut impl Write,
    seed: u64,
    i: u64,
) -> io::Result<()> {
    let kind = entity_kind(seed, i);
    let extras = x.chance(x.shape.entity_extras);
    write!(w, "    {{\"id\": \"{}\", \"name\": ", entity_id(seed, i))?;
    let entity_name = x.name(name(rng, kind));
    x.text(w, &entity_name)?;
    write!(w, ", \"kind\": \"{kind}\"")?;
    let mut aliases = Vec::new();
    if rng.chance(10) {
        aliases.push(name(rng, kind));
    } else if extras && x.chance(50) {
        for _ in 0..=x.rng.below(3) {
            aliases.push(name(&mut x.rng, kind));
        }
    }
    if !aliases.is_empty() {
        w.write_all(b", \"aliases\": [")?;
        for (k, alias) in aliases.into_iter().enumerate() {
            if k > 0 {
                w.write_all(b", ")?;
            }
            let alias = x.name(alias);
            x.text(w, &alias)?;
        }
        w.write_all(b"]")?;
    }
    if rng.chance(30) {
        w.write_all(b", \"description\": ")?;
        let text = quote(rng);
        x.text(w, &text)?;
    } else if extras && x.chance(60) {
        w.write_all(b", \"description\": ")?;
        let text = format!("{}. {}", quote(&mut x.rng), quote(&mut x.rng));
        x.text(w, &text)?;
    }
    let start = if rng.chance(10) {
        w.write_all(b", \"start\": ")?;
        Some(date(rng, w, 1950)?.0)
    } else if extras && x.chance(50) {
        w.write_all(b", \"start\": ")?;
        Some(date(&mut x.rng, w, 1900)?.0)
    } else {
        None
    };
    // A year after the start's whole period, so never before it.
    if let Some(year) = start
        && extras
        && x.chance(50)
    {
        write!(w, ", \"end\": \"{}\"", year + 1 + x.rng.below(40))?;
    }
    if rng.chance(5) || (extras && x.chance(40)) {
        write!(w, ", \"url\": \"https://example.org/e/{i}\"")?;
    }
    if rng.chance(5) {
        write!(
            w,
            ", \"properties\": {{\"country\": \"{}\", \"employees\": {}}}",
            rng.pick(&["GB", "US", "DE", "FR", "PA", "CY"]),
            rng.below(100_000)
        )?;
    } else if extras && x.chance(50) {
        x.entity_properties(w)?;
    }
    Ok(())
}

/// The relationships written so far, to keep out self-loops and repeats.
struct Edges {
    urn: Attach,
    seen: HashSet<(u32, u32, u8)>,
    /// `(from, to, type)` of each relationship in file order, kept only
    /// when the shape asks for repeats.
    keys: Vec<(u32, u32, u8)>,
    written: u64,
    wanted: u64,
    seed: u64,
    sources: u64,
    x: Extras,
}

impl Edges {
    /// Writes `a → b` with a random type unless it is a self-loop or repeats
    /// an earlier pair of ends and type; says whether it was written.
    fn emit(
        &mut self,
        rng: &mut Rng,
        w: &mut impl Write,
        a: u32,
        b: u32,
        attach: bool,
    ) -> io::Result<bool> {
        if a == b || self.written >= self.wanted {
            return Ok(false);
        }
        let t = rng.below(TYPES.len() as u64) as u8;
        let key = if a < b { (a, b, t) } else { (b, a, t) };
        if !self.seen.insert(key) {
            return Ok(false);
        }
        if attach {
            self.urn.urn.push(a);
            self.urn.urn.push(b);
        }
        if self.keys.capacity() > 0 {
            self.keys.push((a, b, t));
        }
        self.write(rng, w, a, b, t, None)?;
        Ok(true)
    }

    /// Writes the `k`th relationship again without an id, dated in the
    /// 1970s (every other date is from 1980 on), so it is no duplicate.
    fn repeat(&mut self, rng: &mut Rng, w: &mut impl Write, k: usize) -> io::Result<()> {
        let (a, b, t) = self.keys[k];
        let r = &mut self.x.rng;
        let date = format!(
            "{}-{:02}-{:02}",
            1970 + r.below(10),
            1 + r.below(12),
            1 + r.below(28)
        );
        self.write(rng, w, a, b, t, Some(date))
    }

    /// Writes one relationship, `repeat_date` for a repeat.
    fn write(
        &mut self,
        rng: &mut Rng,
        w: &mut impl Write,
        a: u32,
        b: u32,
        t: u8,
        repeat_date: Option<String>,
    ) -> io::Result<()> {
        if self.written > 0 {
            w.write_all(b",\n")?;
        }
        let index = self.written;
        self.written += 1;
        let (seed, sources, x) = (self.seed, self.sources, &mut self.x);
        let (rel_type, directed) = TYPES[t as usize];
        w.write_all(b"    {")?;
        if repeat_date.is_none() && !x.chance(x.shape.no_id) {
            write!(w, "\"id\": \"r-{index}\", ")?;
        }
        write!(
            w,
            "\"from\": \"{}\", \"to\": \"{}\", \"type\": \"{rel_type}\"",
            entity_id(seed, a.into()),
            entity_id(seed, b.into())
        )?;
        if x.chance(x.shape.labels) {
            w.write_all(b", \"label\": ")?;
            let label = x.label(rel_type);
            x.text(w, &label)?;
        }
        if !directed {
            w.write_all(b", \"directed\": false")?;
        }
        if let Some(date) = repeat_date {
            write!(w, ", \"date\": \"{date}\"")?;
        } else if rng.chance(30) {
            if rng.chance(40) {
                w.write_all(b", \"date\": ")?;
                date(rng, w, 1980)?;
            } else {
                w.write_all(b", \"start\": ")?;
                let (y, _, _) = date(rng, w, 1980)?;
                if rng.chance(50) {
                    write!(w, ", \"end\": \"{}\"", y + 1 + rng.below(10))?;
                }
            }
        }
        let disputed = rng.chance(3);
        let status = match rng.below(100) {
            _ if disputed => rng.pick(&["reported", "alleged", "denied"]),
            0..25 => "confirmed",
            25..70 => "reported",
            70..90 => "alleged",
            _ => "denied",
        };
        if status != "reported" || rng.chance(50) {
            write!(w, ", \"status\": \"{status}\"")?;
        }
        if rng.chance(5) {
            write!(
                w,
                ", \"amount\": {{\"value\": {}, \"currency\": \"{}\"}}",
                1000 * (1 + rng.below(500_000)),
                rng.pick(&["USD", "EUR", "GBP", "CHF"])
            )?;
        }
        // A source per ~50 relationships: mostly the one of this block, so
        // every source is cited, sometimes another one.
        let home = (index / 50).min(sources - 1);
        w.write_all(b", \"evidence\": [")?;
        let citations = 1 + u64::from(rng.chance(40));
        for c in 0..citations {
            let source = if c == 0 { home } else { rng.below(sources) };
            if c > 0 {
                w.write_all(b", ")?;
            }
            write!(
                w,
                "{{\"source\": \"src-{source}\", \"locator\": \"p. {}, ¶ {}\", \"quote\": ",
                1 + rng.below(300),
                1 + rng.below(120)
            )?;
            let text = quote(rng);
            x.text(w, &text)?;
            w.write_all(b"}")?;
        }
        let more = if x.shape.extra_citations > 0 && x.chance(30) {
            1 + x.rng.below(x.shape.extra_citations)
        } else {
            0
        };
        for _ in 0..more {
            write!(w, ", {{\"source\": \"src-{}\"", x.rng.below(sources))?;
            if x.chance(80) {
                write!(w, ", \"locator\": \"{}\"", x.locator())?;
            }
            if x.chance(70) {
                w.write_all(b", \"quote\": ")?;
                let text = quote(&mut x.rng);
                x.text(w, &text)?;
            }
            w.write_all(b"}")?;
        }
        w.write_all(b"]")?;
        if disputed {
            write!(
                w,
                ", \"disputed_by\": [{{\"entity\": \"{}\", \"source\": \"src-{}\", \"quote\": ",
                entity_id(seed, a.into()),
                rng.below(sources)
            )?;
            let text = quote(rng);
            x.text(w, &text)?;
            w.write_all(b"}]")?;
        }
        if x.chance(x.shape.rel_properties) {
            x.rel_properties(w)?;
        }
        w.write_all(b"}")
    }
}
