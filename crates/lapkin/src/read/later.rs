//! What a revision after lapkin's may change: only what a signature adds.
//!
//! Each object a later revision gives anew is compared with what it was
//! in the revision before. New objects change nothing by themselves; an
//! object that existed and now differs must be one a signer updates, and
//! differ only as a signer updates it:
//!
//! - the catalog: `/AcroForm`, `/Perms`, `/DSS`, `/Extensions`,
//!   `/Version` (a version's name, as iText 5 sets it), and `/Metadata` (to
//!   a packet that passes the XMP rule below);
//! - the document information: `/ModDate` and `/Producer`;
//! - the XMP packet: `xmp:ModifyDate`, `xmp:MetadataDate`, `pdf:Producer`;
//! - a page (or its indirect `/Annots` array): `/Annots`, keeping its
//!   entries and adding signature widgets;
//! - the form (`/AcroForm`): `/Fields` (keeping its fields and adding
//!   signature fields), `/SigFlags`, `/DR`, `/DA`;
//! - a signature field or widget that was unsigned: its value `/V` (a
//!   signature dictionary) and its appearance; an appearance stream of
//!   such a widget;
//! - the DSS (`/DSS`, its arrays and `/VRI`).
//!
//! A widget added to a page must belong to a signature field, carry no
//! action, and lie inside the reserved signature box of lapkin's revision
//! (give or take [`BOX_SLACK`] points) or have no size. Anything else is
//! refused, naming the object and what changed in it.

use std::collections::{HashMap, HashSet};

use super::differ::{dict_difference, same};
use super::error::ReadResult;
use super::file::Pdf;
use super::object::{Dict, Id, Obj, show};
use super::signature::{Reserved, Role, check_annots, check_field_change, check_form, check_new};
use super::walk::pages;
use super::xref::Entry;

/// What an object was in the revision before the one checked.
pub(crate) struct Before {
    /// The catalog's id.
    pub catalog: Id,
    /// The roles of the objects a signer may update, by number.
    pub roles: HashMap<u32, Role>,
}

/// The object numbers of the signature fields and widgets of a form, and
/// of their appearance streams, walked from `/Fields`.
fn form_roles(
    pdf: &Pdf<'_>,
    k: usize,
    form: &Dict,
    roles: &mut HashMap<u32, Role>,
) -> ReadResult<()> {
    let mut stack: Vec<(Obj, usize)> = match form.get(b"Fields") {
        Some(Obj::Ref(id)) => {
            roles.insert(id.0, Role::Fields);
            match pdf.get(*id, k)? {
                Obj::Array(a) => a.into_iter().map(|f| (f, 0)).collect(),
                _ => Vec::new(),
            }
        }
        Some(Obj::Array(a)) => a.iter().cloned().map(|f| (f, 0)).collect(),
        _ => Vec::new(),
    };
    let mut seen = HashSet::new();
    while let Some((field, depth)) = stack.pop() {
        let Obj::Ref(id) = field else { continue };
        if depth > 8 || !seen.insert(id) {
            continue;
        }
        let Obj::Dict(d) = pdf.get(id, k)? else {
            continue;
        };
        if d.name(b"FT") == Some(b"Sig") || depth > 0 {
            roles.insert(id.0, Role::Field);
            appearance_roles(&d, roles);
        }
        if let Some(Obj::Array(kids)) = d.get(b"Kids") {
            stack.extend(kids.iter().cloned().map(|kid| (kid, depth + 1)));
        }
    }
    Ok(())
}

/// The appearance streams of a widget (`/AP /N`, `/D`, `/R`, directly or
/// by appearance state).
fn appearance_roles(widget: &Dict, roles: &mut HashMap<u32, Role>) {
    let Some(Obj::Dict(ap)) = widget.get(b"AP") else {
        if let Some(Obj::Ref(id)) = widget.get(b"AP") {
            roles.insert(id.0, Role::Appearance);
        }
        return;
    };
    for (_, v) in ap.iter() {
        match v {
            Obj::Ref(id) => {
                roles.insert(id.0, Role::Appearance);
            }
            Obj::Dict(states) => {
                for s in states.values() {
                    if let Obj::Ref(id) = s {
                        roles.insert(id.0, Role::Appearance);
                    }
                }
            }
            _ => {}
        }
    }
}

