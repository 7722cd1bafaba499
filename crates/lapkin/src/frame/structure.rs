//! The logical structure of a laid-out document: a tree of structure
//! nodes (headings, paragraphs, lists, tables, links) in reading order,
//! and, on every item, the node it belongs to or the kind of artifact it
//! is. The PDF writer turns it into the PDF's tag tree.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::problem::{Arg, Args, JsonPath, Kind, Phrase, Problem};

/// A structure node's index in [`Structure::nodes`].
pub type NodeId = usize;

/// The structure tree: `nodes[0]` is the root (a [`Role::Document`]) when
/// the tree is not empty. An empty tree means an untagged layout.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Structure {
    /// The nodes; each node's `children` and `parent` index this vector.
    pub nodes: Vec<StructNode>,
}

/// One structure element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StructNode {
    /// Its standard structure type.
    pub role: Role,
    /// The node it is in; `None` for the root.
    pub parent: Option<NodeId>,
    /// The nodes in it, in reading order.
    pub children: Vec<NodeId>,
    /// For a header cell ([`Role::TH`]): the cells it labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// For a table cell: the rows it covers, at least 1.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub rowspan: usize,
    /// For a table cell: the columns it covers, at least 1.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub colspan: usize,
    /// For a list ([`Role::L`]): how its items are numbered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_numbering: Option<ListNumbering>,
    /// For a figure ([`Role::Figure`]): its alternative text (`/Alt`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// For a figure: the box of what it draws on its page, from the page's
    /// top-left corner (its `/BBox` attribute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<crate::units::Rect>,
}

/// How a list numbers its items: its `/ListNumbering` attribute (ISO
/// 32000-1, 14.8.5.5), which tells a screen reader what the labels are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ListNumbering {
    /// No numbering: the labels are any text (`-`).
    None,
    /// A bullet (`•`).
    Disc,
    /// `1.`, `2.`, ...
    Decimal,
    /// `a.`, `b.`, ...
    LowerAlpha,
    /// `A.`, `B.`, ...
    UpperAlpha,
}

impl ListNumbering {
    /// The numbering of a list with these markers: decimal if every
    /// marker is a number (with `.` or `)` after it), alphabetic if every
    /// one is letters of one case, a disc for `•`, else none.
    ///
    /// ```
    /// use lapkin::layout::tags::ListNumbering;
    ///
    /// assert_eq!(ListNumbering::of_markers(["1.", "2.", "10."]), ListNumbering::Decimal);
    /// assert_eq!(ListNumbering::of_markers(["a.", "b."]), ListNumbering::LowerAlpha);
    /// assert_eq!(ListNumbering::of_markers(["-", "-"]), ListNumbering::None);
    /// ```
    pub fn of_markers<'a>(markers: impl IntoIterator<Item = &'a str>) -> Self {
        let mut kinds = markers.into_iter().map(|m| {
            let core = m.trim().trim_end_matches(['.', ')']);
            if core.is_empty() {
                ListNumbering::None
            } else if core.bytes().all(|b| b.is_ascii_digit()) {
                ListNumbering::Decimal
            } else if core.bytes().all(|b| b.is_ascii_lowercase()) {
                ListNumbering::LowerAlpha
            } else if core.bytes().all(|b| b.is_ascii_uppercase()) {
                ListNumbering::UpperAlpha
            } else if m.trim() == "\u{2022}" {
                ListNumbering::Disc
            } else {
                ListNumbering::None
            }
        });
        let Some(first) = kinds.next() else {
            return ListNumbering::None;
        };
        if kinds.all(|k| k == first) {
            first
        } else {
            ListNumbering::None
        }
    }

    /// The PDF name of the numbering.
    ///
    /// ```
    /// assert_eq!(lapkin::layout::tags::ListNumbering::UpperAlpha.name(), "UpperAlpha");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            ListNumbering::None => "None",
            ListNumbering::Disc => "Disc",
            ListNumbering::Decimal => "Decimal",
            ListNumbering::LowerAlpha => "LowerAlpha",
            ListNumbering::UpperAlpha => "UpperAlpha",
        }
    }
}

