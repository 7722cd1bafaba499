//! What makes the document archival: for PDF/A, the XMP metadata and the
//! sRGB output intent in the catalog; for every standard, annotations
//! that print (`/F 4`) and links that say where they lead (`/Contents`),
//! and no empty resource dictionaries (printpdf writes an empty
//! `/Shading` on every page).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::xmp::{self, DocumentInfo};
use super::{PdfOptions, finish};
use crate::error::{Error, Result};
use crate::frame::{Item, Layout};

/// The sRGB profile of the output intent: 480 bytes, ICC 4.2, class
/// `mntr`, CC0 (`icc/README.md`).
const SRGB_PROFILE: &[u8] = include_bytes!("../../icc/sRGB-v4.icc");

/// The output condition the profile describes, as the ICC's registry
/// names it.
const SRGB_CONDITION: &str = "sRGB IEC61966-2.1";

/// The annotation flag Print (ISO 32000-1, 12.5.3): set, with Hidden,
/// NoView and ToggleNoView clear, as PDF/A asks of every annotation.
const PRINT: i64 = 4;

/// Completes the document for its standard (see the module's summary).
/// `time` is the document's time, the one its information dictionary
/// gives. A character of the title, author, subject or keywords that XML
/// cannot hold (U+FFFF, which the report model lets through) is written as
/// U+FFFD in the XMP and, so that the two agree, in the information
/// dictionary too (PDF/A only).
pub(super) fn finish_archival(
    doc: &mut Document,
    layout: &Layout,
    opts: &PdfOptions,
    time: time::OffsetDateTime,
) -> Result<()> {
    mark_annotations(doc, layout)?;
    drop_empty_resources(doc);
    let Some(part) = opts.standard.pdfa_part() else {
        return Ok(());
    };
    let meta = &layout.meta;
    let title = xml_safe_info(doc, "Title", &meta.title)?;
    let author = xml_safe_info(doc, "Author", &meta.author)?;
    let subject = xml_safe_info(doc, "Subject", &meta.subject)?;
    let keywords = xml_safe_info(doc, "Keywords", &meta.keywords)?;
    let (creator, producer) = (finish::creator(), finish::producer());
    let info = DocumentInfo {
        title: &title,
        author: &author,
        subject: &subject,
        keywords: &keywords,
        creator: &creator,
        producer: &producer,
        time,
        language: finish::LANGUAGE,
    };
    let packet = xmp::xmp(&info, Some(part));
    let mut dict = Dictionary::new();
    dict.set("Type", "Metadata");
    dict.set("Subtype", "XML");
    let mut stream = Stream::new(dict, packet);
    // PDF/A readers must find the packet without decoding anything.
    stream.allows_compression = false;
    let metadata = doc.add_object(stream);

    let mut profile = Dictionary::new();
    profile.set("N", 3);
    let profile = doc.add_object(Stream::new(profile, SRGB_PROFILE.to_vec()));
    let mut intent = Dictionary::new();
    intent.set("Type", "OutputIntent");
    intent.set("S", "GTS_PDFA1");
    intent.set(
        "OutputConditionIdentifier",
        finish::text_string(SRGB_CONDITION),
    );
    intent.set("Info", finish::text_string(SRGB_CONDITION));
    intent.set("DestOutputProfile", profile);

    let catalog = doc
        .catalog_mut()
        .map_err(|e| Error::Internal(e.to_string()))?;
    catalog.set("Metadata", metadata);
    catalog.set("OutputIntents", vec![Object::Dictionary(intent)]);
    Ok(())
}

/// A text of the document information as XML can hold it
/// ([`xmp::xml_safe`]), written back to the information dictionary's
/// `key` if that changed it.
fn xml_safe_info<'a>(doc: &mut Document, key: &str, text: &'a str) -> Result<Cow<'a, str>> {
    let safe = xmp::xml_safe(text);
    if let Cow::Owned(changed) = &safe {
        let id = doc
            .trailer
            .get(b"Info")
            .and_then(Object::as_reference)
            .map_err(|e| Error::Internal(e.to_string()))?;
        doc.get_dictionary_mut(id)
            .map_err(|e| Error::Internal(e.to_string()))?
            .set(key, finish::text_string(changed));
    }
    Ok(safe)
}

/// Makes every annotation printable and gives each link annotation a
/// `/Contents` that says where it leads, in words ("Tautan ke
/// https://…"), from the layout's own target (the `/URI` is its 7-bit
/// form). An annotation that already has flags (the signature field's
/// `/F 132`, Print and Locked) keeps them. An empty `/Annots` array is
/// removed.
fn mark_annotations(doc: &mut Document, layout: &Layout) -> Result<()> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for (page_id, page) in pages.into_iter().zip(&layout.pages) {
        let targets: HashMap<String, &str> = page
            .all_items()
            .filter_map(|item| match item {
                Item::Link(l) => Some((super::uri_ascii(&l.uri), l.uri.as_str())),
                _ => None,
            })
            .collect();
        let page_dict = doc
            .get_dictionary(page_id)
            .map_err(|e| Error::Internal(e.to_string()))?;
        let (mut annots, holder) = match page_dict.get(b"Annots") {
            Ok(Object::Array(a)) => (a.clone(), None),
            Ok(Object::Reference(id)) => match doc.get_object(*id) {
                Ok(Object::Array(a)) => (a.clone(), Some(*id)),
                _ => continue,
            },
            _ => continue,
        };
        let mut indirect = Vec::new();
        for annot in &mut annots {
            match annot {
                Object::Dictionary(d) => mark(d, &targets),
                Object::Reference(id) => indirect.push(*id),
                _ => {}
            }
        }
        for id in indirect {
            if let Ok(d) = doc.get_dictionary_mut(id) {
                mark(d, &targets);
            }
        }
        let page_dict = doc
            .get_dictionary_mut(page_id)
            .map_err(|e| Error::Internal(e.to_string()))?;
        match holder {
            // printpdf gives every page an `/Annots`, most of them empty.
            None if annots.is_empty() => {
                page_dict.remove(b"Annots");
            }
            None => page_dict.set("Annots", annots),
            Some(id) => {
                doc.objects.insert(id, Object::Array(annots));
            }
        }
    }
    Ok(())
}

