//! The tag tree: the layout's structure as the PDF's structure tree, an
//! element per node pointing to the marked content `content::page_content`
//! wrote and to the annotations, and the `/ParentTree` back from them. Its
//! reading order is the document's blocks', in which the layout made its
//! nodes.

use pdf_writer::writers::{Attributes, StructElement, StructTreeRoot};
use pdf_writer::{Finish, Name, Ref, Str};

use super::document::Pages;
use super::field::Field;
use super::file::Writer;
use crate::frame::{Layout, NodeId, Role, Scope, StructNode};

/// One entry of an element's `/K`.
#[derive(Debug, Clone, Copy)]
enum Kid {
    /// Marked content `mcid` on page `page` (0-based).
    Content { page: usize, mcid: usize },
    /// An annotation on page `page`.
    Annot { page: usize, annot: Ref },
    /// A child element.
    Child(NodeId),
}

/// Each node's kids in reading order: its marked content and annotations
/// where they come in the pages, each child element where its first
/// piece comes (or, if it has none, after the sibling before it); and the
/// page of each node's first piece, its own or a descendant's. The
/// structure is a tree (`check_layout`). Linear in the nodes and the
/// pieces.
fn kids(layout: &Layout, pages: &Pages) -> (Vec<Vec<Kid>>, Vec<Option<usize>>) {
    let nodes = &layout.structure.nodes;
    let mut events: Vec<Vec<Kid>> = vec![Vec::new(); nodes.len()];
    let mut first_page = vec![None; nodes.len()];
    for (page, (marks, links)) in pages.mcids.iter().zip(&pages.links).enumerate() {
        let content = marks.iter().enumerate();
        let content = content.map(|(mcid, &node)| (node, Kid::Content { page, mcid }));
        let annots = links
            .iter()
            .map(|&(annot, node, _)| (node, Kid::Annot { page, annot }));
        for (node, kid) in content.chain(annots) {
            events[node].push(kid);
            // The node and its ancestors appear here, each once: linear
            // overall.
            let mut c = node;
            while first_page[c].is_none() {
                first_page[c] = Some(page);
                let Some(p) = nodes[c].parent else { break };
                events[p].push(Kid::Child(c));
                c = p;
            }
        }
    }
    // Where each node is among its parent's children.
    let mut position = vec![0; nodes.len()];
    for node in nodes {
        for (i, &c) in node.children.iter().enumerate() {
            position[c] = i;
        }
    }
    let kids = nodes.iter().zip(&events).map(|(node, events)| {
        // The children before `next` are placed.
        let (mut out, mut next) = (Vec::with_capacity(events.len()), 0);
        let empty = |c: &&NodeId| first_page[**c].is_none();
        for &e in events {
            if let Kid::Child(c) = e {
                let upto = (position[c] + 1).max(next);
                let before = node.children[next..upto].iter().filter(empty);
                out.extend(before.map(|c| Kid::Child(*c)));
                next = upto;
            }
            out.push(e);
        }
        let rest = node.children[next..].iter().filter(empty);
        out.extend(rest.map(|c| Kid::Child(*c)));
        out
    });
    (kids.collect(), first_page)
}

/// A table cell on its table's grid.
struct Placed {
    cell: NodeId,
    row: usize,
    column: usize,
    /// Whether it is in the table's `THead`.
    head: bool,
}

/// The cells of `table` placed on a grid by their spans, as HTML places
/// them (a span counts up to 1,000 columns, as in HTML), with the number
/// of rows and columns.
fn grid(nodes: &[StructNode], table: NodeId) -> (Vec<Placed>, usize, usize) {
    let kids = |id: NodeId| nodes[id].children.iter().copied();
    let mut rows: Vec<(NodeId, bool)> = Vec::new();
    for part in kids(table) {
        match nodes[part].role {
            Role::TR => rows.push((part, false)),
            Role::THead | Role::TBody => rows.extend(
                kids(part)
                    .filter(|&r| nodes[r].role == Role::TR)
                    .map(|r| (r, nodes[part].role == Role::THead)),
            ),
            _ => {}
        }
    }
    let mut placed = Vec::new();
    // How many rows more each column stays taken by a cell above.
    let mut taken: Vec<usize> = Vec::new();
    for (row, &(tr, head)) in rows.iter().enumerate() {
        let mut column = 0;
        for cell in kids(tr).filter(|&c| matches!(nodes[c].role, Role::TH | Role::TD)) {
            while taken.get(column).is_some_and(|t| *t > 0) {
                column += 1;
            }
            let span = nodes[cell].colspan.clamp(1, 1000);
            if taken.len() < column + span {
                taken.resize(column + span, 0);
            }
            taken[column..column + span].fill(nodes[cell].rowspan.max(1));
            placed.push(Placed {
                cell,
                row,
                column,
                head,
            });
            column += span;
        }
        taken.iter_mut().for_each(|t| *t = t.saturating_sub(1));
    }
    (placed, rows.len(), taken.len())
}

