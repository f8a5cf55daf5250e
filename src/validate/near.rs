//! The closest defined id to a mistyped one without comparing it with
//! every id: [`crate::diag::closest`]'s answer, exactly, from an index
//! (among ids of at most [`LONGEST_KEY`] bytes).
//!
//! The ids (lower-cased, as `closest` compares them) are sorted, which
//! makes them an implicit trie: the ids below a prefix are one run of the
//! sorted list. The search walks that trie computing the Damerau–Levenshtein
//! distance row by row (Lowrance–Wagner, one row per prefix character, so
//! the rows of all prefixes on the way are at hand for the transpositions)
//! and abandons a prefix as soon as every id below it is provably farther
//! than the bound. It tries the bound 0, then 1, up to `closest`'s limit:
//! a typo of one edit — the usual case — costs a walk along the id's own
//! path and its one-edit neighbours, not a pass over a million ids.

/// Ids longer than this (in bytes) are not indexed, so never suggested:
/// the format allows 128 characters ([`crate::format::MAX_ID_LEN`]), a longer
/// id is reported as `bad-id`, and leaving it out bounds the search's depth
/// and rows whatever the data holds (a 1 MB id would otherwise cost a 1 MB
/// deep walk with rows of a million cells). Default relationship ids
/// (`from.type.to`) stay well below it.
const LONGEST_KEY: usize = 4 * crate::format::MAX_ID_LEN;

/// The candidate ids, indexed.
pub(super) struct Near<'a> {
    /// The original id of each candidate (what is suggested), by number.
    originals: Vec<&'a str>,
    /// Candidate numbers, sorted by key: a node's ids are a run of it.
    order: Vec<u32>,
    /// The trie, breadth first, so each node's children are neighbours;
    /// node 0 is the empty prefix.
    nodes: Vec<Node>,
    /// The length (in characters) of the longest key.
    longest: usize,
}

/// A prefix of one or more keys.
struct Node {
    /// The prefix's last character.
    ch: char,
    /// The children are `nodes[first_child..first_child + children]`.
    first_child: u32,
    children: u32,
    /// The keys equal to this prefix are `order[ends..ends + ending]`.
    ends: u32,
    ending: u32,
}

impl<'a> Near<'a> {
    /// Indexes `candidates` (any order, repeats allowed).
    pub(super) fn new(candidates: impl IntoIterator<Item = &'a str>) -> Near<'a> {
        let mut chars: Vec<char> = Vec::new();
        let mut starts: Vec<u32> = vec![0];
        let mut originals = Vec::new();
        for c in candidates {
            if c.len() > LONGEST_KEY {
                continue; // an id past this is an error (`bad-id`) itself
            }
            if c.bytes().any(|b| b.is_ascii_uppercase()) || !c.is_ascii() {
                chars.extend(c.to_lowercase().chars());
            } else {
                chars.extend(c.chars());
            }
            starts.push(chars.len() as u32);
            originals.push(c);
        }
        let key = |i: u32| &chars[starts[i as usize] as usize..starts[i as usize + 1] as usize];
        let mut order: Vec<u32> = (0..originals.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| key(a).cmp(key(b)));
        let longest = order.iter().map(|&k| key(k).len()).max().unwrap_or(0);
        // Breadth first: each node's run of `order`, split by the next character.
        let mut nodes = vec![Node {
            ch: '\0',
            first_child: 0,
            children: 0,
            ends: 0,
            ending: 0,
        }];
        let mut queue = std::collections::VecDeque::from([(0usize, 0usize, order.len(), 0usize)]);
        while let Some((node, lo, hi, depth)) = queue.pop_front() {
            let mut at = lo;
            while at < hi && key(order[at]).len() == depth {
                at += 1;
            }
            nodes[node].ends = lo as u32;
            nodes[node].ending = (at - lo) as u32;
            nodes[node].first_child = nodes.len() as u32;
            while at < hi {
                let ch = key(order[at])[depth];
                let start = at;
                while at < hi && key(order[at])[depth] == ch {
                    at += 1;
                }
                queue.push_back((nodes.len(), start, at, depth + 1));
                nodes.push(Node {
                    ch,
                    first_child: 0,
                    children: 0,
                    ends: 0,
                    ending: 0,
                });
            }
            nodes[node].children = nodes.len() as u32 - nodes[node].first_child;
        }
        Near {
            originals,
            order,
            nodes,
            longest,
        }
    }

    /// What [`crate::diag::closest`] answers for `wrong` among the
    /// candidates: the same id, found through the index.
    pub(super) fn closest(&self, wrong: &str) -> Option<&'a str> {
        let wrong_lower = wrong.to_lowercase();
        let query: Vec<char> = wrong_lower.chars().collect();
        let limit = match query.len() {
            0..=3 => 1,
            4..=8 => 2,
            _ => 3,
        };
        if query.len() > self.longest + limit {
            return None; // every key is too short (a hostile 1 MB id costs nothing)
        }
        let mut search = Search {
            near: self,
            query: &query,
            // `closest`'s cheap pre-check on byte lengths, kept so the
            // answer is the same even where lower-casing changes them.
            bytes: wrong_lower.len(),
            byte_slack: limit * 4,
            bound: 0,
            rows: Vec::new(),
            last: Vec::new(),
            found: Vec::new(),
        };
        for bound in 0..=limit {
            search.bound = bound;
            search.start();
            if let Some(&(_, best)) = search.found.iter().min() {
                return Some(best);
            }
        }
        None
    }
}