fn one() -> usize {
    1
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

/// The standard structure types lapkin uses (ISO 32000-1, 14.8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Role {
    /// The whole document.
    Document,
    /// A heading of level 1 (the title).
    H1,
    /// A heading of level 2 (the sections).
    H2,
    /// A heading of level 3.
    H3,
    /// A heading of level 4.
    H4,
    /// A heading of level 5.
    H5,
    /// A heading of level 6.
    H6,
    /// A paragraph.
    P,
    /// A list.
    L,
    /// A list item.
    LI,
    /// A list item's label (its marker).
    Lbl,
    /// A list item's body.
    LBody,
    /// A table.
    Table,
    /// A table's header rows.
    THead,
    /// A table's body rows.
    TBody,
    /// A table row.
    TR,
    /// A header cell.
    TH,
    /// A data cell.
    TD,
    /// A table's caption.
    Caption,
    /// A link: its text and its annotations.
    Link,
    /// A generic block (the closing block).
    Div,
    /// A section: related blocks (the legal note, read once at the end).
    Sect,
    /// A figure: an image or a chart, with its alternative text.
    Figure,
    /// A table of contents (a generated list).
    TOC,
    /// An entry of a table of contents.
    TOCI,
}

/// What a header cell labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Scope {
    /// The cells below it.
    Column,
    /// The cells beside it.
    Row,
    /// Both.
    Both,
}

/// What an item belongs to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Tag {
    /// Nothing: the item is drawn outside the tag tree (a layout built by
    /// hand without a structure).
    #[default]
    None,
    /// The structure node it is part of.
    Node(NodeId),
    /// Not content: page furniture or decoration.
    Artifact(ArtifactKind),
}

/// The kinds of artifact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ArtifactKind {
    /// Running furniture: a table header repeated on a continuation page.
    Pagination,
    /// The page's footer: the page number, and the legal note on every
    /// page but where it is read (see [`crate::Layout`]'s structure).
    /// Written `/Type /Pagination /Subtype /Footer`.
    Footer,
    /// The running header at the top of every page. Written `/Type
    /// /Pagination /Subtype /Header`.
    Header,
    /// Decoration: rules, fills, cell borders, the invisible signature tag.
    Layout,
}

impl Role {
    /// The heading role of `level` (1 to 6; clamped).
    ///
    /// ```
    /// use lapkin::layout::tags::Role;
    ///
    /// assert_eq!(Role::heading(2), Role::H2);
    /// assert_eq!(Role::heading(9), Role::H6);
    /// ```
    pub fn heading(level: u8) -> Role {
        match level {
            0 | 1 => Role::H1,
            2 => Role::H2,
            3 => Role::H3,
            4 => Role::H4,
            5 => Role::H5,
            _ => Role::H6,
        }
    }

    /// The heading level of a heading role, `None` for any other.
    ///
    /// ```
    /// use lapkin::layout::tags::Role;
    ///
    /// assert_eq!(Role::H3.heading_level(), Some(3));
    /// assert_eq!(Role::P.heading_level(), None);
    /// ```
    pub fn heading_level(self) -> Option<u8> {
        Some(match self {
            Role::H1 => 1,
            Role::H2 => 2,
            Role::H3 => 3,
            Role::H4 => 4,
            Role::H5 => 5,
            Role::H6 => 6,
            _ => return None,
        })
    }

    /// The PDF name of the structure type, e.g. `LBody`.
    ///
    /// ```
    /// assert_eq!(lapkin::layout::tags::Role::LBody.name(), "LBody");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::H4 => "H4",
            Role::H5 => "H5",
            Role::H6 => "H6",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::THead => "THead",
            Role::TBody => "TBody",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::Caption => "Caption",
            Role::Link => "Link",
            Role::Div => "Div",
            Role::Sect => "Sect",
            Role::Figure => "Figure",
            Role::TOC => "TOC",
            Role::TOCI => "TOCI",
        }
    }
}

impl Scope {
    /// The PDF name of the scope.
    ///
    /// ```
    /// assert_eq!(lapkin::layout::tags::Scope::Column.name(), "Column");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Scope::Column => "Column",
            Scope::Row => "Row",
            Scope::Both => "Both",
        }
    }
}