/// The header cells of each data cell ([`Role::TD`]): the header cells
/// ([`Role::TH`]) above it in its columns that label a column (scope
/// `Column` or `Both`, or none in a `THead`), and those left of it in its
/// rows that label a row (`Row` or `Both`). Linear in the cells and the
/// columns they cover.
fn table_headers(nodes: &[StructNode]) -> Vec<Vec<NodeId>> {
    let mut headers = vec![Vec::new(); nodes.len()];
    for table in (0..nodes.len()).filter(|&t| nodes[t].role == Role::Table) {
        let (placed, rows, columns) = grid(nodes, table);
        // Each column's and row's labels, with the row or column they are in.
        let mut by_column: Vec<Vec<(NodeId, usize)>> = vec![Vec::new(); columns];
        let mut by_row: Vec<Vec<(NodeId, usize)>> = vec![Vec::new(); rows];
        for p in placed.iter().filter(|p| nodes[p.cell].role == Role::TH) {
            let n = &nodes[p.cell];
            let scope = n.scope;
            if matches!(scope, Some(Scope::Column | Scope::Both)) || (scope.is_none() && p.head) {
                let spanned = by_column.iter_mut().skip(p.column).take(n.colspan.max(1));
                spanned.for_each(|list| list.push((p.cell, p.row)));
            }
            if matches!(scope, Some(Scope::Row | Scope::Both)) {
                let spanned = by_row.iter_mut().skip(p.row).take(n.rowspan.max(1));
                spanned.for_each(|list| list.push((p.cell, p.column)));
            }
        }
        for p in placed.iter().filter(|p| nodes[p.cell].role == Role::TD) {
            let n = &nodes[p.cell];
            let out = &mut headers[p.cell];
            for list in by_column.iter().skip(p.column).take(n.colspan.max(1)) {
                out.extend(list.iter().filter(|(_, r)| *r < p.row).map(|(h, _)| *h));
            }
            for list in by_row.iter().skip(p.row).take(n.rowspan.max(1)) {
                out.extend(list.iter().filter(|(_, c)| *c < p.column).map(|(h, _)| *h));
            }
            out.sort_unstable();
            out.dedup();
        }
    }
    headers
}

/// The element identifier (`/ID`) of a header cell: `TH` and its node id,
/// padded to `width` digits so that the IDs sort as their numbers do (the
/// `/IDTree` is a name tree, sorted by its keys' bytes).
fn header_id(node: NodeId, width: usize) -> String {
    format!("TH{node:0width$}")
}

/// Writes what an element says of itself besides its kids: a header cell's
/// `/ID`; a table cell's attributes if it has any (its scope if it is a
/// header, the header cells that label it, its spans: `/A <</O /Table
/// /Scope /Column>>`, `/A <</O /Table /Headers [(TH012)]>>`); a list's
/// numbering (`/A <</O /List /ListNumbering /Decimal>>`).
fn write_attributes(
    e: &mut StructElement<'_>,
    i: NodeId,
    node: &StructNode,
    headers: &[NodeId],
    width: usize,
) {
    if let (Role::L, Some(numbering)) = (node.role, node.list_numbering) {
        let mut list = e.insert(Name(b"A")).start::<Attributes<'_>>().list();
        list.pair(Name(b"ListNumbering"), Name(numbering.name().as_bytes()));
    }
    if node.role == Role::TH {
        e.id(Str(header_id(i, width).as_bytes()));
    }
    let scope = node.scope.filter(|_| node.role == Role::TH);
    let spans = node.rowspan > 1 || node.colspan > 1;
    if !matches!(node.role, Role::TH | Role::TD)
        || (scope.is_none() && !spans && headers.is_empty())
    {
        return;
    }
    let mut table = e.insert(Name(b"A")).start::<Attributes<'_>>().table();
    if let Some(scope) = scope {
        table.pair(Name(b"Scope"), Name(scope.name().as_bytes()));
    }
    if !headers.is_empty() {
        let ids: Vec<String> = headers.iter().map(|h| header_id(*h, width)).collect();
        table
            .headers()
            .items(ids.iter().map(|id| Str(id.as_bytes())));
    }
    if node.rowspan > 1 {
        table.row_span(node.rowspan as i32);
    }
    if node.colspan > 1 {
        table.col_span(node.colspan as i32);
    }
}

/// Writes an element's `/K`: one kid as itself, more as an array. An MCID
/// on the element's page `pg` is a number, one on another page a
/// marked-content reference; an annotation is an object reference.
fn write_kids(
    e: &mut StructElement<'_>,
    kids: &[Kid],
    pg: Option<usize>,
    pages: &[Ref],
    ids: &[Ref],
) {
    match kids {
        [] => {}
        [Kid::Child(c)] => {
            e.child(ids[*c]);
        }
        _ => {
            let mut list = e.children();
            for kid in kids {
                match *kid {
                    Kid::Content { page, mcid } if Some(page) == pg => {
                        list.marked_content_id(mcid as i32);
                    }
                    Kid::Content { page, mcid } => {
                        list.marked_content_ref()
                            .page(pages[page])
                            .marked_content_id(mcid as i32);
                    }
                    Kid::Annot { page, annot } => {
                        list.object_ref().page(pages[page]).object(annot);
                    }
                    Kid::Child(c) => {
                        list.struct_element(ids[c]);
                    }
                }
            }
        }
    }
}

