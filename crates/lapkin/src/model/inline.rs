//! Inline text with light markup: `*italic*`, `**bold**`, `[text](url)` and
//! `<url>` links, as in the source document.
//!
//! The markup is CommonMark, parsed by pulldown-cmark and restricted to what
//! can stand inside one paragraph. Anything else (a heading, a list, a code
//! span, raw HTML, an image) is an error naming what was found, never
//! silently dropped text.

use std::fmt;
use std::sync::OnceLock;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::problem::{Arg, Kind, Location, Phrase, Problem};
use crate::text::{Span, SpanStyle};

/// A string of inline text with markup, as written in the JSON.
///
/// The markup is parsed once, the first time it is needed, and the result
/// kept with the text: validation, the glyph check and the document stage
/// all read the same parse. The text cannot change after it is made, so
/// the parse never goes stale; equality, hashing and the JSON form are the
/// text's alone.
#[derive(Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
#[schemars(
    description = "Text with inline markup: *italic*, **bold**, [text](url) and <url> links."
)]
pub struct Inline {
    text: String,
    #[serde(skip)]
    #[schemars(skip)]
    parsed: OnceLock<Result<Vec<Span>, Problem>>,
}

impl PartialEq for Inline {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Inline {}

impl std::hash::Hash for Inline {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl fmt::Debug for Inline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Inline").field(&self.text).finish()
    }
}

impl Inline {
    /// Wraps a string of inline markup.
    ///
    /// ```
    /// use lapkin::model::Inline;
    ///
    /// let text = Inline::new("Kegiatan *daring* dan **luring**");
    /// assert_eq!(text.plain_text().unwrap(), "Kegiatan daring dan luring");
    /// ```
    pub fn new(text: impl Into<String>) -> Self {
        Inline {
            text: text.into(),
            parsed: OnceLock::new(),
        }
    }

    /// The markup as written.
    ///
    /// ```
    /// use lapkin::model::Inline;
    ///
    /// assert_eq!(Inline::new("*daring*").as_str(), "*daring*");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The markup as styled runs; a problem (at
    /// [`Location::Given`]) if it holds markup that cannot stand in a
    /// paragraph.
    ///
    /// ```
    /// use lapkin::model::Inline;
    /// use lapkin::problem::Kind;
    ///
    /// let spans = Inline::new("Capaian *naik*").spans().unwrap();
    /// assert_eq!(spans.len(), 2);
    /// assert!(spans[1].style.italic);
    /// assert_eq!(Inline::new("# Judul").spans().unwrap_err().kind, Kind::MarkupHeading);
    /// ```
    pub fn spans(&self) -> Result<Vec<Span>, Problem> {
        self.parsed().map(<[Span]>::to_vec).map_err(Clone::clone)
    }

    /// The markup as styled runs, parsed on the first call only.
    pub(crate) fn parsed(&self) -> Result<&[Span], &Problem> {
        self.parsed
            .get_or_init(|| parse_spans(&self.text))
            .as_ref()
            .map(Vec::as_slice)
    }

    /// The text without markup, as it will be printed.
    ///
    /// ```
    /// let text = lapkin::model::Inline::new("Lihat [laman](https://example.org) **ini**");
    /// assert_eq!(text.plain_text().unwrap(), "Lihat laman ini");
    /// ```
    pub fn plain_text(&self) -> Result<String, Problem> {
        let spans = self.parsed().map_err(Clone::clone)?;
        Ok(spans.iter().map(|s| s.text.as_str()).collect())
    }
}

impl From<&str> for Inline {
    fn from(s: &str) -> Self {
        Inline::new(s)
    }
}

impl From<String> for Inline {
    fn from(s: String) -> Self {
        Inline::new(s)
    }
}

/// A problem of markup, at the text it is in ([`Location::Given`]: the
/// caller places it).
fn err(kind: Kind) -> Problem {
    Problem::new(Location::Given, kind)
}

/// A description of a block-level construct that is not allowed in inline
/// text, and how to write what was meant.
fn block_error(tag: &Tag<'_>, source: &str) -> Problem {
    let start = Arg::quoted(source.trim_start().chars().take(12).collect::<String>());
    match tag {
        Tag::List(_) | Tag::Item => err(Kind::MarkupList).with("start", start),
        Tag::Heading { .. } if source.trim_start().starts_with('#') => {
            err(Kind::MarkupHeading).with("start", start)
        }
        Tag::Heading { .. } => err(Kind::MarkupUnderlined).with("start", start),
        Tag::BlockQuote(_) => err(Kind::MarkupQuote).with("start", start),
        Tag::CodeBlock(_) => err(Kind::MarkupCodeBlock),
        Tag::HtmlBlock => err(Kind::MarkupHtml).with("html", start),
        Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => err(Kind::MarkupTable),
        _ => err(Kind::MarkupParagraphs),
    }
}