/// One annotation: `/F 4` unless it has flags; for a link, `/Contents`
/// unless it has one.
fn mark(annot: &mut Dictionary, targets: &HashMap<String, &str>) {
    if annot.get(b"F").is_err() {
        annot.set("F", PRINT);
    }
    let is_link = annot
        .get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|s| s == b"Link");
    if !is_link || annot.get(b"Contents").is_ok() {
        return;
    }
    let uri = annot
        .get(b"A")
        .and_then(Object::as_dict)
        .and_then(|a| a.get(b"URI"))
        .and_then(Object::as_str)
        .map(|u| String::from_utf8_lossy(u).into_owned());
    if let Ok(uri) = uri {
        let target = targets.get(&uri).copied().unwrap_or(&uri);
        annot.set("Contents", finish::text_string(&link_description(target)));
    }
}

/// A link's target in words, for screen readers and PDF/A's `/Contents`:
/// "Kirim surel ke a@b.id" for a `mailto:` address, "Tautan ke URL" for
/// any other.
fn link_description(target: &str) -> String {
    match target
        .get(..7)
        .filter(|s| s.eq_ignore_ascii_case("mailto:"))
    {
        Some(_) => format!("Kirim surel ke {}", &target[7..]),
        None => format!("Tautan ke {target}"),
    }
}

/// Removes the empty dictionaries (`/Shading`, `/ExtGState`, ...), direct
/// or referred to, from each page's resources: they say nothing, and
/// PDF/A validators that do not check shadings will not pass a file that
/// names them. An empty dictionary object nothing refers to any more is
/// removed too.
fn drop_empty_resources(doc: &mut Document) {
    let mut dropped: HashSet<ObjectId> = HashSet::new();
    let is_empty = |doc: &Document, v: &Object| match v {
        Object::Dictionary(d) => d.is_empty(),
        Object::Reference(id) => doc.get_dictionary(*id).is_ok_and(|d| d.is_empty()),
        _ => false,
    };
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for page_id in pages {
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        let (resources, held) = match page.get(b"Resources") {
            Ok(Object::Reference(id)) => match doc.get_dictionary(*id) {
                Ok(d) => (d, Some(*id)),
                Err(_) => continue,
            },
            Ok(Object::Dictionary(d)) => (d, None),
            _ => continue,
        };
        let empty: Vec<Vec<u8>> = resources
            .iter()
            .filter(|(_, v)| is_empty(doc, v))
            .map(|(k, v)| {
                if let Object::Reference(id) = v {
                    dropped.insert(*id);
                }
                k.clone()
            })
            .collect();
        if empty.is_empty() {
            continue;
        }
        let resources = match held {
            Some(id) => doc.get_dictionary_mut(id),
            None => doc
                .get_dictionary_mut(page_id)
                .and_then(|p| p.get_mut(b"Resources"))
                .and_then(Object::as_dict_mut),
        };
        if let Ok(resources) = resources {
            for key in empty {
                resources.remove(&key);
            }
        }
    }
    if dropped.is_empty() {
        return;
    }
    // One pass over every object: what is still referred to stays.
    fn unmark(o: &Object, dropped: &mut HashSet<ObjectId>) {
        match o {
            Object::Reference(id) => {
                dropped.remove(id);
            }
            Object::Array(a) => a.iter().for_each(|o| unmark(o, dropped)),
            Object::Dictionary(d) => d.iter().for_each(|(_, o)| unmark(o, dropped)),
            Object::Stream(s) => s.dict.iter().for_each(|(_, o)| unmark(o, dropped)),
            _ => {}
        }
    }
    for o in doc.objects.values() {
        unmark(o, &mut dropped);
    }
    doc.trailer
        .iter()
        .for_each(|(_, o)| unmark(o, &mut dropped));
    for id in dropped {
        doc.objects.remove(&id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_in_words() {
        assert_eq!(
            link_description("https://bücher.example/straße"),
            "Tautan ke https://bücher.example/straße"
        );
        assert_eq!(
            link_description("MAILTO:kepala@example.org"),
            "Kirim surel ke kepala@example.org"
        );
        assert_eq!(link_description("mailto:"), "Kirim surel ke ");
        assert_eq!(link_description("http"), "Tautan ke http");
    }

    #[test]
    fn the_profile_is_a_small_rgb_display_profile_before_version_5() {
        let p = SRGB_PROFILE;
        assert_eq!(p.len(), 480);
        assert_eq!(u32::from_be_bytes([p[0], p[1], p[2], p[3]]), 480);
        assert_eq!(&p[12..16], b"mntr");
        assert_eq!(&p[16..20], b"RGB ");
        assert_eq!(&p[36..40], b"acsp");
        assert!(p[8] < 5, "ICC version {}", p[8]);
    }
}
