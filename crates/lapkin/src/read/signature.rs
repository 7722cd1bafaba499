//! The parts of a signature, as a later revision may add them: signature
//! fields and their widgets, their appearances and values, the form, the
//! DSS, `/Perms` and `/Extensions`. Each is checked for the shape a
//! signer gives it; whatever else it carries (an action, another kind of
//! annotation, a widget outside the reserved box) is refused.

use std::collections::HashSet;

use super::differ::same;
use super::error::ReadResult;
use super::file::Pdf;
use super::object::{Dict, Obj, show};

/// How far a signature widget may lie outside the reserved box, in
/// points: a signer that finds the box by its tag in the extracted text
/// (BSrE's service) may miss it by this much.
pub(crate) const BOX_SLACK: f64 = 2.0;

/// The signature box lapkin reserved: its page (from 0) and rectangle
/// (PDF points, x1 y1 x2 y2 from the bottom-left).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Reserved {
    /// The page, counted from 0.
    pub page: usize,
    /// The rectangle.
    pub rect: [f64; 4],
}

/// What an object of the revision before is, among those a signer may
/// update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The catalog.
    Catalog,
    /// The document information.
    Info,
    /// The XMP packet.
    Metadata,
    /// Page `n` (from 0).
    Page(usize),
    /// Page `n`'s `/Annots` array.
    Annots(usize),
    /// The form (`/AcroForm`).
    Form,
    /// The form's `/Fields` array.
    Fields,
    /// A signature field or widget.
    Field,
    /// A signature widget's appearance stream.
    Appearance,
    /// Part of the DSS.
    Dss,
}

impl Role {
    /// The role in words.
    pub fn name(self) -> String {
        match self {
            Role::Catalog => "the catalog".into(),
            Role::Info => "the document information".into(),
            Role::Metadata => "the XMP metadata".into(),
            Role::Page(n) => format!("page {}", n + 1),
            Role::Annots(n) => format!("page {}'s /Annots", n + 1),
            Role::Form => "the form (/AcroForm)".into(),
            Role::Fields => "the form's /Fields".into(),
            Role::Field => "a signature field".into(),
            Role::Appearance => "a signature widget's appearance".into(),
            Role::Dss => "the DSS".into(),
        }
    }
}

/// The keys a signature field may have. `/DR` is not a field's key in
/// ISO 32000, but iText 5 (`PdfFormField.setUsed`) gives every field it
/// creates one, the resources of its appearances: BSrE's fields carry it.
/// Nothing draws from it (an appearance stream has its own resources).
const FIELD_KEYS: &[&[u8]] = &[
    b"FT", b"T", b"TU", b"TM", b"Ff", b"V", b"Lock", b"SV", b"Kids", b"Parent", b"DA", b"Q", b"DR",
];
/// The keys a widget may have.
const WIDGET_KEYS: &[&[u8]] = &[
    b"Type",
    b"Subtype",
    b"Rect",
    b"P",
    b"F",
    b"AP",
    b"AS",
    b"MK",
    b"Border",
    b"BS",
    b"NM",
    b"M",
    b"StructParent",
    b"Contents",
    b"C",
    b"DA",
    b"Q",
];
/// What may change in a signature field or widget that is already there:
/// its appearance, its flags, and its value if it had none.
const FIELD_CHANGES: &[&[u8]] = &[
    b"AP",
    b"AS",
    b"MK",
    b"DA",
    b"Lock",
    b"SV",
    b"M",
    b"F",
    b"Ff",
    b"Border",
    b"BS",
    b"C",
    b"NM",
    b"Contents",
];

/// Whether a widget's rectangle lies in the reserved box (with the
/// slack) on its page, or has no size.
fn placed(rect: Option<&Obj>, page: Option<usize>, reserved: &[Reserved]) -> bool {
    let Some(Obj::Array(r)) = rect else {
        return false;
    };
    let v: Vec<f64> = r.iter().filter_map(Obj::number).collect();
    if v.len() != 4 {
        return false;
    }
    let (x1, x2) = (v[0].min(v[2]), v[0].max(v[2]));
    let (y1, y2) = (v[1].min(v[3]), v[1].max(v[3]));
    if x2 - x1 < 1e-6 || y2 - y1 < 1e-6 {
        return true;
    }
    reserved.iter().any(|b| {
        Some(b.page) == page
            && x1 >= b.rect[0] - BOX_SLACK
            && y1 >= b.rect[1] - BOX_SLACK
            && x2 <= b.rect[2] + BOX_SLACK
            && y2 <= b.rect[3] + BOX_SLACK
    })
}