#[cfg(test)]
thread_local! {
    /// How many times markup was parsed on this thread, for the tests that
    /// show each text is parsed once.
    pub(crate) static PARSES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The schemes a link may have: a reader's PDF viewer opens only these.
pub const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// A link target must be a full `http`, `https` or `mailto` address: a
/// PDF's reader cannot resolve a relative path, and other schemes
/// (`javascript:`, `file:`, `data:`) run code or open local files.
fn check_link(url: &str) -> Result<(), Problem> {
    let scheme_end = url.find(':').filter(|&i| {
        let s = &url[..i];
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    let Some(end) = scheme_end else {
        return Err(err(Kind::LinkRelative).with("url", Arg::quoted(url)));
    };
    let scheme = url[..end].to_ascii_lowercase();
    if !LINK_SCHEMES.contains(&scheme.as_str()) {
        return Err(err(Kind::LinkScheme)
            .with("url", Arg::quoted(url))
            .with("scheme", scheme));
    }
    if scheme != "mailto" {
        let rest = &url[end + 1..];
        let host = rest.strip_prefix("//").map(|r| {
            r.split(['/', '?', '#'])
                .next()
                .unwrap_or_default()
                .rsplit('@')
                .next()
                .unwrap_or_default()
        });
        match host {
            Some(h) if !h.is_empty() && !h.contains('\\') => {}
            _ => {
                return Err(err(Kind::LinkNoHost)
                    .with("url", Arg::quoted(url))
                    .with("scheme", scheme));
            }
        }
    }
    Ok(())
}

/// Characters that cannot be typed into a report's text: control
/// characters other than line breaks (a tab, an escape).
fn check_source(source: &str) -> Result<(), Problem> {
    match source
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\r'))
    {
        None => Ok(()),
        Some('\t') => Err(err(Kind::Tab)),
        Some(c) => Err(err(Kind::ControlCharacter).with("code", format!("{:04X}", u32::from(c)))),
    }
}

/// Text that a character reference (`&#9;`, `&#0;`) turned into a control
/// character, or into U+FFFD for a reference to no character.
fn check_decoded(text: &str, source: &str) -> Result<(), Problem> {
    let bad = text
        .chars()
        .find(|&c| c.is_control() || (c == '\u{FFFD}' && !source.contains(c)));
    let Some(c) = bad else { return Ok(()) };
    let reference = source
        .match_indices("&#")
        .filter_map(|(i, _)| {
            let rest = &source[i..];
            let end = rest.get(..12).unwrap_or(rest).find(';')?;
            Some(&rest[..=end])
        })
        .next()
        .unwrap_or("&#...;");
    let what = if c == '\u{FFFD}' {
        Arg::from(Phrase::NoPrintableCharacter)
    } else {
        let code = format!("{:04X}", u32::from(c));
        Arg::phrase(Phrase::ControlCharacterCode, vec![("code", code.into())])
    };
    Err(err(Kind::CharacterReference)
        .with("reference", Arg::quoted(reference))
        .with("what", what))
}

fn parse_spans(source: &str) -> Result<Vec<Span>, Problem> {
    #[cfg(test)]
    PARSES.with(|n| n.set(n.get() + 1));
    check_source(source)?;
    let mut state = Spans::default();
    for event in Parser::new_ext(source, Options::empty()) {
        state.event(event, source)?;
    }
    Ok(state.spans)
}

/// The spans of a text so far, and the markup open where the parser is.
#[derive(Default)]
struct Spans {
    spans: Vec<Span>,
    style: SpanStyle,
    emphasis: Vec<TagEnd>,
    link: Option<String>,
    /// Whether the open link has text.
    link_text: bool,
    paragraphs: usize,
}

impl Spans {
    /// Appends `text` in the current style and link.
    fn push(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.link_text = true;
        match self.spans.last_mut() {
            Some(last) if last.style == self.style && last.link == self.link => {
                last.text.push_str(text);
            }
            _ => self.spans.push(Span {
                text: text.to_owned(),
                style: self.style,
                link: self.link.clone(),
            }),
        }
    }

    /// Takes one of the parser's events, or refuses the markup it shows.
    fn event(&mut self, event: Event<'_>, source: &str) -> Result<(), Problem> {
        match event {
            Event::Start(Tag::Paragraph) => {
                self.paragraphs += 1;
                if self.paragraphs > 1 {
                    return Err(err(Kind::MarkupParagraphs));
                }
            }
            Event::Start(Tag::Emphasis) => {
                self.emphasis.push(TagEnd::Emphasis);
                self.style.italic = true;
            }
            Event::Start(Tag::Strong) => {
                self.emphasis.push(TagEnd::Strong);
                self.style.bold = true;
            }
            Event::End(end @ (TagEnd::Emphasis | TagEnd::Strong)) => {
                if let Some(pos) = self.emphasis.iter().rposition(|e| *e == end) {
                    self.emphasis.remove(pos);
                }
                self.style.italic = self.emphasis.contains(&TagEnd::Emphasis);
                self.style.bold = self.emphasis.contains(&TagEnd::Strong);
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => self.start_link(link_type, &dest_url)?,
            Event::End(TagEnd::Link) => self.end_link(),
            Event::Text(text) => {
                check_decoded(&text, source)?;
                self.push(&text);
            }
            Event::SoftBreak => self.push(" "),
            Event::HardBreak => self.push("\n"),
            Event::Code(code) => return Err(err(Kind::MarkupCode).with("code", code.to_string())),
            Event::InlineHtml(html) | Event::Html(html) => {
                return Err(err(Kind::MarkupHtml).with("html", Arg::quoted(html.trim())));
            }
            Event::Start(Tag::Image { .. }) => return Err(err(Kind::MarkupImage)),
            Event::Start(tag) => return Err(block_error(&tag, source)),
            Event::Rule => return Err(err(Kind::MarkupRule)),
            Event::End(_) => {}
            // Footnotes, task lists and math are not enabled; should one
            // appear, say so without the parser's internals.
            _ => return Err(err(Kind::MarkupOther)),
        }
        Ok(())
    }

    /// Opens a link to `dest_url` (an e-mail address for an autolink of
    /// one), or refuses it: inside another, to nowhere, or to a scheme a
    /// report may not link to.
    fn start_link(&mut self, link_type: LinkType, dest_url: &str) -> Result<(), Problem> {
        if self.link.is_some() {
            return Err(err(Kind::LinkInLink));
        }
        let url = dest_url.to_string();
        if url.is_empty() || url == "#" {
            return Err(err(Kind::LinkNowhere).with("url", Arg::quoted(url)));
        }
        self.link_text = false;
        self.link = Some(match link_type {
            LinkType::Email => format!("mailto:{url}"),
            // A cross-reference: validation checks its id.
            _ if url.starts_with('#') => url,
            _ => {
                check_link(&url)?;
                url
            }
        });
        Ok(())
    }

    /// Closes a link. A cross-reference without text (`[](#id)`) keeps an
    /// empty span, where the document prints its target's label.
    fn end_link(&mut self) {
        if let Some(link) = self.link.take()
            && link.starts_with('#')
            && !self.link_text
        {
            self.spans.push(Span {
                text: String::new(),
                style: self.style,
                link: Some(link),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(s: &str) -> Vec<(String, bool, bool, Option<String>)> {
        Inline::new(s)
            .spans()
            .unwrap()
            .into_iter()
            .map(|s| (s.text, s.style.bold, s.style.italic, s.link))
            .collect()
    }

    #[test]
    fn plain_text_is_one_span() {
        assert_eq!(
            spans("Capaian AKS \u{2264} 75%"),
            vec![("Capaian AKS \u{2264} 75%".into(), false, false, None)]
        );
    }

    #[test]
    fn italics_bold_and_links() {
        assert_eq!(
            spans("optimalisasi *chromebook* dan **GWE**, link <https://bit.ly/3U2g3j7>."),
            vec![
                ("optimalisasi ".into(), false, false, None),
                ("chromebook".into(), false, true, None),
                (" dan ".into(), false, false, None),
                ("GWE".into(), true, false, None),
                (", link ".into(), false, false, None),
                (
                    "https://bit.ly/3U2g3j7".into(),
                    false,
                    false,
                    Some("https://bit.ly/3U2g3j7".into())
                ),
                (".".into(), false, false, None),
            ]
        );
        assert_eq!(
            spans("[Berita *RBI*](https://example.org/rbi)"),
            vec![
                (
                    "Berita ".into(),
                    false,
                    false,
                    Some("https://example.org/rbi".into())
                ),
                (
                    "RBI".into(),
                    false,
                    true,
                    Some("https://example.org/rbi".into())
                ),
            ]
        );
        assert_eq!(
            spans("***tebal miring***"),
            vec![("tebal miring".into(), true, true, None)]
        );
    }

    #[test]
    fn brackets_without_a_target_stay_text() {
        assert_eq!(
            Inline::new("Pemanfaatan TIK [*Chromebook*] dalam")
                .plain_text()
                .unwrap(),
            "Pemanfaatan TIK [Chromebook] dalam"
        );
        assert_eq!(
            Inline::new("[SK 1.0] Meningkatnya mutu")
                .plain_text()
                .unwrap(),
            "[SK 1.0] Meningkatnya mutu"
        );
    }

    #[test]
    fn newlines_are_spaces_unless_hard() {
        assert_eq!(Inline::new("satu\ndua").plain_text().unwrap(), "satu dua");
        assert_eq!(
            Inline::new("satu\\\ndua").plain_text().unwrap(),
            "satu\ndua"
        );
    }

    #[test]
    fn escaped_markers_stay_text() {
        assert_eq!(
            Inline::new("2024\\. Tahun").plain_text().unwrap(),
            "2024. Tahun"
        );
        assert_eq!(Inline::new("5 \\* 3").plain_text().unwrap(), "5 * 3");
    }

    #[test]
    fn block_markup_is_an_error() {
        for (text, needle) in [
            ("1. Sosialisasi", "list item"),
            ("- butir", "list item"),
            ("# Judul", "escape the `#`"),
            ("Judul\n===", "underlined by a line of `=` or `-`"),
            ("Judul\n---", "underlined by a line of `=` or `-`"),
            ("> kutipan", "block quote"),
            ("    kode", "code block"),
            ("satu\n\ndua", "more than one paragraph"),
            ("pakai `kode`", "code spans"),
            ("ada <b>tebal</b>", "raw HTML"),
            ("![gambar](a.png)", "images"),
            ("[berita](#)", "points nowhere"),
            ("---", "horizontal rule"),
        ] {
            let e = Inline::new(text).spans().unwrap_err().to_string();
            assert!(e.contains(needle), "{text:?}: {e}");
        }
    }

    #[test]
    fn control_characters_are_refused() {
        for (text, message) in [
            ("satu\tdua", "a tab character; use a space"),
            ("satu\u{1b}dua", "the control character U+001B"),
            (
                "AT&#9;T",
                "the character reference \"&#9;\" stands for U+0009",
            ),
            (
                "nol &#0; nol",
                "the character reference \"&#0;\" stands for no character",
            ),
            (
                "baris&#10;baru",
                "the character reference \"&#10;\" stands for U+000A",
            ),
            (
                "esc &#x1b;",
                "the character reference \"&#x1b;\" stands for U+001B",
            ),
        ] {
            let e = Inline::new(text).spans().unwrap_err().to_string();
            assert!(e.contains(message), "{text:?}: {e}");
        }
        // Entities that stand for printable characters are CommonMark.
        assert_eq!(
            Inline::new("AT&amp;T &#8211; &lt;").plain_text().unwrap(),
            "AT&T \u{2013} <"
        );
        assert_eq!(Inline::new("AT\\&amp;T").plain_text().unwrap(), "AT&amp;T");
        // Line breaks in the JSON string are spaces.
        assert_eq!(Inline::new("satu\r\ndua").plain_text().unwrap(), "satu dua");
    }

    #[test]
    fn links_must_be_full_web_or_mail_addresses() {
        for (text, message) in [
            ("[x](javascript:alert(1))", "a javascript: link"),
            ("<javascript:alert(1)>", "a javascript: link"),
            ("[x](JavaScript:alert(1))", "a javascript: link"),
            ("[x](jav&#x61;script:alert(1))", "a javascript: link"),
            ("[x](vbscript:msgbox)", "a vbscript: link"),
            ("<file:///etc/passwd>", "a file: link"),
            ("[x](data:text/html,hi)", "a data: link"),
            ("[x](ftp://example.org)", "a ftp: link"),
            ("[x](laporan.pdf)", "not a full address"),
            ("[x](../laporan.pdf)", "not a full address"),
            ("[x](//example.org/a)", "not a full address"),
            ("[x](\\\\server\\share)", "not a full address"),
            ("[x](https:example.org)", "has no host"),
            ("[x](https:///path)", "has no host"),
            ("[x](http:\\\\server)", "has no host"),
        ] {
            let e = Inline::new(text).spans().unwrap_err().to_string();
            assert!(e.contains(message), "{text:?}: {e}");
        }
        for ok in [
            "[x](https://example.org/a?b=c#d)",
            "[x](HTTP://example.org)",
            "[x](mailto:kepala@example.org)",
            "<kepala@example.org>",
            "[x](https://contoh.id/berkas/laporan%20akhir.pdf)",
            "[x](https://bücher.example/straße)",
        ] {
            assert!(Inline::new(ok).spans().is_ok(), "{ok}");
        }
    }

    #[test]
    fn empty_text_has_no_spans() {
        assert!(Inline::new("").spans().unwrap().is_empty());
        assert!(Inline::new("   ").spans().unwrap().is_empty());
    }
}
