//! The XMP packet's properties, for comparing two packets by what they
//! say rather than how they are written: signers rewrite the packet
//! whole (iText's XMPCore, pyHanko), as attributes or as elements.

use std::collections::BTreeMap;

/// The properties a signer may change: `xmp:ModifyDate`,
/// `xmp:MetadataDate`, `pdf:Producer`.
pub(crate) const SIGNER_PROPERTIES: [(&str, &str); 3] = [
    (XMP, "ModifyDate"),
    (XMP, "MetadataDate"),
    (PDF, "Producer"),
];

const XMP: &str = "http://ns.adobe.com/xap/1.0/";
const PDF: &str = "http://ns.adobe.com/pdf/1.3/";
const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

/// A property's namespace and name.
type Key = (String, String);

/// The properties of an XMP packet: each top-level property of every
/// `rdf:Description`, written as an attribute or an element, with its
/// value in a canonical form. `None` if the packet is not XML.
pub(crate) fn properties(packet: &[u8]) -> Option<BTreeMap<Key, String>> {
    let text = std::str::from_utf8(packet).ok()?;
    let text = text.trim_start_matches('\u{feff}');
    let doc = roxmltree::Document::parse(text).ok()?;
    let mut out = BTreeMap::new();
    let descriptions = doc
        .descendants()
        .filter(|n| n.tag_name().namespace() == Some(RDF) && n.tag_name().name() == "Description");
    for d in descriptions {
        for a in d.attributes() {
            if let Some(ns) = a.namespace()
                && ns != RDF
            {
                out.insert((ns.to_owned(), a.name().to_owned()), a.value().to_owned());
            }
        }
        for child in d.children().filter(|c| c.is_element()) {
            let ns = child.tag_name().namespace().unwrap_or("").to_owned();
            out.insert((ns, child.tag_name().name().to_owned()), canonical(child));
        }
    }
    Some(out)
}

/// A property's value, canonical: its text, or its structure (elements
/// by namespace and name, their attributes but namespace declarations,
/// their text).
fn canonical(node: roxmltree::Node<'_, '_>) -> String {
    let elements: Vec<_> = node.children().filter(|c| c.is_element()).collect();
    let mut attrs: Vec<String> = node
        .attributes()
        .map(|a| format!("{}|{}={}", a.namespace().unwrap_or(""), a.name(), a.value()))
        .collect();
    attrs.sort();
    if elements.is_empty() {
        let text: String = node.children().filter_map(|c| c.text()).collect();
        if attrs.is_empty() {
            // As an attribute would give it.
            return text;
        }
        return format!("[{}]{}", attrs.join(","), text);
    }
    let inner: Vec<String> = elements
        .iter()
        .map(|e| {
            format!(
                "{}|{}{}",
                e.tag_name().namespace().unwrap_or(""),
                e.tag_name().name(),
                canonical(*e)
            )
        })
        .collect();
    format!("[{}]{{{}}}", attrs.join(","), inner.join(";"))
}

/// A property as a message names it: `xmp:ModifyDate`, else its
/// namespace in braces.
pub(crate) fn name(key: &Key) -> String {
    let prefix = match key.0.as_str() {
        XMP => "xmp",
        PDF => "pdf",
        "http://purl.org/dc/elements/1.1/" => "dc",
        "http://www.aiim.org/pdfa/ns/id/" => "pdfaid",
        "http://ns.adobe.com/xap/1.0/mm/" => "xmpMM",
        other => return format!("{{{other}}}{}", key.1),
    };
    format!("{prefix}:{}", key.1)
}

/// The first property, other than those a signer may change, whose value
/// differs between two packets; `Some("...")` also when the new packet is
/// not XML.
pub(crate) fn difference(old: &[u8], new: &[u8]) -> Option<String> {
    let Some(b) = properties(new) else {
        return Some("its packet, which is no longer readable XML".into());
    };
    let a = properties(old).unwrap_or_default();
    let keys: std::collections::BTreeSet<&Key> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .filter(|k| !SIGNER_PROPERTIES.contains(&(k.0.as_str(), k.1.as_str())))
        .find(|k| a.get(*k) != b.get(*k))
        .map(|k| format!("its property {}", name(k)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ELEMENTS: &str = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Laporan</rdf:li></rdf:Alt></dc:title>
<xmp:ModifyDate>2024-08-07T00:00:00+07:00</xmp:ModifyDate>
<pdf:Producer>lapkin</pdf:Producer>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#;

    #[test]
    fn a_rewritten_packet_with_new_dates_is_the_same() {
        let attrs = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="pyHanko"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:xap="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xap:ModifyDate="2026-01-01T00:00:00Z" xap:MetadataDate="2026-01-01T00:00:00Z" pdf:Producer="pyHanko" rdf:about=""><d:title><rdf:Alt><rdf:li xml:lang="x-default">Laporan</rdf:li></rdf:Alt></d:title></rdf:Description></rdf:RDF></x:xmpmeta>"#;
        assert_eq!(difference(ELEMENTS.as_bytes(), attrs.as_bytes()), None);
        let retitled = attrs.replace(">Laporan<", ">Lain<");
        assert_eq!(
            difference(ELEMENTS.as_bytes(), retitled.as_bytes()).as_deref(),
            Some("its property dc:title")
        );
        assert!(difference(ELEMENTS.as_bytes(), b"<x").is_some());
    }
}
