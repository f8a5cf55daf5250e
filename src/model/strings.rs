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
use std::num::NonZeroU32;
use std::sync::Arc;

/// A handle to a string in an [`Arena`]: where it starts and how long it
/// is. The length is kept plus one, with its top bit saying which half of
/// the arena holds the string, so it is never zero and `Option<Str>` takes
/// 8 bytes, not 12 (a million-relationship dataset has millions of them).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) struct Str {
    start: u32,
    tagged_len: NonZeroU32,
}

/// Set in the length of strings in the arena's own buffer.
const OWNED: u32 = 1 << 31;

impl Str {
    /// The empty string (needs no arena space).
    pub(crate) const EMPTY: Str = Str::new(0, 0);

    /// `len` includes the [`OWNED`] bit; it is below `u32::MAX`.
    const fn new(start: u32, len: u32) -> Str {
        match NonZeroU32::new(len + 1) {
            Some(tagged_len) => Str { start, tagged_len },
            None => panic!("string length overflow"),
        }
    }

    /// The length with the [`OWNED`] bit.
    fn raw_len(self) -> u32 {
        self.tagged_len.get() - 1
    }
}

impl Default for Str {
    fn default() -> Str {
        Str::EMPTY
    }
}

/// The arena is full: more than 4 GiB of input, or 2 GiB of copied text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ArenaFull;

/// All the model's strings.
///
/// Most strings of a dataset are written in its files without escapes, so
/// the parser hands them out as slices of the file text. The arena keeps the
/// file texts (shared with the diagnostics, which need them anyway) and a
/// handle to such a string is just its place in them: nothing is copied.
/// Only strings that are not slices of a file (with escapes, or made up, like
/// generated relationship ids) are copied into the arena's own buffer.
#[derive(Default, Debug, Clone)]
pub(crate) struct Arena {
    /// The file texts, each at its base in one address space.
    files: Vec<(u32, Arc<String>)>,
    /// The end of that address space.
    files_end: u32,
    /// Strings that are not slices of a file.
    owned: String,
}

/// Byte offset of `s` inside `base`, if `s` is a slice of it. The JSON
/// reader uses it too, to place the strings serde_json hands out.
#[inline]
pub(crate) fn offset_in(base: &str, s: &str) -> Option<usize> {
    let b = base.as_ptr() as usize;
    let p = s.as_ptr() as usize;
    (p >= b && p + s.len() <= b + base.len()).then(|| p - b)
}

impl Arena {
    /// Adds a file's text: from now on, slices of it are stored without a copy.
    pub(crate) fn add_file(&mut self, text: Arc<String>) {
        // Past 4 GiB of input, strings are copied (until that fills up too).
        if let Ok(len) = u32::try_from(text.len())
            && let Some(end) = self.files_end.checked_add(len)
        {
            self.files.push((self.files_end, text));
            self.files_end = end;
        }
    }

    /// Stores `s` and returns its handle: its place in the latest file when
    /// it is a slice of that file's text, else a copy.
    pub(crate) fn push(&mut self, s: &str) -> Result<Str, ArenaFull> {
        if s.is_empty() {
            return Ok(Str::EMPTY);
        }
        let len = u32::try_from(s.len()).map_err(|_| ArenaFull)?;
        if len >= OWNED - 1 {
            return Err(ArenaFull);
        }
        if let Some((base, text)) = self.files.last()
            && let Some(off) = offset_in(text, s)
        {
            // `add_file` checked that the whole file fits below `files_end`.
            return Ok(Str::new(base + off as u32, len));
        }
        self.push_copy(s)
    }