/// Writes the structure tree of `layout`, whose pages are `pages` (their
/// marked content and tagged annotations), with a `Form` element for each
/// of the signature `fields` that has a place in it (last in its `Div`,
/// its kid the field's widget), and returns its root. Nothing for a
/// layout without structure.
pub(super) fn write_tags(
    w: &mut Writer,
    layout: &Layout,
    pages: &Pages,
    fields: &[Field<'_>],
) -> Option<Ref> {
    let nodes = &layout.structure.nodes;
    if nodes.is_empty() {
        return None;
    }
    let (mut kids, mut first_page) = kids(layout, pages);
    let headers = table_headers(nodes);
    let id_width = nodes.len().to_string().len();
    let root = w.alloc();
    let mut ids = w.alloc_many(nodes.len());
    // Element `nodes.len() + k` is `forms[k]`'s.
    let forms: Vec<(&Field<'_>, NodeId, i32)> = fields
        .iter()
        .filter_map(|f| f.form.map(|(div, key)| (f, div, key)))
        .collect();
    for (k, &(f, div, _)) in forms.iter().enumerate() {
        ids.push(w.alloc());
        kids.push(vec![Kid::Annot {
            page: f.page,
            annot: f.id,
        }]);
        kids[div].push(Kid::Child(nodes.len() + k));
        first_page.push(Some(f.page));
    }
    let parent_of = |i: NodeId| match nodes.get(i) {
        Some(n) => n.parent.map_or(root, |p| ids[p]),
        None => ids[forms[i - nodes.len()].1],
    };
    let keyed = forms.iter().enumerate();
    let keyed = keyed.map(|(k, &(_, _, key))| (key, ids[nodes.len() + k]));
    let parent_tree = write_parent_tree(w, pages, &ids, keyed);
    for (i, kids) in kids.iter().enumerate() {
        // An element's page is that of its first piece, its own or a
        // descendant's; its own pieces elsewhere are named with their page.
        let pg = first_page[i];
        let mut e = w.object(ids[i]).struct_element(ids[i]);
        let role = nodes.get(i).map_or("Form", |n| n.role.name());
        e.pair(Name(b"S"), Name(role.as_bytes()));
        e.parent(parent_of(i));
        if let Some(pg) = pg {
            e.page(pages.refs[pg]);
        }
        write_kids(&mut e, kids, pg, &pages.refs, &ids);
        if let Some(node) = nodes.get(i) {
            write_attributes(&mut e, i, node, &headers[i], id_width);
            let height = pg.and_then(|p| layout.pages.get(p)).map(|p| p.size.height);
            super::image::figure_attributes(&mut e, node, height);
        }
    }
    let mut tree: StructTreeRoot<'_> = w.object(root).indirect(root).start();
    // Node 0 is the root, the only node without a parent.
    tree.children().item(ids[0]);
    tree.pair(Name(b"ParentTree"), parent_tree);
    tree.parent_tree_next_key(pages.next_key);
    // The header cells by their /ID, which data cells name in /Headers: one
    // name tree node, its keys in order (padded to one width).
    let is_head = |i: &NodeId| nodes[*i].role == Role::TH;
    let mut heads = (0..nodes.len()).filter(is_head).peekable();
    if heads.peek().is_some() {
        let mut tree = tree.id_tree();
        let mut names = tree.names();
        for i in heads {
            names.insert(Str(header_id(i, id_width).as_bytes()), ids[i]);
        }
    }
    tree.finish();
    Some(root)
}

/// Writes the parent tree: page p's array of elements by MCID under key
/// p, then `forms` (each signature field's key and element), then each
/// tagged link's element under its key: the keys in order.
fn write_parent_tree(
    w: &mut Writer,
    pages: &Pages,
    ids: &[Ref],
    forms: impl Iterator<Item = (i32, Ref)>,
) -> Ref {
    let id = w.alloc();
    let mut tree = w.object(id).indirect(id).dict();
    let mut nums = tree.insert(Name(b"Nums")).array();
    for (p, marks) in pages.mcids.iter().enumerate() {
        if !marks.is_empty() {
            nums.item(p as i32);
            nums.push().array().items(marks.iter().map(|&n| ids[n]));
        }
    }
    let links = pages
        .links
        .iter()
        .flatten()
        .map(|&(_, node, key)| (key, ids[node]));
    for (key, element) in forms.chain(links) {
        nums.item(key).item(element);
    }
    nums.finish();
    tree.finish();
    id
}