impl Before {
    /// The roles of revision `k`'s objects.
    pub fn of(pdf: &Pdf<'_>, k: usize) -> ReadResult<Before> {
        let (catalog, dict) = pdf.catalog(k)?;
        let mut roles = HashMap::new();
        roles.insert(catalog.0, Role::Catalog);
        if let Some(Obj::Ref(id)) = pdf.trailer(k).get(b"Info") {
            roles.insert(id.0, Role::Info);
        }
        if let Some(Obj::Ref(id)) = dict.get(b"Metadata") {
            roles.insert(id.0, Role::Metadata);
        }
        for (n, (id, page)) in pages(pdf, k)?.into_iter().enumerate() {
            roles.insert(id.0, Role::Page(n));
            if let Some(Obj::Ref(annots)) = page.get(b"Annots") {
                roles.insert(annots.0, Role::Annots(n));
            }
        }
        if let Some(form) = dict.get(b"AcroForm") {
            if let Obj::Ref(id) = form {
                roles.insert(id.0, Role::Form);
            }
            form_roles(pdf, k, &pdf.dict(Some(form), k)?, &mut roles)?;
        }
        if let Some(dss) = dict.get(b"DSS") {
            dss_roles(pdf, k, dss, &mut roles)?;
        }
        Ok(Before { catalog, roles })
    }
}

/// The objects of the DSS: its dictionary, arrays, `/VRI` and what they
/// list.
fn dss_roles(pdf: &Pdf<'_>, k: usize, dss: &Obj, roles: &mut HashMap<u32, Role>) -> ReadResult<()> {
    let mut stack = vec![(dss.clone(), 0usize)];
    while let Some((o, depth)) = stack.pop() {
        if depth > 4 {
            continue;
        }
        if let Obj::Ref(id) = o
            && roles.insert(id.0, Role::Dss).is_some()
        {
            continue;
        }
        match pdf.resolve(&o, k)? {
            Obj::Array(items) => stack.extend(items.into_iter().map(|i| (i, depth + 1))),
            Obj::Dict(d) => stack.extend(d.into_values().map(|v| (v, depth + 1))),
            _ => {}
        }
    }
    Ok(())
}

/// The id object `number` has in revision `k`, if it is in use.
fn id_in(pdf: &Pdf<'_>, number: u32, k: usize) -> Option<Id> {
    match pdf.entry(number, k)? {
        Entry::Free => None,
        Entry::File { generation, .. } => Some((number, generation)),
        Entry::InStream { .. } => Some((number, 0)),
    }
}

/// Checks revision `k` (1 or more) against the one before: `None` if it
/// only adds what a signature adds, else what else it changes, in words.
pub(crate) fn check_revision(
    pdf: &Pdf<'_>,
    k: usize,
    reserved: &[Reserved],
) -> ReadResult<Option<String>> {
    let before = Before::of(pdf, k - 1)?;
    if let Some(what) = trailer_change(pdf, k, &before, reserved)? {
        return Ok(Some(what));
    }
    let mut numbers: Vec<u32> = pdf.entries(k).keys().copied().filter(|n| *n != 0).collect();
    numbers.sort_unstable();
    for number in numbers {
        let Some(old_id) = id_in(pdf, number, k - 1) else {
            continue;
        };
        let old = pdf.get(old_id, k - 1)?;
        if old == Obj::Null {
            continue;
        }
        let new = match id_in(pdf, number, k) {
            Some(id) if id == old_id => pdf.get(id, k)?,
            _ => Obj::Null,
        };
        if same(pdf, &old, pdf, &new) {
            continue;
        }
        let role = before.roles.get(&number).copied();
        let verdict = match (role, new == Obj::Null) {
            (_, true) => Some(format!(
                "it removes object {} {} ({})",
                old_id.0,
                old_id.1,
                old.kind()
            )),
            (Some(role), false) => role_change(pdf, k, role, &old, &new, reserved)?,
            (None, false) => Some(format!(
                "object {} {} ({}): {}",
                old_id.0,
                old_id.1,
                old.kind(),
                what_changed(pdf, &old, &new)
            )),
        };
        if verdict.is_some() {
            return Ok(verdict);
        }
    }
    Ok(None)
}

