//! The checks of a whole LKj's structure: the ids of sections,
//! subsections and tables (well formed, each once), the depth of
//! subsections, and every cross-reference (`[](#id)`) pointing to an id
//! the report has, with a number to print when it has no text.

use std::collections::HashMap;

use super::{Checker, MAX_SUBBAB_DEPTH};
use crate::model::walk::Node;
use crate::model::{Inline, Report, check_id, internal_target, targets};
use crate::problem::{Arg, Conj, JsonPath, Kind, Phrase, Problem};

/// The report's cross-reference targets: each id with where it is set and
/// whether it has a number to print.
#[derive(Debug, Default)]
pub(super) struct Targets<'r> {
    ids: HashMap<&'r str, (JsonPath, bool)>,
}

impl<'r> Targets<'r> {
    /// The targets of `report`; an id given twice counts once (its first).
    /// A table has a number when it has a title in a whole LKj; the
    /// others always have one (a number, or their heading).
    pub(super) fn of(report: &'r Report) -> Self {
        let lkj = report.is_lkj();
        let mut ids = HashMap::new();
        for (id, path, table_titled) in targets(report) {
            let numbered = table_titled.is_none_or(|titled| titled && lkj);
            ids.entry(id).or_insert((path, numbered));
        }
        Targets { ids }
    }
}

impl<'r> Checker<'r, '_> {
    /// The rules of the nodes of a whole LKj; whether `node` was one.
    pub(super) fn lkj_node(&mut self, path: &JsonPath, node: Node<'r>) -> bool {
        let id = match node {
            Node::Subbab(s, depth) => {
                if depth + 1 > MAX_SUBBAB_DEPTH {
                    let p = Problem::new(path, Kind::SubbabTooDeep)
                        .with("depth", depth + 1)
                        .with("max", MAX_SUBBAB_DEPTH);
                    self.push(p);
                }
                s.id.as_deref()
            }
            Node::Bagian(b, _) => b.id.as_deref(),
            Node::Table(t) => t.id.as_deref(),
            _ => return false,
        };
        if let Some(id) = id {
            self.id(&path.child("id"), id);
        }
        // A table's other rules are the body's.
        !matches!(node, Node::Table(_))
    }

    /// An id: well formed, and not already used.
    fn id(&mut self, path: &JsonPath, id: &'r str) {
        if let Err(p) = check_id(id) {
            self.push(p.placed(path));
        } else if let Some(first) = self.ids_seen.get(id) {
            let mut owner = first.clone();
            owner.pop();
            let p = Problem::new(path, Kind::DuplicateId)
                .with("id", Arg::quoted(id))
                .with("first", &owner);
            self.push(p);
        } else {
            self.ids_seen.insert(id, path.clone());
        }
    }

    /// The cross-references of a text at `path`: each to an id the report
    /// has, with a number to print if the link has no text.
    pub(super) fn references(&mut self, path: &JsonPath, text: &Inline) {
        let Ok(spans) = text.parsed() else { return };
        let Some(targets) = &self.targets else { return };
        let mut problems = Vec::new();
        for span in spans {
            let Some(id) = span.link.as_deref().and_then(internal_target) else {
                continue;
            };
            match targets.ids.get(id) {
                None => problems.push(unknown_target(path, id, &targets.ids)),
                Some((at, false)) if span.text.is_empty() => {
                    let mut owner = at.clone();
                    owner.pop();
                    let p = Problem::new(path, Kind::TargetUnnumbered)
                        .with("id", &owner)
                        .with("plain_id", id);
                    problems.push(p);
                }
                Some(_) => {}
            }
        }
        self.problems.extend(problems);
    }
}

/// The problem of a link to `id`, which no target has: the nearest id if
/// one is near, else the ids there are.
fn unknown_target(path: &JsonPath, id: &str, ids: &HashMap<&str, (JsonPath, bool)>) -> Problem {
    let mut known: Vec<&str> = ids.keys().copied().collect();
    known.sort_unstable();
    let nearest = crate::model::schema::nearest(id, known.iter().copied());
    let list = || {
        let shown = known.iter().take(12).map(|k| Arg::quoted(*k)).collect();
        Arg::List(shown, Conj::Comma)
    };
    let suggestion = match nearest {
        _ if known.is_empty() => Arg::phrase(Phrase::NoIds, vec![]),
        Some(near) => Arg::phrase(
            Phrase::DidYouMeanId,
            vec![("name", Arg::quoted(near)), ("known", list())],
        ),
        None => Arg::phrase(Phrase::IdsAre, vec![("known", list())]),
    };
    Problem::new(path, Kind::UnknownTarget)
        .with("id", Arg::quoted(id))
        .with("suggestion", suggestion)
}