    /// Stores a copy of `s` in the arena's own buffer, even when it is a
    /// slice of a file. For the ids that every reference looks up (entities,
    /// sources) that are too long for [`TextIdIndex`]'s slots: copied
    /// together they take a few bytes each and stay in cache, where the
    /// same ids scattered through a file of hundreds of megabytes cost a
    /// cache miss per lookup (issue #14's profile).
    pub(crate) fn push_copy(&mut self, s: &str) -> Result<Str, ArenaFull> {
        if s.is_empty() {
            return Ok(Str::EMPTY);
        }
        let len = u32::try_from(s.len()).map_err(|_| ArenaFull)?;
        if len >= OWNED - 1 {
            return Err(ArenaFull);
        }
        let start = u32::try_from(self.owned.len()).map_err(|_| ArenaFull)?;
        start.checked_add(len).ok_or(ArenaFull)?;
        self.owned.push_str(s);
        Ok(Str::new(start, len | OWNED))
    }

    /// The text of a handle.
    pub(crate) fn get(&self, s: Str) -> &str {
        let raw = s.raw_len();
        let len = (raw & !OWNED) as usize;
        if len == 0 {
            return "";
        }
        let start = s.start as usize;
        if raw & OWNED != 0 {
            return &self.owned[start..start + len];
        }
        let file = match &self.files[..] {
            [only] => only,
            files => &files[files.partition_point(|(base, _)| *base <= s.start) - 1],
        };
        let start = start - file.0 as usize;
        &file.1[start..start + len]
    }

    /// Gives back spare capacity once loading is done.
    pub(crate) fn shrink(&mut self) {
        self.owned.shrink_to_fit();
    }
}

/// A small interned string (kind, type, currency): an index into [`Symbols`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub(crate) struct Sym(pub(crate) u32);

/// The interner for [`Sym`]s. Few distinct values, many uses.
#[derive(Default, Debug, Clone)]
pub(crate) struct Symbols {
    names: Vec<Box<str>>,
    index: std::collections::HashMap<Box<str>, u32, foldhash::fast::FixedState>,
}

impl Symbols {
    /// Interns `s`.
    pub(crate) fn intern(&mut self, s: &str) -> Sym {
        if let Some(&i) = self.index.get(s) {
            return Sym(i);
        }
        let i = self.names.len() as u32;
        self.names.push(s.into());
        self.index.insert(s.into(), i);
        Sym(i)
    }

    /// The text of a symbol.
    pub(crate) fn get(&self, s: Sym) -> &str {
        &self.names[s.0 as usize]
    }
}

/// Maps ids (stored in an [`Arena`]) to dense `u32` indices without a second
/// copy of the ids: the table holds indices only, and `id_of` reads an id
/// back from its record. That costs a record and a text read whenever the
/// table grows (every id is hashed again), so a loader that can estimate
/// the final count calls [`IdIndex::reserve`] early.
#[derive(Default, Debug, Clone)]
pub(crate) struct IdIndex {
    table: HashTable<u32>,
    hasher: foldhash::fast::FixedState,
}

impl IdIndex {
    fn hash(&self, id: &str) -> u64 {
        self.hasher.hash_one(id)
    }

    /// Finds the index whose id is `id`; `id_of` gives the id of an index.
    pub(crate) fn find<'a>(&self, id: &str, id_of: impl Fn(u32) -> &'a str) -> Option<u32> {
        self.table.find(self.hash(id), |&i| id_of(i) == id).copied()
    }

    /// Records that `index` has id `id` (the caller checked it is new).
    pub(crate) fn insert<'a>(&mut self, id: &str, index: u32, id_of: impl Fn(u32) -> &'a str) {
        let hasher = &self.hasher;
        self.table
            .insert_unique(hasher.hash_one(id), index, |&i| hasher.hash_one(id_of(i)));
    }

    /// Makes room for `additional` more ids, so that they go in without
    /// the table growing.
    pub(crate) fn reserve<'a>(&mut self, additional: usize, id_of: impl Fn(u32) -> &'a str) {
        let hasher = &self.hasher;
        self.table
            .reserve(additional, |&i| hasher.hash_one(id_of(i)));
    }
}

