//! The tag tree read back with lopdf: the nesting rules of PDF/UA-1 (ISO
//! 14289-1 with the Matterhorn protocol), every marked-content id reachable
//! from the parent tree and from its element, every link annotation tied
//! to a Link element, and no content outside both a structure element and
//! an artifact.

use std::collections::{BTreeMap, BTreeSet};

use lapkin::RenderOptions;
use lapkin::pdf::PdfOptions;
use lapkin_tests::render_pdf;
use lapkin_tests::{REFERENCE, load_report};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// A structure element as read back.
#[derive(Debug)]
struct Element {
    role: String,
    parent_role: String,
    /// Its marked content: (page, MCID).
    content: Vec<(ObjectId, i64)>,
    /// The annotations it points to.
    objrs: Vec<ObjectId>,
    /// Its attribute dictionary, if any.
    attributes: Option<Dictionary>,
    /// Its parent element (the root's id for the top element).
    parent: ObjectId,
    /// Its element identifier (`/ID`), if any.
    id: Option<Vec<u8>>,
    /// Its child elements, in order.
    children: Vec<ObjectId>,
}

/// The parsed tree: the elements in reading order (depth first).
struct Tree {
    elements: BTreeMap<ObjectId, Element>,
    order: Vec<ObjectId>,
}

fn name(o: &Object) -> String {
    String::from_utf8(o.as_name().unwrap().to_vec()).unwrap()
}

/// Walks the structure tree from the catalog's root, checking each
/// element's `/P` against the element it was found in.
fn read_tree(doc: &Document) -> Tree {
    let catalog = doc.catalog().unwrap();
    let root_id = catalog
        .get(b"StructTreeRoot")
        .unwrap()
        .as_reference()
        .unwrap();
    let root = doc.get_dictionary(root_id).unwrap();
    let mut tree = Tree {
        elements: BTreeMap::new(),
        order: Vec::new(),
    };
    let kids = |d: &Dictionary| -> Vec<Object> {
        match d.get(b"K") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(o) => vec![o.clone()],
            Err(_) => Vec::new(),
        }
    };
    // (element, its parent's id, its parent's role)
    let mut stack: Vec<(ObjectId, ObjectId, String)> = kids(root)
        .iter()
        .rev()
        .map(|k| (k.as_reference().unwrap(), root_id, "StructTreeRoot".into()))
        .collect();
    while let Some((id, parent, parent_role)) = stack.pop() {
        let d = doc.get_dictionary(id).unwrap();
        assert_eq!(d.get(b"P").unwrap().as_reference().unwrap(), parent);
        let role = name(d.get(b"S").unwrap());
        let pg = d.get(b"Pg").ok().map(|p| p.as_reference().unwrap());
        let mut element = Element {
            role: role.clone(),
            parent_role,
            content: Vec::new(),
            objrs: Vec::new(),
            attributes: d.get(b"A").ok().map(|a| a.as_dict().unwrap().clone()),
            parent,
            id: d.get(b"ID").ok().map(|i| i.as_str().unwrap().to_vec()),
            children: Vec::new(),
        };
        let mut children = Vec::new();
        for k in kids(d) {
            match k {
                Object::Integer(mcid) => element
                    .content
                    .push((pg.expect("an MCID without /Pg"), mcid)),
                Object::Reference(child) => children.push(child),
                Object::Dictionary(kd) => match name(kd.get(b"Type").unwrap()).as_str() {
                    "MCR" => element.content.push((
                        kd.get(b"Pg").unwrap().as_reference().unwrap(),
                        kd.get(b"MCID").unwrap().as_i64().unwrap(),
                    )),
                    "OBJR" => element
                        .objrs
                        .push(kd.get(b"Obj").unwrap().as_reference().unwrap()),
                    other => panic!("a kid of type {other}"),
                },
                other => panic!("a kid {other:?}"),
            }
        }
        element.children = children.clone();
        for c in children.into_iter().rev() {
            stack.push((c, id, role.clone()));
        }
        assert!(
            tree.elements.insert(id, element).is_none(),
            "an element twice"
        );
        tree.order.push(id);
    }
    tree
}