impl ArtifactKind {
    /// The PDF name of the artifact type.
    ///
    /// ```
    /// use lapkin::layout::tags::ArtifactKind;
    ///
    /// assert_eq!(ArtifactKind::Footer.name(), "Pagination");
    /// assert_eq!(ArtifactKind::Layout.name(), "Layout");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            ArtifactKind::Pagination | ArtifactKind::Footer | ArtifactKind::Header => "Pagination",
            ArtifactKind::Layout => "Layout",
        }
    }

    /// The PDF name of the pagination artifact's subtype, if it has one.
    ///
    /// ```
    /// use lapkin::layout::tags::ArtifactKind;
    ///
    /// assert_eq!(ArtifactKind::Header.subtype(), Some("Header"));
    /// assert_eq!(ArtifactKind::Pagination.subtype(), None);
    /// ```
    pub fn subtype(self) -> Option<&'static str> {
        match self {
            ArtifactKind::Footer => Some("Footer"),
            ArtifactKind::Header => Some("Header"),
            _ => None,
        }
    }
}

impl StructNode {
    /// A node of `role` in `parent`, without children, spanning one cell.
    ///
    /// ```
    /// use lapkin::layout::tags::{Role, StructNode};
    ///
    /// let node = StructNode::new(Role::P, Some(0));
    /// assert_eq!((node.role, node.parent), (Role::P, Some(0)));
    /// ```
    pub fn new(role: Role, parent: Option<NodeId>) -> Self {
        StructNode {
            role,
            parent,
            children: Vec::new(),
            scope: None,
            rowspan: 1,
            colspan: 1,
            list_numbering: None,
            alt: None,
            bbox: None,
        }
    }
}

impl Structure {
    /// A tree of one node: the [`Role::Document`] root.
    ///
    /// ```
    /// use lapkin::layout::tags::{Role, Structure};
    ///
    /// let tree = Structure::document();
    /// assert_eq!(tree.nodes[0].role, Role::Document);
    /// ```
    pub fn document() -> Self {
        Structure {
            nodes: vec![StructNode::new(Role::Document, None)],
        }
    }

    /// Adds a node of `role` as the last child of `parent` and returns its
    /// id. A `parent` the tree does not have makes a node without parent.
    ///
    /// ```
    /// use lapkin::layout::tags::{Role, Structure};
    ///
    /// let mut tree = Structure::document();
    /// let list = tree.add(Role::L, 0);
    /// let item = tree.add(Role::LI, list);
    /// assert_eq!(tree.nodes[item].parent, Some(list));
    /// assert_eq!(tree.nodes[0].children, [list]);
    /// ```
    pub fn add(&mut self, role: Role, parent: NodeId) -> NodeId {
        let id = self.nodes.len();
        let parent = self.nodes.get_mut(parent).map(|p| {
            p.children.push(id);
            parent
        });
        self.nodes.push(StructNode::new(role, parent));
        id
    }

    /// Whether the tree is empty (an untagged layout).
    ///
    /// ```
    /// use lapkin::layout::tags::Structure;
    ///
    /// assert!(Structure::default().is_empty());
    /// assert!(!Structure::document().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Why the structure is not a tree that `pages`' items can be tagged
    /// with, each problem at its path under `layout.`: a root (node 0)
    /// with a parent, another node without one, a node whose parent does
    /// not list it or that is listed twice, a child that does not exist, a
    /// node the root does not reach, an item tagged with a node that does
    /// not exist. The PDF writer refuses such a structure: what it cannot
    /// reach from the root would be missing from the tag tree.
    pub(crate) fn tree_problems(&self, pages: &[super::Page]) -> Vec<Problem> {
        let n = self.nodes.len();
        let base = JsonPath::root().key("layout").key("structure").key("nodes");
        let mut problems = Vec::new();
        let mut listed = vec![0usize; n];
        for (i, node) in self.nodes.iter().enumerate() {
            for &c in &node.children {
                match listed.get_mut(c) {
                    Some(count) => *count += 1,
                    None => problems.push(tree_problem(
                        base.item(i).key("children"),
                        Phrase::NoSuchChild,
                        vec![("node", i.into()), ("child", c.into())],
                    )),
                }
            }
        }
        let mut reported = vec![false; n];
        for (i, node) in self.nodes.iter().enumerate() {
            let at = base.item(i).key("parent");
            let problem = match (i, node.parent) {
                (0, Some(p)) => Some((Phrase::RootHasParent, vec![("parent", p.into())])),
                (0, None) => None,
                (_, None) => Some((Phrase::SecondRoot, vec![("node", i.into())])),
                (_, Some(p)) if p >= n || p == i || !self.nodes[p].children.contains(&i) => Some((
                    Phrase::NotAChild,
                    vec![("node", i.into()), ("parent", p.into())],
                )),
                _ if listed[i] > 1 => Some((Phrase::TwoParents, vec![("node", i.into())])),
                _ => None,
            };
            if let Some((phrase, args)) = problem {
                reported[i] = true;
                problems.push(tree_problem(at, phrase, args));
            }
        }
        for i in self.unreachable() {
            if !reported[i] {
                let at = base.item(i);
                problems.push(tree_problem(
                    at,
                    Phrase::Unreachable,
                    vec![("node", i.into())],
                ));
            }
        }
        problems.extend(self.untagged_problems(pages));
        problems
    }