/// One search: the query, the bound, and the rows of the prefixes on the
/// current path.
struct Search<'n, 'a> {
    near: &'n Near<'a>,
    query: &'n [char],
    bytes: usize,
    byte_slack: usize,
    bound: usize,
    /// `rows[p * w + q]`, `w = query.len() + 1`: the distance between the
    /// path's first `p` characters and the query's first `q`.
    rows: Vec<u32>,
    /// `last[p * w + q]`: the last position (1-based, 0 for none) on the
    /// path's first `p` characters of the character `query[q - 1]`.
    last: Vec<u32>,
    /// `(distance, id)` of each id within the bound.
    found: Vec<(usize, &'a str)>,
}

impl Search<'_, '_> {
    fn width(&self) -> usize {
        self.query.len() + 1
    }

    /// Walks the whole trie from the empty prefix.
    fn start(&mut self) {
        self.found.clear();
        let w = self.width();
        self.rows.clear();
        self.rows.extend(0..w as u32); // the empty prefix: q insertions
        self.last.clear();
        self.last.resize(w, 0);
        self.visit(0, 0, 0);
    }

    /// The node `node` at `depth` (its prefix is the path, its row is
    /// computed); `lower` bounds from below the distance of any key below it.
    fn visit(&mut self, node: usize, depth: usize, lower: usize) {
        let w = self.width();
        let near = self.near;
        let n = &near.nodes[node];
        let here = self.rows[depth * w + self.query.len()] as usize;
        if here <= self.bound {
            for &k in &near.order[n.ends as usize..(n.ends + n.ending) as usize] {
                let id = near.originals[k as usize];
                if id.len().abs_diff(self.bytes) <= self.byte_slack {
                    self.found.push((here, id));
                }
            }
        }
        for child in n.first_child..n.first_child + n.children {
            let row_min = self.push_row(depth, near.nodes[child as usize].ch);
            // A path that skips this row (a transposition over it) pays
            // at least one more than the bound one row up.
            let lower_here = row_min.min(lower + 1);
            if lower_here <= self.bound {
                self.visit(child as usize, depth + 1, lower_here);
            }
        }
    }
    /// Computes the row of the path extended by `c` (at `depth + 1`) and
    /// returns its smallest value.
    fn push_row(&mut self, depth: usize, c: char) -> usize {
        let w = self.width();
        let p = depth + 1; // the 1-based position of `c` on the path
        let (prev, cur) = (depth * w, p * w);
        self.rows.resize(cur + w, 0);
        self.last.resize(cur + w, 0);
        self.rows[cur] = p as u32;
        self.last[cur] = 0;
        let mut row_min = p;
        // The last query position (1-based) holding `c`, in this row.
        let mut last_col = 0usize;
        for q in 1..w {
            let b = self.query[q - 1];
            let same = b == c;
            let mut d = (self.rows[prev + q - 1] + u32::from(!same))
                .min(self.rows[cur + q - 1] + 1)
                .min(self.rows[prev + q] + 1);
            // The last earlier path position holding `b`.
            let k = self.last[prev + q] as usize;
            let l = last_col;
            if k > 0 && l > 0 {
                let t = self.rows[(k - 1) * w + (l - 1)] as usize + (p - k - 1) + 1 + (q - l - 1);
                d = d.min(t as u32);
            }
            if same {
                last_col = q;
            }
            self.rows[cur + q] = d;
            self.last[cur + q] = if same { p as u32 } else { self.last[prev + q] };
            row_min = row_min.min(d as usize);
        }
        row_min
    }
}

#[cfg(test)]
mod tests {
    use super::Near;
    use crate::diag::closest;
    use proptest::prelude::*;

    #[test]
    fn an_over_long_id_is_never_walked() {
        let long = "a".repeat(1_000_000);
        let near = Near::new([long.as_str(), "netflix"]);
        assert_eq!(near.closest(&format!("{long}b")), None);
        assert_eq!(near.closest("netflx"), Some("netflix"));
    }

    #[test]
    fn finds_what_closest_finds() {
        let ids = [
            "netflix",
            "meta",
            "reed-hastings",
            "Netflix-Inc",
            "ftc",
            "fcc",
        ];
        let near = Near::new(ids);
        for wrong in [
            "netflx",
            "zzzzzz",
            "fct",
            "metaa",
            "reed-hastigns",
            "NETFLIX-inc",
            "",
        ] {
            assert_eq!(
                near.closest(wrong).map(str::to_owned),
                closest(wrong, ids),
                "{wrong}"
            );
        }
    }

    /// The case proptest once shrank a failure to (a transposition next to
    /// an insertion), kept as a plain test rather than a regressions file.
    #[test]
    fn a_transposition_beside_an_insertion() {
        let near = Near::new(["1b-a1"]);
        assert_eq!(
            near.closest("1aa-1").map(str::to_owned),
            closest("1aa-1", ["1b-a1"])
        );
    }

    /// Ids from a small alphabet (so many are near each other), with
    /// upper-case and non-ASCII letters whose lower case differs in length.
    fn id() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                8 => proptest::sample::select(vec!['a', 'b', 'c', '-', '1']),
                1 => proptest::sample::select(vec!['A', 'É', 'ß', 'İ', 'Ⱥ', 'é']),
            ],
            0..12,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn the_index_answers_as_the_full_scan_does(
            ids in proptest::collection::vec(id(), 0..60),
            wrongs in proptest::collection::vec(id(), 1..8),
        ) {
            let near = Near::new(ids.iter().map(String::as_str));
            for wrong in &wrongs {
                prop_assert_eq!(
                    near.closest(wrong).map(str::to_owned),
                    closest(wrong, ids.iter().map(String::as_str)),
                    "{:?}", wrong
                );
            }
        }
    }
}
