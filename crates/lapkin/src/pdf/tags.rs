//! The tag tree: the layout's structure as the PDF's structure tree.
//!
//! The content streams put each run of items of one structure node in a
//! marked-content sequence with its own MCID (see `content::page_content`);
//! this module writes what points to them: a structure element per node
//! (`/S` its role, `/P` its parent, `/K` its marked content, child
//! elements and link annotations in reading order, `/Pg` the page of its
//! first piece, and `MCR` dictionaries for pieces on other pages), the
//! `/ParentTree` from each page's `/StructParents` and each link
//! annotation's `/StructParent` back to the elements, `/MarkInfo` and
//! `/Tabs /S`. The reading order of the tree is the order of the document's
//! blocks, because the layout made its nodes in that order.

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::save::{self, Packed};
use crate::error::{Error, Result};
use crate::frame::{Item, Layout, NodeId, Role, Scope, StructNode};

/// One entry of an element's `/K`.
#[derive(Debug, Clone, Copy)]
enum Kid {
    /// Marked content `mcid` on page `page` (0-based).
    Content { page: usize, mcid: usize },
    /// A link annotation on page `page`.
    Annot { page: usize, annot: ObjectId },
    /// A child element.
    Child(NodeId),
}

impl Kid {
    fn page(self) -> Option<usize> {
        match self {
            Kid::Content { page, .. } | Kid::Annot { page, .. } => Some(page),
            Kid::Child(_) => None,
        }
    }
}

/// A page's link annotations, each with its structure node (if tagged).
type PageLinks = Vec<(ObjectId, Option<NodeId>)>;

fn pdf_err(e: lopdf::Error) -> Error {
    Error::Internal(e.to_string())
}

/// Makes every annotation written directly in a page's `/Annots` (as
/// printpdf writes links) an indirect object: a structure element can
/// point only to those.
fn lift_annotations(doc: &mut Document, page_ids: &[ObjectId]) -> Result<()> {
    for page_id in page_ids {
        let annots = match doc
            .get_dictionary(*page_id)
            .map_err(pdf_err)?
            .get(b"Annots")
        {
            Ok(Object::Array(a)) => a.clone(),
            _ => continue,
        };
        let mut lifted = Vec::with_capacity(annots.len());
        for a in annots {
            lifted.push(match a {
                Object::Dictionary(d) => Object::Reference(doc.add_object(d)),
                other => other,
            });
        }
        doc.get_dictionary_mut(*page_id)
            .map_err(pdf_err)?
            .set("Annots", lifted);
    }
    Ok(())
}