/// Spreads a 32-bit hash over 64 bits, so that the top bits a
/// [`TextIdIndex`] takes its first slot from depend on all of it. The
/// multiplier is odd, so distinct hashes stay distinct.
fn spread(h: u32) -> u64 {
    u64::from(h).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// An id index like [`IdIndex`], for the ids that are looked up millions
/// of times (entities: both ends of every relationship). A slot holds an id
/// of up to [`INLINE_ID`] bytes itself, so looking it up reads the table and
/// nothing else; a longer id is held as its handle and 32 bits of its hash, and its
/// text is compared only once those match. Growing the table hashes only
/// the inline ids again, which are in the slots. On a million entities
/// reading each id's text from elsewhere took a third of the lookups' time
/// (issue #14's profile). Sources are few and cited by every relationship,
/// so they use it too. Relationship ids are looked up rarely and keep the
/// smaller [`IdIndex`] (on 3 M relationships 12 bytes a slot would be 48 MiB).
#[derive(Default, Debug, Clone)]
pub(crate) struct TextIdIndex {
    /// Open addressing with linear probing: a power of two long (or empty),
    /// an empty slot's index is [`EMPTY`]. Not a hashbrown table: that keeps
    /// its control bytes apart from its slots, so a lookup in a table larger
    /// than the cache misses twice (control byte, then slot) where this
    /// misses once (issue #14's profile: lookups were an eighth of `check`
    /// on a million entities).
    slots: Vec<TextSlot>,
    /// How many slots are taken.
    len: usize,
    hasher: foldhash::fast::FixedState,
}

/// [`TextSlot::index`] of a slot that holds no id.
const EMPTY: u32 = u32::MAX;

/// The longest id a [`TextIdIndex`] slot holds itself, in bytes. Ids this
/// short need no copy near the table: the loader leaves them in the file.
pub(crate) const INLINE_ID: usize = 11;

/// Set in [`TextSlot::index`] when the slot holds a handle, not the id.
const SPILLED: u32 = 1 << 31;

/// One id in a [`TextIdIndex`]: 16 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TextSlot {
    /// The record's index, with [`SPILLED`] set when the id is not inline.
    index: u32,
    /// Inline: the id's bytes, zero-padded, and its length in the last byte.
    /// Spilled: the id's 32-bit hash, then its handle's two halves.
    data: [u8; 12],
}

impl TextSlot {
    /// The inline form of `id`, if it is short enough.
    fn inline(id: &str) -> Option<[u8; 12]> {
        let bytes = id.as_bytes();
        (bytes.len() <= INLINE_ID).then(|| {
            let mut data = [0; 12];
            data[..bytes.len()].copy_from_slice(bytes);
            data[INLINE_ID] = bytes.len() as u8;
            data
        })
    }

    fn spilled(hash: u32, id: Str, index: u32) -> TextSlot {
        let mut data = [0; 12];
        data[..4].copy_from_slice(&hash.to_le_bytes());
        data[4..8].copy_from_slice(&id.start.to_le_bytes());
        data[8..].copy_from_slice(&id.tagged_len.get().to_le_bytes());
        TextSlot {
            index: index | SPILLED,
            data,
        }
    }

    fn is_spilled(self) -> bool {
        self.index & SPILLED != 0
    }

    fn word(self, at: usize) -> u32 {
        u32::from_le_bytes([
            self.data[at],
            self.data[at + 1],
            self.data[at + 2],
            self.data[at + 3],
        ])
    }

    /// The handle of a spilled id.
    fn handle(self) -> Str {
        match NonZeroU32::new(self.word(8)) {
            Some(tagged_len) => Str {
                start: self.word(4),
                tagged_len,
            },
            None => Str::EMPTY,
        }
    }

    /// The text of an inline id.
    fn inline_text(&self) -> &[u8] {
        &self.data[..usize::from(self.data[INLINE_ID])]
    }
}

impl TextIdIndex {
    fn hash(&self, id: &str) -> u32 {
        hash32(&self.hasher, id.as_bytes())
    }