/// What changed in an object, in words: "its /Rect", "its data".
pub(crate) fn what_changed(pdf: &Pdf<'_>, old: &Obj, new: &Obj) -> String {
    match (old, new) {
        (Obj::Stream(a), Obj::Stream(b)) => match dict_difference(pdf, &a.dict, pdf, &b.dict) {
            Some(key) if key != "Length" => format!("its /{key}"),
            _ => "its data".into(),
        },
        (Obj::Dict(a), Obj::Dict(b)) => match dict_difference(pdf, a, pdf, b) {
            Some(key) => format!("its /{key}"),
            None => "its value".into(),
        },
        _ => format!("it is now {}", new.kind()),
    }
}

/// Checks a changed object that had a role a signer may update.
fn role_change(
    pdf: &Pdf<'_>,
    k: usize,
    role: Role,
    old: &Obj,
    new: &Obj,
    reserved: &[Reserved],
) -> ReadResult<Option<String>> {
    let (Some(a), Some(b)) = (old.dict(), new.dict()) else {
        return Ok(match (role, old, new) {
            (Role::Annots(n), Obj::Array(a), Obj::Array(b)) => {
                check_annots(pdf, k, n, a, b, reserved)?
            }
            (Role::Fields, Obj::Array(a), Obj::Array(b)) => check_form_fields(pdf, k, a, b)?,
            (Role::Dss, _, _) => None,
            _ => Some(format!("{}: it is now {}", role.name(), new.kind())),
        });
    };
    match role {
        Role::Catalog => catalog_change(pdf, k, a, b, reserved),
        Role::Info => Ok(info_change(pdf, a, b)),
        Role::Metadata => metadata_change(pdf, old, new),
        Role::Page(n) => page_change(pdf, k, n, a, b, reserved),
        Role::Form => check_form(pdf, k, a, b),
        Role::Field => check_field_change(pdf, k, a, b, reserved),
        Role::Appearance => Ok((b.name(b"Subtype") != Some(b"Form"))
            .then(|| "a signature widget's appearance, which is no longer a form XObject".into())),
        Role::Dss => Ok(None),
        Role::Annots(_) | Role::Fields => {
            Ok(Some(format!("{}: it is now {}", role.name(), new.kind())))
        }
    }
}

/// Checks the form's `/Fields` array given as its own object.
fn check_form_fields(
    pdf: &Pdf<'_>,
    k: usize,
    old: &[Obj],
    new: &[Obj],
) -> ReadResult<Option<String>> {
    let mut a = Dict::default();
    a.insert(b"Fields".to_vec(), Obj::Array(old.to_vec()));
    let mut b = Dict::default();
    b.insert(b"Fields".to_vec(), Obj::Array(new.to_vec()));
    check_form(pdf, k, &a, &b)
}

/// The trailer's `/Root` and `/Info` pointing elsewhere: the new catalog
/// and information are checked against the old ones.
fn trailer_change(
    pdf: &Pdf<'_>,
    k: usize,
    before: &Before,
    reserved: &[Reserved],
) -> ReadResult<Option<String>> {
    let (root, catalog) = pdf.catalog(k)?;
    if root != before.catalog {
        let (_, old) = pdf.catalog(k - 1)?;
        if let Some(what) = catalog_change(pdf, k, &old, &catalog, reserved)? {
            return Ok(Some(what));
        }
    }
    let (old, new) = (pdf.trailer(k - 1).get(b"Info"), pdf.trailer(k).get(b"Info"));
    if old != new {
        let (a, b) = (pdf.dict(old, k - 1)?, pdf.dict(new, k)?);
        return Ok(info_change(pdf, &a, &b));
    }
    Ok(None)
}