/// Checks a page's annotations: the old ones kept, in order, and only
/// signature widgets added.
pub(crate) fn check_annots(
    pdf: &Pdf<'_>,
    k: usize,
    page: usize,
    old: &[Obj],
    new: &[Obj],
    reserved: &[Reserved],
) -> ReadResult<Option<String>> {
    let kept: Vec<&Obj> = new
        .iter()
        .filter(|o| old.iter().any(|p| same(pdf, p, pdf, o)))
        .collect();
    if kept.len() != old.len() || kept.iter().zip(old).any(|(a, b)| !same(pdf, a, pdf, b)) {
        return Ok(Some(format!(
            "page {}'s /Annots: it removes or reorders the annotations that were there",
            page + 1
        )));
    }
    for added in new
        .iter()
        .filter(|o| !old.iter().any(|p| same(pdf, p, pdf, o)))
    {
        let what = || format!("page {}'s /Annots: an added annotation", page + 1);
        let widget = match pdf.resolve(added, k)? {
            Obj::Dict(d) => d,
            other => return Ok(Some(format!("{}, which is {}", what(), other.kind()))),
        };
        if widget.name(b"Subtype") != Some(b"Widget") {
            return Ok(Some(format!(
                "{} of /Subtype /{}, which is not a signature widget",
                what(),
                show(widget.name(b"Subtype").unwrap_or(b"?"))
            )));
        }
        if let Some(why) = check_widget(pdf, k, &widget, Some(page), reserved)? {
            return Ok(Some(format!("{}: {why}", what())));
        }
    }
    Ok(None)
}

/// Checks a new signature widget (merged with its field or not).
fn check_widget(
    pdf: &Pdf<'_>,
    k: usize,
    widget: &Dict,
    page: Option<usize>,
    reserved: &[Reserved],
) -> ReadResult<Option<String>> {
    if field_type(pdf, k, widget)?.as_deref() != Some(b"Sig".as_slice()) {
        return Ok(Some(
            "a widget of a field that is not a signature field".into(),
        ));
    }
    if let Some(key) = widget
        .keys()
        .find(|key| !WIDGET_KEYS.contains(key) && !FIELD_KEYS.contains(key))
    {
        return Ok(Some(format!(
            "a signature widget with /{}, which signing does not add",
            show(key)
        )));
    }
    if !placed(widget.get(b"Rect"), page, reserved) {
        return Ok(Some(
            "a signature widget outside the reserved signature box (its /Rect)".into(),
        ));
    }
    if let Some(v) = widget.get(b"V") {
        return check_value(pdf, k, v);
    }
    Ok(None)
}

/// A field's type, its own or its parents'.
fn field_type(pdf: &Pdf<'_>, k: usize, field: &Dict) -> ReadResult<Option<Vec<u8>>> {
    let mut d = field.clone();
    for _ in 0..8 {
        if let Some(t) = d.name(b"FT") {
            return Ok(Some(t.to_vec()));
        }
        match d.get(b"Parent") {
            Some(p) => d = pdf.dict(Some(p), k)?,
            None => return Ok(None),
        }
    }
    Ok(None)
}

/// Checks a signature value: a signature or document timestamp
/// dictionary.
fn check_value(pdf: &Pdf<'_>, k: usize, v: &Obj) -> ReadResult<Option<String>> {
    let d = pdf.dict(Some(v), k)?;
    Ok(match d.name(b"Type") {
        Some(b"Sig" | b"DocTimeStamp") if d.get(b"Contents").is_some() => None,
        _ => Some("a signature field's /V, which is not a signature dictionary".into()),
    })
}

/// Checks a change to a signature field or widget that was there: its
/// appearance and flags may change, its value be set once, its rectangle
/// stay in the reserved box.
pub(crate) fn check_field_change(
    pdf: &Pdf<'_>,
    k: usize,
    old: &Dict,
    new: &Dict,
    reserved: &[Reserved],
) -> ReadResult<Option<String>> {
    let keys: HashSet<&[u8]> = old.keys().chain(new.keys()).collect();
    let name = show(match new.get(b"T") {
        Some(Obj::Str(t)) => t,
        _ => b"?",
    });
    for key in keys {
        let (a, b) = (old.get(key), new.get(key));
        let unchanged = match (a, b) {
            (Some(a), Some(b)) => same(pdf, a, pdf, b),
            (None, None) => true,
            _ => false,
        };
        let allowed = match key {
            _ if unchanged => true,
            b"V" if a.is_none() => {
                if let Some(why) = check_value(pdf, k, b.unwrap_or(&Obj::Null))? {
                    return Ok(Some(format!("the signature field {name:?}: {why}")));
                }
                true
            }
            b"Rect" => {
                let page = page_of(pdf, k, new)?;
                placed(b, page, reserved)
            }
            _ => FIELD_CHANGES.contains(&key),
        };
        if !allowed {
            return Ok(Some(format!(
                "the signature field {name:?}: its /{}",
                show(key)
            )));
        }
    }
    Ok(None)
}