    /// The hash a slot's id was placed by.
    fn slot_hash(&self, s: TextSlot) -> u32 {
        if s.is_spilled() {
            s.word(0)
        } else {
            hash32(&self.hasher, s.inline_text())
        }
    }

    /// The first slot to look in for hash `h`: the top bits of the spread
    /// hash (the table is a power of two long, and not empty).
    fn home(&self, h: u32) -> usize {
        let bits = self.slots.len().trailing_zeros();
        (spread(h) >> (64 - bits)) as usize
    }

    /// Where `h` may be, in probing order: its home slot and those after
    /// it, wrapping round (none in an empty table).
    fn positions(&self, h: u32) -> impl Iterator<Item = usize> + use<> {
        let len = self.slots.len();
        let home = if len == 0 { 0 } else { self.home(h) };
        (0..len).map(move |step| (home + step) & (len - 1))
    }

    /// The slots `h` may be in, up to the first empty one.
    fn probe(&self, h: u32) -> impl Iterator<Item = TextSlot> + '_ {
        self.positions(h)
            .map(|at| self.slots[at])
            .take_while(|s| s.index != EMPTY)
    }

    /// Finds the index whose id is `id` (the ids' text is in `text`).
    pub(crate) fn find(&self, id: &str, text: &Arena) -> Option<u32> {
        let h = self.hash(id);
        match TextSlot::inline(id) {
            Some(data) => self
                .probe(h)
                .find(|s| !s.is_spilled() && s.data == data)
                .map(|s| s.index),
            None => self
                .probe(h)
                .find(|s| s.is_spilled() && s.word(0) == h && text.get(s.handle()) == id)
                .map(|s| s.index & !SPILLED),
        }
    }

    /// Records that `index` has id `id`, stored in the arena as `stored`
    /// (the caller checked it is new).
    pub(crate) fn insert(&mut self, id: &str, stored: Str, index: u32) {
        assert!(index < SPILLED - 1, "more than 2^31 records");
        let hash = self.hash(id);
        let slot = match TextSlot::inline(id) {
            Some(data) => TextSlot { index, data },
            None => TextSlot::spilled(hash, stored, index),
        };
        // At most four slots in five taken: linear probing stays short.
        if (self.len + 1) * 5 > self.slots.len() * 4 {
            self.grow();
        }
        self.place(hash, slot);
        self.len += 1;
    }

    /// Puts `slot` in the first empty slot from `hash`'s home on (there is
    /// one: the table is never full).
    fn place(&mut self, hash: u32, slot: TextSlot) {
        let at = self
            .positions(hash)
            .find(|&at| self.slots[at].index == EMPTY)
            .expect("a table at most four fifths full has an empty slot");
        self.slots[at] = slot;
    }

    /// Doubles the table (16 slots to start with) and places every id again.
    fn grow(&mut self) {
        let empty = TextSlot {
            index: EMPTY,
            data: [0; 12],
        };
        let size = (self.slots.len() * 2).max(16);
        let old = std::mem::replace(&mut self.slots, vec![empty; size]);
        for s in old.into_iter().filter(|s| s.index != EMPTY) {
            let h = self.slot_hash(s);
            self.place(h, s);
        }
    }
}