/// Checks a changed catalog.
fn catalog_change(
    pdf: &Pdf<'_>,
    k: usize,
    old: &Dict,
    new: &Dict,
    reserved: &[Reserved],
) -> ReadResult<Option<String>> {
    let keys: Vec<Vec<u8>> = old.keys().chain(new.keys()).map(<[u8]>::to_vec).collect();
    for key in keys {
        let (a, b) = (old.get(&key), new.get(&key));
        if match (a, b) {
            (Some(a), Some(b)) => same(pdf, a, pdf, b),
            (None, None) => true,
            _ => false,
        } {
            continue;
        }
        let verdict = match key.as_slice() {
            b"AcroForm" => {
                let (a, b) = (pdf.dict(a, k - 1)?, pdf.dict(b, k)?);
                check_form(pdf, k, &a, &b)?
            }
            b"Metadata" => {
                let (a, b) = (
                    pdf.resolve(a.unwrap_or(&Obj::Null), k - 1)?,
                    pdf.resolve(b.unwrap_or(&Obj::Null), k)?,
                );
                metadata_change(pdf, &a, &b)?
            }
            b"Perms" | b"DSS" | b"Extensions" => check_new(pdf, k, &key, b, reserved)?,
            b"Version" if b.is_some_and(is_version) => None,
            _ => Some(format!("the catalog's /{}", show(&key))),
        };
        if verdict.is_some() {
            return Ok(verdict);
        }
    }
    Ok(None)
}

/// Whether a catalog's `/Version` names a PDF version (`/1.7`, `/2.0`).
/// iText 5 in append mode writes the header's version there (its
/// `PdfVersionImp`), so every BSrE signature sets it; a reader takes the
/// later of it and the header's, which changes nothing it draws.
fn is_version(v: &Obj) -> bool {
    matches!(v, Obj::Name(n) if matches!(n.as_slice(), [b'1', b'.', b'0'..=b'7'] | b"2.0"))
}

/// Checks a changed document information dictionary: only `/ModDate`
/// and `/Producer` may change.
fn info_change(pdf: &Pdf<'_>, old: &Dict, new: &Dict) -> Option<String> {
    let keys: Vec<&[u8]> = old.keys().chain(new.keys()).collect();
    keys.into_iter()
        .filter(|k| !matches!(*k, b"ModDate" | b"Producer"))
        .find(|k| match (old.get(k), new.get(k)) {
            (Some(a), Some(b)) => !same(pdf, a, pdf, b),
            (None, None) => false,
            _ => true,
        })
        .map(|k| format!("the document information's /{}", show(k)))
}

/// Checks a changed XMP packet: only the properties a signer updates may
/// change.
fn metadata_change(pdf: &Pdf<'_>, old: &Obj, new: &Obj) -> ReadResult<Option<String>> {
    let (Obj::Stream(a), Obj::Stream(b)) = (old, new) else {
        return Ok(Some(format!("the XMP metadata: it is now {}", new.kind())));
    };
    let stream_keys = |d: &Dict| {
        let mut d = d.clone();
        for k in [&b"Length"[..], b"Filter", b"DecodeParms"] {
            d.remove(k);
        }
        d
    };
    if let Some(key) = dict_difference(pdf, &stream_keys(&a.dict), pdf, &stream_keys(&b.dict)) {
        return Ok(Some(format!("the XMP metadata's /{key}")));
    }
    let (x, y) = (
        pdf.decode(a, "the XMP metadata")?,
        pdf.decode(b, "the XMP metadata")?,
    );
    Ok(super::xmp::difference(&x, &y).map(|what| format!("the XMP metadata: {what}")))
}

/// Checks a changed page: only `/Annots` may change, by signature widgets
/// added.
fn page_change(
    pdf: &Pdf<'_>,
    k: usize,
    n: usize,
    old: &Dict,
    new: &Dict,
    reserved: &[Reserved],
) -> ReadResult<Option<String>> {
    if let Some(key) = dict_difference(pdf, &without(old, b"Annots"), pdf, &without(new, b"Annots"))
    {
        return Ok(Some(format!("page {}'s /{key}", n + 1)));
    }
    let list = |d: &Dict, k| -> ReadResult<Vec<Obj>> {
        Ok(
            match d.get(b"Annots").map(|a| pdf.resolve(a, k)).transpose()? {
                Some(Obj::Array(a)) => a,
                _ => Vec::new(),
            },
        )
    };
    let (a, b) = (list(old, k - 1)?, list(new, k)?);
    check_annots(pdf, k, n, &a, &b, reserved)
}

/// A dictionary without `key`.
fn without(d: &Dict, key: &[u8]) -> Dict {
    let mut d = d.clone();
    d.remove(key);
    d
}
