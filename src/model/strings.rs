//! Compact string storage for the model.
//!
//! A million-entity dataset has tens of millions of short strings. Giving each
//! its own heap allocation would cost more than the text itself, so all
//! strings live in one arena and records hold 8-byte [`Str`] handles. Strings
//! that repeat a lot (kinds, relationship types, currencies) are interned as
//! [`Sym`]s, and id lookups go through an [`IdIndex`] that hashes the arena
//! text instead of keeping a second copy of every id.

use hashbrown::HashTable;
use std::hash::BuildHasher;

/// A handle to a string in a [`Arena`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct Str {
    start: u32,
    len: u32,
}

impl Str {
    /// The empty string (needs no arena space).
    pub const EMPTY: Str = Str { start: 0, len: 0 };

    /// True for the empty string.
    pub fn is_empty(self) -> bool {
        self.len == 0
    }
}

/// The arena is full: more than 4 GiB of text in one dataset.
#[derive(Debug, Clone, Copy)]
pub struct ArenaFull;

/// All the model's strings, back to back.
#[derive(Default, Debug, Clone)]
pub struct Arena {
    text: String,
}

impl Arena {
    /// Stores `s` and returns its handle.
    pub fn push(&mut self, s: &str) -> Result<Str, ArenaFull> {
        if s.is_empty() {
            return Ok(Str::EMPTY);
        }
        let start = u32::try_from(self.text.len()).map_err(|_| ArenaFull)?;
        let len = u32::try_from(s.len()).map_err(|_| ArenaFull)?;
        start.checked_add(len).ok_or(ArenaFull)?;
        self.text.push_str(s);
        Ok(Str { start, len })
    }

    /// The text of a handle.
    pub fn get(&self, s: Str) -> &str {
        &self.text[s.start as usize..(s.start + s.len) as usize]
    }

    /// Bytes used by the text.
    pub fn bytes(&self) -> usize {
        self.text.len()
    }

    /// Gives back spare capacity once loading is done.
    pub fn shrink(&mut self) {
        self.text.shrink_to_fit();
    }
}

/// A small interned string (kind, type, currency): an index into [`Symbols`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Sym(pub(crate) u32);

/// The interner for [`Sym`]s. Few distinct values, many uses.
#[derive(Default, Debug, Clone)]
pub struct Symbols {
    names: Vec<Box<str>>,
    index: std::collections::HashMap<Box<str>, u32, foldhash::fast::FixedState>,
}

impl Symbols {
    /// Interns `s`.
    pub fn intern(&mut self, s: &str) -> Sym {
        if let Some(&i) = self.index.get(s) {
            return Sym(i);
        }
        let i = self.names.len() as u32;
        self.names.push(s.into());
        self.index.insert(s.into(), i);
        Sym(i)
    }

    /// The symbol for `s`, if it was interned.
    pub fn lookup(&self, s: &str) -> Option<Sym> {
        self.index.get(s).map(|&i| Sym(i))
    }

    /// The text of a symbol.
    pub fn get(&self, s: Sym) -> &str {
        &self.names[s.0 as usize]
    }

    /// Every interned symbol, in interning order.
    pub fn iter(&self) -> impl Iterator<Item = (Sym, &str)> {
        self.names
            .iter()
            .enumerate()
            .map(|(i, n)| (Sym(i as u32), &**n))
    }
}

/// Maps ids (stored in an [`Arena`]) to dense `u32` indices without a second
/// copy of the ids.
#[derive(Default, Debug, Clone)]
pub struct IdIndex {
    table: HashTable<u32>,
    hasher: foldhash::fast::FixedState,
}

impl IdIndex {
    fn hash(&self, id: &str) -> u64 {
        self.hasher.hash_one(id)
    }

    /// Finds the index whose id is `id`; `id_of` gives the id of an index.
    pub fn find<'a>(&self, id: &str, id_of: impl Fn(u32) -> &'a str) -> Option<u32> {
        self.table.find(self.hash(id), |&i| id_of(i) == id).copied()
    }

    /// Records that `index` has id `id` (the caller checked it is new).
    pub fn insert<'a>(&mut self, id: &str, index: u32, id_of: impl Fn(u32) -> &'a str) {
        let hasher = &self.hasher;
        self.table
            .insert_unique(hasher.hash_one(id), index, |&i| hasher.hash_one(id_of(i)));
    }

    /// Number of ids.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
}
