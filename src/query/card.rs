//! What `show` prints about one entity: its relationships in reading order.

use super::filter::View;
use crate::model::{EntityIx, Model, RelRef};

/// The relationships at `entity` in `view`, grouped by type, then by date
/// (undated first), then by id.
///
/// # Complexity
///
/// O(d log d) for the d relationships at the entity.
///
/// # Example
///
/// ```
/// use casegraph::query::{View, relationships_of};
/// let json = r#"{"sources": [{"id": "s", "title": "S"}],
/// "entities": [{"id": "a", "name": "A", "kind": "person"},
///              {"id": "b", "name": "B", "kind": "person"}],
/// "relationships": [
///   {"from": "a", "to": "b", "type": "paid", "date": "2020", "evidence": [{"source": "s"}]},
///   {"from": "b", "to": "a", "type": "knows", "evidence": [{"source": "s"}]}]}"#;
/// let model = casegraph::load_str("t.json", json).model.expect("valid");
/// let a = model.entity_by_id("a").unwrap();
/// let types: Vec<_> = relationships_of(&model, &View::all(&model), a)
///     .iter().map(|r| r.rel_type()).collect();
/// assert_eq!(types, ["knows", "paid"]);
/// ```
pub fn relationships_of<'m>(model: &'m Model, view: &View, entity: EntityIx) -> Vec<RelRef<'m>> {
    let mut rels: Vec<RelRef<'m>> = view.incident(model, entity).map(|(r, _)| r).collect();
    rels.sort_by(|a, b| {
        (a.rel_type(), a.when().sort_key(), a.id()).cmp(&(
            b.rel_type(),
            b.when().sort_key(),
            b.id(),
        ))
    });
    rels
}
