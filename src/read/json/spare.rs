//! Vectors kept from one record's value tree for the next ones (see [`Spare`]).

use crate::read::{Member, Node, Val};
use std::cell::RefCell;

/// Emptied vectors of records already handed on, to build the next
/// records' trees with. A record's tree is a few vectors (its members,
/// each array, each nested object); taking them from here rather than
/// from the allocator, and giving them back here rather than freeing
/// them, saves a malloc and a free per vector: on M of the explicit-ids
/// shape (issue #14) `check` runs 3.5 % fewer instructions (cachegrind),
/// and the vectors it fills are the ones still in the cache.
#[derive(Default)]
pub(in crate::read) struct Spare<'a> {
    objects: RefCell<Vec<Vec<Member<'a>>>>,
    arrays: RefCell<Vec<Vec<Node<'a>>>>,
}

/// At most this many vectors of each kind are kept (a record's tree has a
/// handful), and none longer than [`SPARE_LONGEST`]: an odd record with a
/// huge array does not stay in memory after it.
const SPARE_MOST: usize = 256;
const SPARE_LONGEST: usize = 64;

impl<'a> Spare<'a> {
    /// An empty vector for an object's members.
    pub(super) fn object(&self, capacity: usize) -> Vec<Member<'a>> {
        self.objects
            .borrow_mut()
            .pop()
            .unwrap_or_else(|| Vec::with_capacity(capacity))
    }

    /// An empty vector for an array's elements.
    pub(super) fn array(&self) -> Vec<Node<'a>> {
        self.arrays.borrow_mut().pop().unwrap_or_default()
    }

    /// Takes `node` apart, keeping its vectors (emptied) for later trees.
    pub(super) fn keep(&self, node: Node<'a>) {
        self.keep_val(node.val);
    }

    fn keep_val(&self, val: Val<'a>) {
        match val {
            Val::Obj(mut members) => {
                // Only containers are taken out; the rest is dropped in place.
                for m in &mut members {
                    if matches!(m.value.val, Val::Obj(_) | Val::Arr(_)) {
                        self.keep_val(std::mem::replace(&mut m.value.val, Val::Null));
                    }
                }
                members.clear();
                let mut objects = self.objects.borrow_mut();
                if objects.len() < SPARE_MOST && members.capacity() <= SPARE_LONGEST {
                    objects.push(members);
                }
            }
            Val::Arr(mut items) => {
                for item in &mut items {
                    if matches!(item.val, Val::Obj(_) | Val::Arr(_)) {
                        self.keep_val(std::mem::replace(&mut item.val, Val::Null));
                    }
                }
                items.clear();
                let mut arrays = self.arrays.borrow_mut();
                if arrays.len() < SPARE_MOST && items.capacity() <= SPARE_LONGEST {
                    arrays.push(items);
                }
            }
            _ => {}
        }
    }
}