/// The 32 bits of `hasher`'s hash of `bytes` that a [`TextIdIndex`] keeps.
fn hash32(hasher: &foldhash::fast::FixedState, bytes: &[u8]) -> u32 {
    (hasher.hash_one(bytes) >> 32) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    /// An arena holding one file, and that file's text.
    fn arena_with(text: &str) -> (Arena, Arc<String>) {
        let text = Arc::new(text.to_owned());
        let mut arena = Arena::default();
        arena.add_file(Arc::clone(&text));
        (arena, text)
    }

    fn is_owned(s: Str) -> bool {
        s.raw_len() & OWNED != 0
    }

    #[test]
    fn empty_strings_share_one_handle_and_take_no_space() {
        let (mut arena, text) = arena_with("abc");
        assert_eq!(arena.push("").unwrap(), Str::EMPTY);
        assert_eq!(arena.push(&text[1..1]).unwrap(), Str::EMPTY);
        assert_eq!(Str::default(), Str::EMPTY);
        assert_eq!(arena.get(Str::EMPTY), "");
        assert!(arena.owned.is_empty());
    }

    #[test]
    fn slices_of_the_latest_file_are_borrowed_and_others_copied() {
        let (mut arena, text) = arena_with(r#"{"id": "acme", "name": "A\u0063me"}"#);
        let borrowed = arena.push(&text[8..12]).unwrap();
        assert!(!is_owned(borrowed));
        assert!(arena.owned.is_empty(), "a slice of the file costs no copy");
        // What the parser makes of an escaped string is not in the file.
        let unescaped = String::from("Acme");
        let copied = arena.push(&unescaped).unwrap();
        assert!(is_owned(copied));
        assert_eq!(arena.owned, "Acme");
        drop(unescaped);
        assert_eq!(arena.get(borrowed), "acme");
        assert_eq!(arena.get(copied), "Acme");
    }

    #[test]
    fn handles_into_earlier_files_still_read_back() {
        let (mut arena, first) = arena_with("first file");
        let a = arena.push(&first[..5]).unwrap();
        let second = Arc::new("second file".to_owned());
        arena.add_file(Arc::clone(&second));
        let b = arena.push(&second[7..]).unwrap();
        // Only the latest file is searched: a slice of an earlier one is copied.
        let c = arena.push(&first[6..]).unwrap();
        assert!(!is_owned(a) && !is_owned(b) && is_owned(c));
        assert_eq!(
            [arena.get(a), arena.get(b), arena.get(c)],
            ["first", "file", "file"]
        );
    }

    /// Past 4 GiB of input the file's strings are copied instead (faked here
    /// by starting the address space near its end, not by reading 4 GiB).
    #[test]
    fn a_file_past_four_gib_is_not_borrowed_from() {
        let mut arena = Arena {
            files_end: u32::MAX - 4,
            ..Arena::default()
        };
        let text = Arc::new("more than four bytes".to_owned());
        arena.add_file(Arc::clone(&text));
        assert!(arena.files.is_empty());
        let s = arena.push(&text[..4]).unwrap();
        assert!(is_owned(s));
        assert_eq!(arena.get(s), "more");
    }

    /// A string of 2 GiB does not fit a handle and is refused, not
    /// truncated. The zeroed buffer is mapped lazily: this costs address
    /// space, not memory.
    #[test]
    fn a_two_gib_string_is_refused() {
        let big = vec![0u8; (OWNED - 1) as usize];
        let big = std::str::from_utf8(&big).unwrap();
        let mut arena = Arena::default();
        assert!(arena.push(big).is_err());
        assert!(arena.push(&big[..1 << 20]).is_ok());
    }

    #[test]
    fn symbols_are_interned_once() {
        let mut syms = Symbols::default();
        let a = syms.intern("person");
        let b = syms.intern("company");
        assert_ne!(a, b);
        assert_eq!(syms.intern("person"), a);
        assert_eq!((syms.get(a), syms.get(b)), ("person", "company"));
    }

    /// Two different ids whose 32-bit tags in a [`TextIdIndex`] are equal:
    /// among 2^20 ids a collision is all but certain (about 128 of them),
    /// and the hasher is seeded the same on every run.
    fn tag_collision(index: &TextIdIndex, prefix: &str) -> (String, String) {
        let mut seen = HashMap::new();
        for i in 0..1u32 << 20 {
            let id = format!("{prefix}{i}");
            if let Some(other) = seen.insert(index.hash(&id), id.clone()) {
                return (other, id);
            }
        }
        panic!("no 32-bit collision among 2^20 ids");
    }

    #[test]
    fn ids_whose_tags_collide_are_told_apart_by_their_text() {
        // Short ids are held in the slots, long ones by handle.
        for prefix in ["id-", "a-longer-identifier-"] {
            let mut index = TextIdIndex::default();
            let (a, b) = tag_collision(&index, prefix);
            assert_eq!(a.len() <= INLINE_ID, prefix == "id-");
            let mut arena = Arena::default();
            let (sa, sb) = (arena.push(&a).unwrap(), arena.push(&b).unwrap());
            index.insert(&a, sa, 1);
            assert_eq!(index.find(&b, &arena), None);
            index.insert(&b, sb, 2);
            assert_eq!(index.find(&a, &arena), Some(1));
            assert_eq!(index.find(&b, &arena), Some(2));
        }
    }

    #[test]
    fn an_inline_id_is_told_apart_from_its_prefix_and_nul_padding() {
        let mut index = TextIdIndex::default();
        let arena = Arena::default();
        index.insert("a", Str::EMPTY, 1);
        index.insert("a\0", Str::EMPTY, 2);
        index.insert("", Str::EMPTY, 3);
        assert_eq!(index.find("a", &arena), Some(1));
        assert_eq!(index.find("a\0", &arena), Some(2));
        assert_eq!(index.find("", &arena), Some(3));
        assert_eq!(index.find("a\0\0", &arena), None);
    }

    /// Ids from a small alphabet, so that a list repeats some and the
    /// lookups that follow miss some.
    fn ids() -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec("[a-c]{0,3}|[a-z0-9é-]{4,12}", 0..300)
    }

    proptest! {
        /// An [`IdIndex`] answers as a `HashMap` does, however many times
        /// it grew (ids are inserted without reserving, except when `reserve`
        /// says so).
        #[test]
        fn id_index_agrees_with_a_hash_map(ids in ids(), probes in ids(), reserve in 0usize..50) {
            let mut records: Vec<String> = Vec::new();
            let mut model = HashMap::new();
            let mut index = IdIndex::default();
            index.reserve(reserve, |i| records[i as usize].as_str());
            for id in &ids {
                let found = index.find(id, |i| records[i as usize].as_str());
                prop_assert_eq!(found, model.get(id).copied());
                if found.is_none() {
                    let ix = records.len() as u32;
                    records.push(id.clone());
                    index.insert(id, ix, |i| records[i as usize].as_str());
                    model.insert(id.clone(), ix);
                }
            }
            for id in ids.iter().chain(&probes) {
                prop_assert_eq!(
                    index.find(id, |i| records[i as usize].as_str()),
                    model.get(id).copied()
                );
            }
        }

        /// A [`TextIdIndex`] answers as a `HashMap` does, with ids borrowed
        /// from a file or copied into the arena.
        #[test]
        fn text_id_index_agrees_with_a_hash_map(ids in ids(), probes in ids()) {
            let file = Arc::new(ids.join(" "));
            let mut arena = Arena::default();
            arena.add_file(Arc::clone(&file));
            let mut model = HashMap::new();
            let mut index = TextIdIndex::default();
            let mut at = 0;
            for (n, id) in ids.iter().enumerate() {
                // Every other id is the file's slice, the others a copy.
                let text = if n % 2 == 0 { &file[at..at + id.len()] } else { id.as_str() };
                at += id.len() + 1;
                let stored = arena.push(text).unwrap();
                prop_assert_eq!(arena.get(stored), id.as_str());
                let found = index.find(id, &arena);
                prop_assert_eq!(found, model.get(id).copied());
                if found.is_none() {
                    let ix = model.len() as u32;
                    index.insert(id, stored, ix);
                    model.insert(id.clone(), ix);
                }
            }
            for id in ids.iter().chain(&probes) {
                prop_assert_eq!(index.find(id, &arena), model.get(id).copied());
            }
        }
    }
}