/// The link annotations of each page, in the order of the page's
/// `/Annots` (printpdf writes them in the order of the page's link
/// items), with the structure node of each: the `tag` of the link item
/// they were made from.
fn link_annotations(
    doc: &Document,
    layout: &Layout,
    page_ids: &[ObjectId],
) -> Result<Vec<PageLinks>> {
    let mut out = Vec::with_capacity(page_ids.len());
    for (page, page_id) in layout.pages.iter().zip(page_ids) {
        let links: Vec<Option<NodeId>> = page
            .all_items()
            .filter_map(|i| match i {
                Item::Link(l) => Some(match l.tag {
                    crate::frame::Tag::Node(n) if n < layout.structure.nodes.len() => Some(n),
                    _ => None,
                }),
                _ => None,
            })
            .collect();
        let dict = doc.get_dictionary(*page_id).map_err(pdf_err)?;
        let annots: Vec<ObjectId> = match dict.get(b"Annots") {
            Ok(Object::Array(a)) => a.iter().filter_map(|o| o.as_reference().ok()).collect(),
            Ok(Object::Reference(r)) => doc
                .get_object(*r)
                .and_then(Object::as_array)
                .map(|a| a.iter().filter_map(|o| o.as_reference().ok()).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let is_link = |id: &ObjectId| {
            doc.get_dictionary(*id)
                .and_then(|d| d.get(b"Subtype"))
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"Link")
        };
        let annots: Vec<ObjectId> = annots.into_iter().filter(is_link).collect();
        if annots.len() != links.len() {
            return Err(Error::Internal(format!(
                "a page has {} link areas but {} link annotations",
                links.len(),
                annots.len()
            )));
        }
        out.push(annots.into_iter().zip(links).collect());
    }
    Ok(out)
}

/// Each node's kids in reading order: its marked content and annotations
/// where they come in the pages, each child element where its first
/// piece comes (or, if it has none, after the sibling before it); and the
/// page of each node's first piece, its own or a descendant's.
/// Linear in the nodes and the pieces.
fn kids(
    layout: &Layout,
    mcids: &[Vec<NodeId>],
    annots: &[PageLinks],
) -> (Vec<Vec<Kid>>, Vec<Option<usize>>) {
    let nodes = &layout.structure.nodes;
    let n = nodes.len();
    let parent = |c: NodeId| nodes[c].parent.filter(|p| *p < n && *p != c);
    let mut events: Vec<Vec<Kid>> = vec![Vec::new(); n];
    let mut seen = vec![false; n];
    let mut first_page = vec![None; n];
    // Marks a node as having content from `page` on and hands it to its
    // ancestors: each node is handed on once (`seen`), so this is linear
    // overall.
    let appear = |node: NodeId,
                  page: usize,
                  events: &mut Vec<Vec<Kid>>,
                  seen: &mut Vec<bool>,
                  first_page: &mut Vec<Option<usize>>| {
        let mut c = node;
        while !seen[c] {
            seen[c] = true;
            first_page[c] = Some(page);
            match parent(c) {
                Some(p) => {
                    events[p].push(Kid::Child(c));
                    c = p;
                }
                None => break,
            }
        }
    };
    for (page, (marks, links)) in mcids.iter().zip(annots).enumerate() {
        for (mcid, &node) in marks.iter().enumerate() {
            events[node].push(Kid::Content { page, mcid });
            appear(node, page, &mut events, &mut seen, &mut first_page);
        }
        for &(annot, node) in links {
            if let Some(node) = node {
                events[node].push(Kid::Annot { page, annot });
                appear(node, page, &mut events, &mut seen, &mut first_page);
            }
        }
    }
    // Where each node is among its parent's children.
    let mut position = vec![usize::MAX; n];
    for node in nodes {
        for (i, &c) in node.children.iter().enumerate() {
            if c < n {
                position[c] = i;
            }
        }
    }
    let kids = (0..n)
        .map(|id| {
            let children: Vec<NodeId> = nodes[id]
                .children
                .iter()
                .copied()
                .filter(|&c| c < n && parent(c) == Some(id))
                .collect();
            let mut out = Vec::with_capacity(events[id].len());
            let mut next = 0;
            let empty = |c: NodeId| !seen[c];
            for &e in &events[id] {
                if let Kid::Child(c) = e
                    && position[c] != usize::MAX
                {
                    while next < children.len() && next <= position[c] {
                        if empty(children[next]) {
                            out.push(Kid::Child(children[next]));
                        }
                        next += 1;
                    }
                }
                out.push(e);
            }
            out.extend(
                children[next.min(children.len())..]
                    .iter()
                    .filter(|c| empty(**c))
                    .map(|c| Kid::Child(*c)),
            );
            out
        })
        .collect();
    (kids, first_page)
}

/// The header cells of each table cell: for a data cell ([`Role::TD`]),
/// the header cells ([`Role::TH`]) above it in its columns that label a
/// column (scope `Column` or `Both`, or none in a `THead`), and those left
/// of it in its rows that label a row (`Row` or `Both`), each table's
/// cells placed on a grid by their spans as HTML places them. Linear in
/// the cells and the columns they cover.
#[allow(clippy::too_many_lines)] // split in `writer`'s rewrite of the PDF stage (issue 18)
fn table_headers(nodes: &[StructNode]) -> Vec<Vec<NodeId>> {
    let mut headers = vec![Vec::new(); nodes.len()];
    let children = |id: NodeId| {
        nodes[id]
            .children
            .iter()
            .copied()
            .filter(move |&c| c < nodes.len() && nodes[c].parent == Some(id))
    };
    for (table, _) in nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.role == Role::Table)
    {
        // The rows in order, each with whether it is in the THead.
        let mut rows: Vec<(NodeId, bool)> = Vec::new();
        for part in children(table) {
            match nodes[part].role {
                Role::TR => rows.push((part, false)),
                Role::THead | Role::TBody => rows.extend(
                    children(part)
                        .filter(|&r| nodes[r].role == Role::TR)
                        .map(|r| (r, nodes[part].role == Role::THead)),
                ),
                _ => {}
            }
        }
        // Each cell's place: (cell, first row, first column, in THead).
        let mut placed: Vec<(NodeId, usize, usize, bool)> = Vec::new();
        // How many rows more each column stays taken by a cell above.
        let mut taken: Vec<usize> = Vec::new();
        for (r, &(row, head)) in rows.iter().enumerate() {
            let mut col = 0;
            for cell in children(row).filter(|&c| matches!(nodes[c].role, Role::TH | Role::TD)) {
                while taken.get(col).is_some_and(|t| *t > 0) {
                    col += 1;
                }
                let (rs, cs) = (nodes[cell].rowspan.max(1), nodes[cell].colspan.max(1));
                if taken.len() < col + cs {
                    taken.resize(col + cs, 0);
                }
                for t in &mut taken[col..col + cs] {
                    *t = rs;
                }
                placed.push((cell, r, col, head));
                col += cs;
            }
            for t in &mut taken {
                *t = t.saturating_sub(1);
            }
        }
        // Column labels by column, row labels by row.
        let mut by_column: Vec<Vec<(NodeId, usize)>> = vec![Vec::new(); taken.len()];
        let mut by_row: Vec<Vec<(NodeId, usize)>> = vec![Vec::new(); rows.len()];
        for &(cell, r, c, head) in &placed {
            let n = &nodes[cell];
            if n.role != Role::TH {
                continue;
            }
            let (col_label, row_label) = match n.scope {
                Some(Scope::Column) => (true, false),
                Some(Scope::Row) => (false, true),
                Some(Scope::Both) => (true, true),
                _ => (head, false),
            };
            if col_label {
                for list in by_column.iter_mut().skip(c).take(n.colspan.max(1)) {
                    list.push((cell, r));
                }
            }
            if row_label {
                for list in by_row.iter_mut().skip(r).take(n.rowspan.max(1)) {
                    list.push((cell, c));
                }
            }
        }
        for &(cell, r, c, _) in &placed {
            let n = &nodes[cell];
            if n.role != Role::TD {
                continue;
            }
            let out = &mut headers[cell];
            for list in by_column.iter().skip(c).take(n.colspan.max(1)) {
                out.extend(list.iter().filter(|(_, hr)| *hr < r).map(|(h, _)| *h));
            }
            for list in by_row.iter().skip(r).take(n.rowspan.max(1)) {
                out.extend(list.iter().filter(|(_, hc)| *hc < c).map(|(h, _)| *h));
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

/// Writes the attributes of a table cell, if it has any: its scope if it
/// is a header, its spans if it spans, the header cells that label it
/// (`/A<</O/Table/Scope/Column>>`, `/A<</O/Table/Headers[(TH012)]>>`).
fn write_cell_attributes(
    out: &mut Vec<u8>,
    node: &StructNode,
    headers: &[NodeId],
    id_width: usize,
) {
    if !matches!(node.role, Role::TH | Role::TD) {
        return;
    }
    let scope = match (node.role, node.scope) {
        (Role::TH, Some(scope)) => Some(scope.name()),
        _ => None,
    };
    if scope.is_none() && node.rowspan <= 1 && node.colspan <= 1 && headers.is_empty() {
        return;
    }
    out.extend_from_slice(b"/A<</O/Table");
    if let Some(scope) = scope {
        out.extend_from_slice(b"/Scope");
        save::name(out, scope.as_bytes());
    }
    if !headers.is_empty() {
        out.extend_from_slice(b"/Headers[");
        for h in headers {
            save::literal_string(out, header_id(*h, id_width).as_bytes());
        }
        out.push(b']');
    }
    for (key, span) in [
        (&b"/RowSpan "[..], node.rowspan),
        (b"/ColSpan ", node.colspan),
    ] {
        if span > 1 {
            out.extend_from_slice(key);
            save::integer(out, span as i64);
        }
    }
    out.extend_from_slice(b">>");
}

/// Writes one entry of an element's `/K`: an MCID on the element's page
/// `pg`, a marked-content reference to another page, an object reference
/// to an annotation, or a child element. `first` says whether it is the
/// first thing after `/K` or `[` (a number or reference after another
/// value needs a space before it).
fn write_kid(
    out: &mut Vec<u8>,
    kid: Kid,
    first: bool,
    pg: Option<usize>,
    page_ids: &[ObjectId],
    ids: &[ObjectId],
    after_key: bool,
) {
    let space = |out: &mut Vec<u8>| {
        if after_key || !first {
            out.push(b' ');
        }
    };
    match kid {
        Kid::Content { page, mcid } if Some(page) == pg => {
            space(out);
            save::integer(out, mcid as i64);
        }
        Kid::Content { page, mcid } => {
            out.extend_from_slice(b"<</Type/MCR/Pg ");
            save::reference(out, page_ids[page]);
            out.extend_from_slice(b"/MCID ");
            save::integer(out, mcid as i64);
            out.extend_from_slice(b">>");
        }
        Kid::Annot { page, annot } => {
            out.extend_from_slice(b"<</Type/OBJR/Pg ");
            save::reference(out, page_ids[page]);
            out.extend_from_slice(b"/Obj ");
            save::reference(out, annot);
            out.extend_from_slice(b">>");
        }
        Kid::Child(c) => {
            space(out);
            save::reference(out, ids[c]);
        }
    }
}

/// Writes the structure tree of `layout`, whose page `p` has marked content
/// `mcids[p]` (MCID i belongs to node `mcids[p][i]`): the elements, the
/// parent tree, the catalog's `/StructTreeRoot` and `/MarkInfo`, each
/// page's `/StructParents` and (with annotations) `/Tabs /S`, each link
/// annotation's `/StructParent`. Each of `signature_widgets`, an empty
/// signature field with the index of its box in `layout.signatures`,
/// becomes a `Form` element, last in its signer's `Div` (the box's node;
/// else the last `Div`). Nothing for a layout without structure.
#[allow(clippy::too_many_lines)] // split in `writer`'s rewrite of the PDF stage (issue 18)
pub(super) fn write_tags(
    doc: &mut Document,
    layout: &Layout,
    mcids: &[Vec<NodeId>],
    signature_widgets: &[(ObjectId, usize)],
    packed: &mut Packed,
) -> Result<()> {
    let nodes = &layout.structure.nodes;
    if nodes.is_empty() {
        return Ok(());
    }
    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    lift_annotations(doc, &page_ids)?;
    let annots = link_annotations(doc, layout, &page_ids)?;
    let (mut kids, mut first_page) = kids(layout, mcids, &annots);
    let root_id = doc.new_object_id();
    let mut ids: Vec<ObjectId> = (0..nodes.len()).map(|_| doc.new_object_id()).collect();
    let headers = table_headers(nodes);
    let id_width = nodes.len().to_string().len();
    // The signature fields: Form elements, each last in its closing block;
    // element `nodes.len() + k` is `forms[k]`: (its Div, widget, page, id).
    let mut forms = Vec::new();
    for &(widget, b) in signature_widgets {
        let Some(sig) = layout.signatures.get(b) else {
            continue;
        };
        let div = sig
            .node
            .filter(|n| nodes.get(*n).is_some_and(|n| n.role == Role::Div))
            .or_else(|| nodes.iter().rposition(|n| n.role == Role::Div));
        let page = sig.page.checked_sub(1).filter(|p| *p < page_ids.len());
        let (Some(div), Some(page)) = (div, page) else {
            continue;
        };
        let id = doc.new_object_id();
        ids.push(id);
        kids.push(vec![Kid::Annot {
            page,
            annot: widget,
        }]);
        kids[div].push(Kid::Child(nodes.len() + forms.len()));
        first_page.push(Some(page));
        forms.push((div, widget, page, id));
    }
    let role = |i: NodeId| match nodes.get(i) {
        Some(n) => n.role.name(),
        None => "Form",
    };
    let parent_of = |i: NodeId| -> ObjectId {
        match nodes.get(i) {
            Some(n) => n
                .parent
                .filter(|p| *p < nodes.len())
                .map_or(root_id, |p| ids[p]),
            None => forms
                .get(i - nodes.len())
                .map_or(root_id, |(div, ..)| ids[*div]),
        }
    };

    // The parent tree: page p's array, by MCID; then one key per
    // annotation. Written as bytes, like the elements: on a long report it
    // is one reference per piece of marked content.
    let parent_tree_id = doc.new_object_id();
    let mut next_key = page_ids.len() as i64;
    let mut annotated = vec![false; page_ids.len()];
    let linked = annots.iter().enumerate().flat_map(|(p, a)| {
        a.iter()
            .filter_map(move |(annot, node)| node.map(|n| (p, *annot, n)))
    });
    let mut keyed: Vec<(usize, ObjectId, ObjectId)> =
        linked.map(|(p, a, n)| (p, a, ids[n])).collect();
    keyed.extend(forms.iter().map(|&(_, w, p, id)| (p, w, id)));
    for (p, marks) in mcids.iter().enumerate() {
        if !marks.is_empty() {
            doc.get_dictionary_mut(page_ids[p])
                .map_err(pdf_err)?
                .set("StructParents", p as i64);
        }
    }
    for &(p, annot, _) in &keyed {
        doc.get_dictionary_mut(annot)
            .map_err(pdf_err)?
            .set("StructParent", next_key);
        annotated[p] = true;
        next_key += 1;
    }
    packed.add(parent_tree_id, |out| {
        out.extend_from_slice(b"<</Nums[");
        let mut first = true;
        let mut space = |out: &mut Vec<u8>| {
            if !std::mem::take(&mut first) {
                out.push(b' ');
            }
        };
        for (p, marks) in mcids.iter().enumerate() {
            if marks.is_empty() {
                continue;
            }
            space(out);
            save::integer(out, p as i64);
            out.push(b'[');
            for (i, &n) in marks.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                save::reference(out, ids[n]);
            }
            out.push(b']');
        }
        for (key, &(_, _, element)) in (page_ids.len() as i64..).zip(&keyed) {
            space(out);
            save::integer(out, key);
            out.push(b' ');
            save::reference(out, element);
        }
        out.extend_from_slice(b"]>>");
    });
    for (p, page_id) in page_ids.iter().enumerate() {
        let has_annots = doc.get_dictionary(*page_id).is_ok_and(|d| d.has(b"Annots"));
        if annotated[p] || has_annots {
            doc.get_dictionary_mut(*page_id)
                .map_err(pdf_err)?
                .set("Tabs", "S");
        }
    }

    // The elements, as bytes: a lopdf dictionary each (and one per
    // marked-content reference) would cost more memory than the whole
    // file on a long report.
    for (i, kids) in kids.iter().enumerate() {
        // An element's page is that of its first piece, its own or a
        // descendant's; its own pieces elsewhere are named with their page.
        let pg = first_page[i].or_else(|| kids.iter().find_map(|k| k.page()));
        packed.add(ids[i], |out| {
            out.extend_from_slice(b"<</S");
            save::name(out, role(i).as_bytes());
            out.extend_from_slice(b"/P ");
            save::reference(out, parent_of(i));
            if let Some(pg) = pg {
                out.extend_from_slice(b"/Pg ");
                save::reference(out, page_ids[pg]);
            }
            match kids.as_slice() {
                [] => {}
                [kid] => {
                    out.extend_from_slice(b"/K");
                    write_kid(out, *kid, true, pg, &page_ids, &ids, true);
                }
                _ => {
                    out.extend_from_slice(b"/K[");
                    for (k, kid) in kids.iter().enumerate() {
                        write_kid(out, *kid, k == 0, pg, &page_ids, &ids, false);
                    }
                    out.push(b']');
                }
            }
            if let Some(node) = nodes.get(i) {
                if node.role == Role::TH {
                    out.extend_from_slice(b"/ID");
                    save::literal_string(out, header_id(i, id_width).as_bytes());
                }
                write_cell_attributes(out, node, &headers[i], id_width);
                if let (Role::L, Some(numbering)) = (node.role, node.list_numbering) {
                    out.extend_from_slice(b"/A<</O/List/ListNumbering");
                    save::name(out, numbering.name().as_bytes());
                    out.extend_from_slice(b">>");
                }
            }
            out.extend_from_slice(b">>");
        });
    }

    let tops: Vec<Object> = nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.parent.is_none_or(|p| p >= nodes.len()))
        .map(|(i, _)| Object::Reference(ids[i]))
        .collect();
    let mut root = Dictionary::new();
    root.set("Type", "StructTreeRoot");
    root.set("K", tops);
    root.set("ParentTree", parent_tree_id);
    root.set("ParentTreeNextKey", next_key);
    // The header cells by their /ID, which data cells name in /Headers:
    // one name tree node, its keys in order (padded to one width).
    let named: Vec<Object> = nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.role == Role::TH)
        .flat_map(|(i, _)| {
            [
                Object::String(
                    header_id(i, id_width).into_bytes(),
                    lopdf::StringFormat::Literal,
                ),
                Object::Reference(ids[i]),
            ]
        })
        .collect();
    if !named.is_empty() {
        let mut id_tree = Dictionary::new();
        id_tree.set("Names", named);
        root.set("IDTree", id_tree);
    }
    doc.objects.insert(root_id, Object::Dictionary(root));

    let catalog = doc.catalog_mut().map_err(pdf_err)?;
    catalog.set("StructTreeRoot", root_id);
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", true);
    catalog.set("MarkInfo", mark_info);
    Ok(())
}