    /// The nodes that following children from the root (node 0), each to
    /// a node that names its parent back, does not reach.
    fn unreachable(&self) -> Vec<NodeId> {
        let n = self.nodes.len();
        let mut seen = vec![false; n];
        let mut stack: Vec<NodeId> = if n > 0 { vec![0] } else { Vec::new() };
        // Each node is pushed at most once: it is marked when pushed.
        if n > 0 {
            seen[0] = true;
        }
        while let Some(id) = stack.pop() {
            for &c in &self.nodes[id].children {
                if c < n && !seen[c] && self.nodes[c].parent == Some(id) {
                    seen[c] = true;
                    stack.push(c);
                }
            }
        }
        (0..n).filter(|&i| !seen[i]).collect()
    }

    /// Items tagged with a node the structure does not have.
    fn untagged_problems(&self, pages: &[super::Page]) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (p, page) in pages.iter().enumerate() {
            let page_path = JsonPath::root().key("layout").key("pages").index(p);
            for (part, items) in page.parts() {
                for (i, item) in items.iter().enumerate() {
                    if let Tag::Node(node) = item.tag()
                        && node >= self.nodes.len()
                    {
                        let at = part.path(&page_path);
                        let args = vec![("node", node.into())];
                        problems.push(tree_problem(
                            at.index(i).key("tag"),
                            Phrase::NoSuchNode,
                            args,
                        ));
                    }
                }
            }
        }
        problems
    }
}

/// A problem of a structure that is not a tree.
fn tree_problem(path: JsonPath, what: Phrase, args: Args) -> Problem {
    Problem::new(path, Kind::NotATree).with("what", Arg::phrase(what, args))
}

impl Tag {
    /// Whether this is [`Tag::None`].
    ///
    /// ```
    /// use lapkin::layout::tags::Tag;
    ///
    /// assert!(Tag::None.is_none());
    /// assert!(!Tag::Node(0).is_none());
    /// ```
    pub fn is_none(&self) -> bool {
        matches!(self, Tag::None)
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tag::None => Ok(()),
            Tag::Node(n) => write!(f, "@{n}"),
            Tag::Artifact(ArtifactKind::Pagination) => write!(f, "@pagination"),
            Tag::Artifact(ArtifactKind::Footer) => write!(f, "@footer"),
            Tag::Artifact(ArtifactKind::Header) => write!(f, "@header"),
            Tag::Artifact(ArtifactKind::Layout) => write!(f, "@layout"),
        }
    }
}

impl fmt::Display for Structure {
    /// One line per node, indented by depth, in reading order: its id,
    /// role and cell attributes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Depth-first, with an explicit stack: (node, depth).
        let mut stack: Vec<(NodeId, usize)> = self
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.parent.is_none())
            .map(|(i, _)| (i, 0))
            .rev()
            .collect();
        // Each node is written at most once.
        let mut seen = vec![false; self.nodes.len()];
        while let Some((id, depth)) = stack.pop() {
            let Some(n) = self.nodes.get(id) else {
                continue;
            };
            if std::mem::replace(&mut seen[id], true) {
                continue;
            }
            write!(f, "struct {}{} {}", "  ".repeat(depth), id, n.role.name())?;
            if let Some(s) = n.scope {
                write!(f, " scope={}", s.name())?;
            }
            if n.rowspan != 1 {
                write!(f, " rowspan={}", n.rowspan)?;
            }
            if n.colspan != 1 {
                write!(f, " colspan={}", n.colspan)?;
            }
            if let Some(numbering) = n.list_numbering {
                write!(f, " numbering={}", numbering.name())?;
            }
            writeln!(f)?;
            for &c in n.children.iter().rev() {
                if self.nodes.get(c).is_some_and(|k| k.parent == Some(id)) {
                    stack.push((c, depth + 1));
                }
            }
        }
        Ok(())
    }
}