/// The page (from 0) a widget's `/P` names.
fn page_of(pdf: &Pdf<'_>, k: usize, widget: &Dict) -> ReadResult<Option<usize>> {
    let Some(Obj::Ref(p)) = widget.get(b"P") else {
        return Ok(None);
    };
    Ok(super::walk::pages(pdf, k)?
        .iter()
        .position(|(id, _)| id == p))
}

/// Checks a changed form: its fields kept and signature fields added; only
/// `/SigFlags`, `/DR` and `/DA` besides; `/NeedAppearances` never true.
pub(crate) fn check_form(
    pdf: &Pdf<'_>,
    k: usize,
    old: &Dict,
    new: &Dict,
) -> ReadResult<Option<String>> {
    for key in new.keys().chain(old.keys()) {
        let unchanged = match (old.get(key), new.get(key)) {
            (Some(a), Some(b)) => same(pdf, a, pdf, b),
            (None, None) => true,
            _ => false,
        };
        let allowed = match key {
            _ if unchanged => true,
            b"Fields" | b"SigFlags" | b"DR" | b"DA" => true,
            b"NeedAppearances" => new.get(key) == Some(&Obj::Bool(false)),
            _ => false,
        };
        if !allowed {
            return Ok(Some(format!("the form (/AcroForm): its /{}", show(key))));
        }
    }
    let list = |d: &Dict, k| -> ReadResult<Vec<Obj>> {
        Ok(
            match d.get(b"Fields").map(|f| pdf.resolve(f, k)).transpose()? {
                Some(Obj::Array(a)) => a,
                _ => Vec::new(),
            },
        )
    };
    let (a, b) = (list(old, k - 1)?, list(new, k)?);
    if a.iter().any(|f| !b.contains(f)) {
        return Ok(Some("the form's /Fields: it removes a field".into()));
    }
    for added in b.iter().filter(|f| !a.contains(f)) {
        let field = pdf.dict(Some(added), k)?;
        if let Some(why) = check_new_field(pdf, k, &field)? {
            return Ok(Some(format!("the form's /Fields: an added field: {why}")));
        }
    }
    Ok(None)
}

/// Checks a new field: a signature field, with signature widgets as its
/// kids or merged with it.
fn check_new_field(pdf: &Pdf<'_>, k: usize, field: &Dict) -> ReadResult<Option<String>> {
    if field_type(pdf, k, field)?.as_deref() != Some(b"Sig".as_slice()) {
        return Ok(Some("it is not a signature field".into()));
    }
    if let Some(key) = field
        .keys()
        .find(|key| !WIDGET_KEYS.contains(key) && !FIELD_KEYS.contains(key))
    {
        return Ok(Some(format!(
            "a signature field with /{}, which signing does not add",
            show(key)
        )));
    }
    if let Some(v) = field.get(b"V")
        && let Some(why) = check_value(pdf, k, v)?
    {
        return Ok(Some(why));
    }
    Ok(None)
}

/// Checks a new value of the catalog's `/Perms`, `/DSS` or
/// `/Extensions`.
pub(crate) fn check_new(
    pdf: &Pdf<'_>,
    k: usize,
    key: &[u8],
    value: Option<&Obj>,
    _reserved: &[Reserved],
) -> ReadResult<Option<String>> {
    let d = pdf.dict(value, k)?;
    let (allowed, inner): (&[&[u8]], &[&[u8]]) = match key {
        b"Perms" => (&[b"DocMDP", b"UR3"], &[]),
        b"DSS" => (&[b"Type", b"Certs", b"OCSPs", b"CRLs", b"VRI"], &[]),
        _ => (
            &[],
            &[
                b"Type",
                b"BaseVersion",
                b"ExtensionLevel",
                b"URL",
                b"ExtensionRevision",
            ],
        ),
    };
    let bad = |what: &[u8]| Some(format!("the catalog's /{}: its /{}", show(key), show(what)));
    for (name, v) in d.iter() {
        if key == b"Extensions" {
            let ext = pdf.dict(Some(v), k)?;
            if let Some(other) = ext.keys().find(|x| !inner.contains(x)) {
                return Ok(bad(other));
            }
        } else if !allowed.contains(&name.as_slice())
            || (key == b"Perms" && check_value(pdf, k, v)?.is_some())
        {
            return Ok(bad(name));
        }
    }
    Ok(None)
}