/// The MCIDs of a page's content stream, in order, checking that every
/// painting operator is inside a marked-content sequence, that sequences
/// nest properly with text objects, and that the invisible text (the
/// signature tag) is an artifact. Returns (MCID, role) pairs.
fn page_marks(doc: &Document, page: ObjectId) -> Vec<(i64, String)> {
    let content = Content::decode(&doc.get_page_content(page)).unwrap();
    let mut stack: Vec<Option<String>> = Vec::new();
    let mut marks = Vec::new();
    let mut in_text_at: Option<usize> = None;
    let mut invisible = false;
    for op in &content.operations {
        match op.operator.as_str() {
            "BDC" | "BMC" => {
                let tag = name(&op.operands[0]);
                let props = op.operands.get(1).and_then(|p| p.as_dict().ok());
                if tag == "Span" {
                    // A word hyphenated across lines, with its replacement
                    // text: a sequence of its element's own, or inside an
                    // artifact.
                    let props = props.unwrap();
                    assert!(props.has(b"ActualText"), "a Span without /ActualText");
                    match props.get(b"MCID") {
                        Ok(mcid) => marks.push((mcid.as_i64().unwrap(), String::new())),
                        Err(_) => assert_eq!(
                            stack.last().cloned().flatten().as_deref(),
                            Some("Artifact"),
                            "a word's span without MCID outside an artifact"
                        ),
                    }
                } else if tag != "Artifact" {
                    let props = props.unwrap();
                    let mcid = props.get(b"MCID").unwrap().as_i64().unwrap();
                    marks.push((mcid, tag.clone()));
                }
                stack.push(Some(tag));
            }
            "EMC" => {
                assert!(stack.pop().is_some(), "EMC without BDC");
                if let Some(depth) = in_text_at {
                    assert!(stack.len() >= depth, "a sequence crosses BT");
                }
            }
            "BT" => in_text_at = Some(stack.len()),
            "ET" => {
                assert_eq!(Some(stack.len()), in_text_at, "a sequence crosses ET");
                in_text_at = None;
            }
            "Tr" => invisible = op.operands[0].as_i64().unwrap() == 3,
            "Tj" | "TJ" | "S" | "f" | "B" | "Do" => {
                let innermost = stack.last().cloned().flatten();
                assert!(
                    innermost.is_some(),
                    "{} outside any marked content",
                    op.operator
                );
                if invisible {
                    assert_eq!(innermost.as_deref(), Some("Artifact"), "invisible text");
                }
            }
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed marked content");
    marks
}

/// Checks every rule on one rendered PDF; returns the tree.
fn check_pdf(pdf: &[u8], what: &str) -> (Document, Tree) {
    let doc = Document::load_mem(pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    let mark_info = catalog.get(b"MarkInfo").unwrap().as_dict().unwrap();
    assert!(mark_info.get(b"Marked").unwrap().as_bool().unwrap());
    let tree = read_tree(&doc);
    check_nesting(&tree, what);
    check_marks_and_annotations(&doc, &tree, what);
    check_lists_and_headers(&doc, &tree, what);
    (doc, tree)
}

/// The nesting rules: the `Document` first, each role in a parent it may
/// have, headings that go down one level at a time, header cells with a
/// scope.
fn check_nesting(tree: &Tree, what: &str) {
    let roles: Vec<&str> = tree
        .order
        .iter()
        .map(|id| tree.elements[id].role.as_str())
        .collect();
    assert_eq!(roles.first(), Some(&"Document"), "{what}");
    let mut last_heading = 0;
    for id in &tree.order {
        let e = &tree.elements[id];
        let (role, parent) = (e.role.as_str(), e.parent_role.as_str());
        let ok = match role {
            "Document" => parent == "StructTreeRoot",
            "LI" => parent == "L",
            "Lbl" | "LBody" => parent == "LI",
            "THead" | "TBody" => parent == "Table",
            "Caption" => parent == "Table" || parent == "Figure",
            "TR" => matches!(parent, "THead" | "TBody" | "Table"),
            "TH" | "TD" => parent == "TR",
            "Link" => !matches!(parent, "Link" | "Table" | "TR" | "L" | "LI"),
            "Form" => parent == "Div",
            _ => !matches!(parent, "L" | "LI" | "Table" | "TR" | "THead" | "TBody"),
        };
        assert!(ok, "{what}: {role} in {parent}");
        if let Some(level) = role.strip_prefix('H').and_then(|l| l.parse::<i32>().ok()) {
            assert!(
                level <= last_heading + 1,
                "{what}: H{level} after H{last_heading}"
            );
            last_heading = level;
        }
        if role == "TH" {
            let a = e.attributes.as_ref().expect("TH without attributes");
            assert_eq!(name(a.get(b"O").unwrap()), "Table");
            let scope = name(a.get(b"Scope").unwrap());
            assert!(scope == "Column" || scope == "Row", "{scope}");
        }
    }
}

/// The parent tree by key; every key below `/ParentTreeNextKey`.
fn parent_tree(doc: &Document) -> BTreeMap<i64, Object> {
    let catalog = doc.catalog().unwrap();
    let root = doc
        .get_dictionary(
            catalog
                .get(b"StructTreeRoot")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap();
    let pt = doc
        .dereference(root.get(b"ParentTree").unwrap())
        .unwrap()
        .1
        .as_dict()
        .unwrap()
        .clone();
    let nums = pt.get(b"Nums").unwrap().as_array().unwrap().clone();
    let next = root.get(b"ParentTreeNextKey").unwrap().as_i64().unwrap();
    let map: BTreeMap<i64, Object> = nums
        .chunks(2)
        .map(|p| (p[0].as_i64().unwrap(), p[1].clone()))
        .collect();
    assert!(map.keys().all(|k| *k < next));
    map
}

/// Every MCID of every page in its element and in the parent tree, and
/// every annotation tied to its element both ways.
fn check_marks_and_annotations(doc: &Document, tree: &Tree, what: &str) {
    let parent_tree = parent_tree(doc);
    let mut in_tree: BTreeSet<(ObjectId, i64)> = BTreeSet::new();
    for e in tree.elements.values() {
        for c in &e.content {
            assert!(in_tree.insert(*c), "{what}: an MCID in two elements");
        }
    }
    let mut in_pages = BTreeSet::new();
    let mut annotated = 0;
    for (n, page) in doc.get_pages() {
        let page_dict = doc.get_dictionary(page).unwrap();
        let marks = page_marks(doc, page);
        let key = page_dict
            .get(b"StructParents")
            .ok()
            .map(|k| k.as_i64().unwrap());
        if !marks.is_empty() {
            let array = parent_tree[&key.expect("a page with MCIDs and no StructParents")]
                .as_array()
                .unwrap();
            assert_eq!(array.len(), marks.len(), "{what}: page {n}");
            for (mcid, role) in &marks {
                let element = array[*mcid as usize].as_reference().unwrap();
                let e = &tree.elements[&element];
                if !role.is_empty() {
                    assert_eq!(&e.role, role, "{what}: page {n} MCID {mcid}");
                }
                assert!(
                    e.content.contains(&(page, *mcid)),
                    "{what}: page {n} MCID {mcid}"
                );
                assert!(in_pages.insert((page, *mcid)), "{what}: MCID {mcid} twice");
            }
        }
        // Annotations: each tied to its element both ways.
        if let Ok(annots) = page_dict.get(b"Annots") {
            assert_eq!(
                name(page_dict.get(b"Tabs").unwrap()),
                "S",
                "{what}: page {n}"
            );
            for a in doc.dereference(annots).unwrap().1.as_array().unwrap() {
                let id = a.as_reference().expect("an annotation written directly");
                let key = doc
                    .get_dictionary(id)
                    .unwrap()
                    .get(b"StructParent")
                    .unwrap()
                    .as_i64()
                    .unwrap();
                let element = parent_tree[&key].as_reference().unwrap();
                let e = &tree.elements[&element];
                assert!(e.role == "Link" || e.role == "Form", "{}", e.role);
                assert!(e.objrs.contains(&id));
                annotated += 1;
            }
        }
    }
    assert_eq!(in_tree, in_pages, "{what}: the tree and the pages disagree");
    let objrs: usize = tree.elements.values().map(|e| e.objrs.len()).sum();
    assert_eq!(objrs, annotated, "{what}");
}

/// The table of an element: its nearest `Table` ancestor.
fn table_of(tree: &Tree, mut id: ObjectId) -> Option<ObjectId> {
    while let Some(e) = tree.elements.get(&id) {
        if e.role == "Table" {
            return Some(id);
        }
        id = e.parent;
    }
    None
}

/// Every list says how it is numbered; every header cell has an `/ID`,
/// found in the root's `/IDTree`; every data cell of a table with a header
/// names, in `/Headers`, header cells of its own table.
fn check_lists_and_headers(doc: &Document, tree: &Tree, what: &str) {
    let ids = id_tree(doc, what);
    for (id, e) in &tree.elements {
        match e.role.as_str() {
            "L" => {
                let a = e.attributes.as_ref().expect("L without attributes");
                assert_eq!(name(a.get(b"O").unwrap()), "List");
                let numbering = name(a.get(b"ListNumbering").unwrap());
                assert!(
                    matches!(
                        numbering.as_str(),
                        "None" | "Disc" | "Decimal" | "LowerAlpha" | "UpperAlpha"
                    ),
                    "{what}: {numbering}"
                );
            }
            "TH" => {
                let key = e.id.as_ref().expect("a TH without /ID");
                assert_eq!(ids.get(key), Some(id), "{what}: the IDTree");
            }
            "TD" => check_headers(tree, &ids, *id, what),
            _ => {}
        }
    }
    assert_eq!(
        ids.len(),
        tree.elements.values().filter(|e| e.role == "TH").count()
    );
}

/// The root's `/IDTree`, its keys in order.
fn id_tree(doc: &Document, what: &str) -> BTreeMap<Vec<u8>, ObjectId> {
    let root = doc
        .get_dictionary(
            doc.catalog()
                .unwrap()
                .get(b"StructTreeRoot")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap();
    match root.get(b"IDTree") {
        Ok(t) => {
            let names = doc.dereference(t).unwrap().1.as_dict().unwrap();
            let names = names.get(b"Names").unwrap().as_array().unwrap();
            let keys: Vec<Vec<u8>> = names
                .chunks(2)
                .map(|p| p[0].as_str().unwrap().to_vec())
                .collect();
            assert!(keys.windows(2).all(|w| w[0] < w[1]), "{what}: IDTree order");
            names
                .chunks(2)
                .map(|p| {
                    (
                        p[0].as_str().unwrap().to_vec(),
                        p[1].as_reference().unwrap(),
                    )
                })
                .collect()
        }
        Err(_) => BTreeMap::new(),
    }
}

/// A data cell of a table with a header names header cells of its own
/// table in `/Headers`.
fn check_headers(tree: &Tree, ids: &BTreeMap<Vec<u8>, ObjectId>, id: ObjectId, what: &str) {
    let e = &tree.elements[&id];
    let table = table_of(tree, id).unwrap();
    let has_head = tree.elements[&table]
        .children
        .iter()
        .any(|c| tree.elements[c].role == "THead");
    let headers = e
        .attributes
        .as_ref()
        .and_then(|a| a.get(b"Headers").ok())
        .map(|h| h.as_array().unwrap().clone())
        .unwrap_or_default();
    assert!(
        !has_head || !headers.is_empty(),
        "{what}: a TD without /Headers"
    );
    for h in &headers {
        let th = ids[h.as_str().unwrap()];
        assert_eq!(tree.elements[&th].role, "TH");
        assert_eq!(
            table_of(tree, th),
            Some(table),
            "{what}: a header elsewhere"
        );
    }
}

fn render(name: &str, opts: &RenderOptions) -> Vec<u8> {
    render_pdf(&load_report(name), opts).unwrap()
}

#[test]
fn the_tag_tree_follows_the_nesting_rules_and_reaches_every_mcid() {
    let opts = RenderOptions::default();
    for name in [
        REFERENCE,
        "minimal.json",
        "layout/table-over-three-pages.json",
        "layout/lists-nested-four-deep.json",
        "layout/row-taller-than-a-page.json",
        "layout/header-taller-than-a-page.json",
        "layout/signature-at-page-end.json",
        "layout/wide-table-in-a-list.json",
    ] {
        check_pdf(&render(name, &opts), name);
    }
    // With the empty signature field: a Form element in the closing block.
    let with_field = opts
        .clone()
        .with_pdf(PdfOptions::default().with_signature_field("Signature1"));
    let (_, tree) = check_pdf(&render(REFERENCE, &with_field), "with a field");
    assert_eq!(
        tree.elements.values().filter(|e| e.role == "Form").count(),
        1
    );
}

/// The reference report's tree: the headings at their levels, the
/// tables' header cells tagged once (not where they repeat), the spans
/// and the Total label's row scope, the links, the closing block.
#[test]
fn the_reference_report_has_the_structure_of_its_json() {
    let (_, tree) = check_pdf(&render(REFERENCE, &RenderOptions::default()), REFERENCE);
    let count = |role: &str| tree.elements.values().filter(|e| e.role == role).count();
    let report = load_report(REFERENCE);
    assert_eq!(count("H1"), 1);
    assert_eq!(count("H2"), 4, "sections A to D");
    let indicators: usize = report
        .kinerja
        .sasaran
        .iter()
        .map(|s| s.indikator.len())
        .sum();
    assert_eq!(count("H3"), report.analisis.len());
    assert_eq!(
        count("H4"),
        3 * report.analisis.len(),
        "Progress, Kendala, Strategi"
    );
    assert!(indicators >= report.analisis.len());
    assert_eq!(count("Div"), 1);
    assert!(count("Link") >= 1);
    let spans = |key: &[u8]| {
        tree.elements
            .values()
            .filter(|e| e.attributes.as_ref().is_some_and(|a| a.has(key)))
            .count()
    };
    assert!(spans(b"RowSpan") >= 1, "the sasaran cells");
    assert!(spans(b"ColSpan") >= 1, "the Total label");
    let row_headers = tree
        .elements
        .values()
        .filter(|e| {
            e.attributes
                .as_ref()
                .and_then(|a| a.get(b"Scope").ok())
                .is_some_and(|s| name(s) == "Row")
        })
        .count();
    assert_eq!(row_headers, 1, "the Total label");
}

/// A table row split across pages stays one row whose cells have pieces on
/// both pages; a repeated header is an artifact, so its cells are tagged
/// once.
#[test]
fn split_rows_stay_one_element_and_repeated_headers_are_artifacts() {
    let opts = RenderOptions::default();
    let (_, tree) = check_pdf(&render("layout/row-taller-than-a-page.json", &opts), "row");
    let on_two_pages = tree.elements.values().any(|e| {
        let pages: BTreeSet<ObjectId> = e.content.iter().map(|(p, _)| *p).collect();
        e.role == "TD" && pages.len() >= 2
    });
    assert!(on_two_pages, "no cell continues on the next page");

    let (doc, tree) = check_pdf(
        &render("layout/table-over-three-pages.json", &opts),
        "three pages",
    );
    assert!(doc.get_pages().len() >= 3);
    // Each header cell of the document is tagged once.
    let report = load_report("layout/table-over-three-pages.json");
    let checked = lapkin::validate(&report, &lapkin::text::FontSet::default()).unwrap();
    fn header_cells(blocks: &[lapkin::document::Block]) -> usize {
        blocks
            .iter()
            .map(|b| match b {
                lapkin::document::Block::Table(t) => t.header.iter().map(|r| r.cells.len()).sum(),
                lapkin::document::Block::Indent(inner)
                | lapkin::document::Block::Landscape(inner) => header_cells(inner),
                lapkin::document::Block::List(l) => {
                    l.items.iter().map(|i| header_cells(&i.blocks)).sum()
                }
                _ => 0,
            })
            .sum()
    }
    let expected = header_cells(&lapkin::document::build_document(&checked).blocks);
    let column_header = |e: &&Element| {
        e.role == "TH"
            && e.attributes
                .as_ref()
                .is_some_and(|a| name(a.get(b"Scope").unwrap()) == "Column")
    };
    let tagged = tree.elements.values().filter(column_header).count();
    assert_eq!(tagged, expected, "a header cell tagged twice");
    // And the pages after the first carry the repeated header as
    // pagination artifacts.
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let later = Content::decode(&doc.get_page_content(pages[1])).unwrap();
    let pagination = |op: &lopdf::content::Operation| {
        op.operator == "BDC"
            && name(&op.operands[0]) == "Artifact"
            && op.operands[1]
                .as_dict()
                .is_ok_and(|d| name(d.get(b"Type").unwrap()) == "Pagination")
    };
    assert!(later.operations.iter().any(pagination));
}

/// The legal note, printed at the foot of every page, is read once: tagged
/// on the last page as the document's last element (a `Sect` of the title
/// and a numbered list), its copies on the other pages footer artifacts
/// (`/Subtype /Footer`, as is every page number). Lists say their
/// numbering; the signature field has its spoken name (`/TU`).
#[test]
fn the_legal_note_is_read_once_at_the_end() {
    let opts = RenderOptions::default().with_pdf(PdfOptions::default().with_signature_field("TTE"));
    let pdf = render(REFERENCE, &opts);
    let (doc, tree) = check_pdf(&pdf, "reference");
    let document = &tree.elements[&tree.order[0]];
    let last = *document.children.last().unwrap();
    let sect = &tree.elements[&last];
    assert_eq!(sect.role, "Sect");
    let roles: Vec<&str> = sect
        .children
        .iter()
        .map(|c| tree.elements[c].role.as_str())
        .collect();
    assert_eq!(roles, ["P", "L"]);
    let list = &tree.elements[&sect.children[1]];
    let numbering = list
        .attributes
        .as_ref()
        .unwrap()
        .get(b"ListNumbering")
        .unwrap();
    assert_eq!(name(numbering), "Decimal");
    assert_eq!(list.children.len(), 2, "the note's two items");
    // Its content is on the last page only.
    let pages = doc.get_pages();
    let last_page = *pages.values().last().unwrap();
    let mut stack = vec![last];
    while let Some(e) = stack.pop() {
        let e = &tree.elements[&e];
        assert!(e.content.iter().all(|(page, _)| *page == last_page));
        stack.extend(&e.children);
    }
    let footer = |op: &lopdf::content::Operation| {
        op.operator == "BDC"
            && name(&op.operands[0]) == "Artifact"
            && op.operands[1].as_dict().is_ok_and(|d| {
                name(d.get(b"Type").unwrap()) == "Pagination"
                    && d.get(b"Subtype").is_ok_and(|s| name(s) == "Footer")
            })
    };
    for (n, id) in &pages {
        let content = Content::decode(&doc.get_page_content(*id)).unwrap();
        assert!(content.operations.iter().any(footer), "page {n}");
    }
    // Lists are numbered 1., a. and -.
    let numberings: BTreeSet<String> = tree
        .elements
        .values()
        .filter(|e| e.role == "L")
        .map(|e| {
            name(
                e.attributes
                    .as_ref()
                    .unwrap()
                    .get(b"ListNumbering")
                    .unwrap(),
            )
        })
        .collect();
    assert!(
        numberings.contains("Decimal") && numberings.contains("LowerAlpha"),
        "{numberings:?}"
    );
    // The signature field's spoken name.
    let form = tree.elements.values().find(|e| e.role == "Form").unwrap();
    let widget = doc.get_dictionary(form.objrs[0]).unwrap();
    let spoken = crate::pdf::string(widget, "TU");
    assert!(spoken.starts_with("Tanda tangan elektronik"), "{spoken}");
}

/// Figures (images and charts) are `Figure` elements with their
/// alternative text and a `/BBox` on their page, their caption a
/// `Caption` inside; the cover's logo a `Figure` too; every rule of the
/// tree holds.
#[test]
fn figures_are_tagged_with_alt_text_a_bbox_and_their_caption() {
    let (report, opts) = lapkin_tests::load_with_files("media.json");
    let (doc, tree) = check_pdf(&render_pdf(&report, &opts).unwrap(), "media.json");
    let figures: Vec<(&ObjectId, &Element)> = tree
        .elements
        .iter()
        .filter(|(_, e)| e.role == "Figure")
        .collect();
    assert_eq!(figures.len(), 6, "logo, two images, three charts");
    for (id, e) in &figures {
        let dict = doc.get_dictionary(**id).unwrap();
        let alt = dict.get(b"Alt").unwrap().as_str().unwrap();
        assert!(!alt.is_empty());
        let a = e.attributes.as_ref().expect("the figure's attributes");
        assert_eq!(name(a.get(b"O").unwrap()), "Layout");
        let bbox = a.get(b"BBox").unwrap().as_array().unwrap();
        let n: Vec<f32> = bbox.iter().map(|v| v.as_float().unwrap()).collect();
        assert!(
            n[0] >= 0.0
                && n[1] > 0.0
                && n[2] <= 595.3
                && n[3] <= 841.9
                && n[0] < n[2]
                && n[1] < n[3],
            "{n:?}"
        );
        assert!(!e.content.is_empty(), "the figure's marked content");
    }
    let captioned = figures
        .iter()
        .filter(|(_, e)| {
            e.children
                .iter()
                .any(|c| tree.elements[c].role == "Caption")
        })
        .count();
    assert_eq!(captioned, 5, "all but the logo");
    let alts: Vec<String> = figures
        .iter()
        .map(|(id, _)| {
            let d = doc.get_dictionary(**id).unwrap();
            String::from_utf8_lossy(d.get(b"Alt").unwrap().as_str().unwrap()).into_owned()
        })
        .collect();
    assert!(
        alts[1].starts_with("Bagan organisasi: Kepala Pusat"),
        "{alts:?}"
    );
}
