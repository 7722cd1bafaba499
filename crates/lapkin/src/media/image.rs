//! PNG and JPEG files into [`Image`]s the PDF writer embeds: a JPEG as
//! given (its markers walked for its size and components, never
//! re-encoded), a PNG decoded with the `png` crate and its samples
//! compressed losslessly (the alpha channel apart, for an `/SMask`).

use std::io::Write;

use serde::{Deserialize, Serialize};

use crate::problem::{Arg, Kind, Problem};

/// The most pixels an image may have (5,000 × 4,000): a whole page at
/// 300 dpi needs under 9 million; decoding more costs memory for nothing
/// (a PNG's samples are held while they are compressed: at most 8 bytes a
/// pixel, 160 MB).
pub const MAX_PIXELS: u64 = 20_000_000;

/// How an image's samples are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Encoding {
    /// A JPEG file as given (`/DCTDecode`).
    Jpeg,
    /// Samples compressed with zlib (`/FlateDecode`), row after row.
    Flate,
}

/// An image ready to embed: its size in pixels, its colour and samples.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Image {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Colour components per pixel: 1 (grey) or 3 (RGB).
    pub components: u8,
    /// Bits per component: 8, or 16 for a 16-bit PNG.
    pub bits: u8,
    /// How `data` is stored.
    pub encoding: Encoding,
    /// The JPEG file, or the colour samples compressed.
    pub data: Vec<u8>,
    /// The alpha samples compressed (`bits` each), for an image with
    /// transparency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alpha: Option<Vec<u8>>,
}

/// Why a file is not an image lapkin embeds; the caller places it.
fn refused(kind: Kind) -> Problem {
    Problem::new(crate::problem::Location::Given, kind)
}

/// Decodes a PNG or JPEG file (told apart by their signatures).
pub(crate) fn decode(bytes: &[u8]) -> Result<Image, Problem> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(bytes)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        jpeg(bytes)
    } else {
        Err(refused(Kind::NotAnImage))
    }
}

fn too_many(width: u32, height: u32) -> Option<Problem> {
    (u64::from(width) * u64::from(height) > MAX_PIXELS).then(|| {
        refused(Kind::ImageTooManyPixels)
            .with("width", width)
            .with("height", height)
            .with("limit", MAX_PIXELS)
    })
}

fn undecodable(detail: impl std::fmt::Display) -> Problem {
    refused(Kind::ImageUndecodable).with("en_detail", detail.to_string())
}

/// Compresses `samples` (deterministic: the same bytes give the same
/// stream).
fn deflate(samples: &[u8]) -> Result<Vec<u8>, Problem> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
    z.write_all(samples).map_err(undecodable)?;
    z.finish().map_err(undecodable)
}

/// A PNG: palettes and bit depths under 8 expanded, the alpha channel (or
/// a `tRNS` colour) split off.
fn png(bytes: &[u8]) -> Result<Image, Problem> {
    let limits = png::Limits {
        bytes: (MAX_PIXELS * 8) as usize,
    };
    let mut decoder = png::Decoder::new_with_limits(std::io::Cursor::new(bytes), limits);
    decoder.set_transformations(png::Transformations::EXPAND);
    let header = decoder.read_header_info().map_err(undecodable)?;
    let (width, height) = (header.width, header.height);
    if let Some(p) = too_many(width, height) {
        return Err(p);
    }
    let mut reader = decoder.read_info().map_err(undecodable)?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| undecodable("too large"))?;
    let mut buf = vec![0; size];
    let frame = reader.next_frame(&mut buf).map_err(undecodable)?;
    buf.truncate(frame.buffer_size());
    let bits: u8 = match frame.bit_depth {
        png::BitDepth::Sixteen => 16,
        _ => 8,
    };
    let (components, alpha) = match frame.color_type {
        png::ColorType::Grayscale => (1, false),
        png::ColorType::GrayscaleAlpha => (1, true),
        png::ColorType::Rgb => (3, false),
        png::ColorType::Rgba => (3, true),
        png::ColorType::Indexed => return Err(undecodable("an unexpanded palette")),
    };
    let bytes_per = usize::from(bits / 8);
    let (color, alpha) = if alpha {
        let pixel = (usize::from(components) + 1) * bytes_per;
        let cut = usize::from(components) * bytes_per;
        let mut color = Vec::with_capacity(buf.len() / pixel * cut);
        let mut a = Vec::with_capacity(buf.len() / pixel * bytes_per);
        for px in buf.chunks_exact(pixel) {
            color.extend_from_slice(&px[..cut]);
            a.extend_from_slice(&px[cut..]);
        }
        // An alpha channel that is opaque everywhere is left out.
        let opaque = a.iter().all(|&b| b == 0xFF);
        (color, (!opaque).then_some(a))
    } else {
        (buf, None)
    };
    Ok(Image {
        width,
        height,
        components,
        bits,
        encoding: Encoding::Flate,
        data: deflate(&color)?,
        alpha: alpha.map(|a| deflate(&a)).transpose()?,
    })
}

/// A JPEG, walked marker by marker up to its first scan for the frame
/// header (size, components, precision); it must end with its EOI
/// marker. Baseline and progressive Huffman-coded frames with 1 or 3
/// components are embedded; others are refused.
fn jpeg(bytes: &[u8]) -> Result<Image, Problem> {
    let mut at = 2;
    let mut frame = None;
    loop {
        let (Some(&0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) else {
            return Err(undecodable(format!("no marker at byte {at}")));
        };
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let len = match bytes.get(at + 2..at + 4) {
            Some(l) => usize::from(u16::from_be_bytes([l[0], l[1]])),
            None => return Err(undecodable("the file ends inside a marker")),
        };
        let body = bytes
            .get(at + 4..at + 2 + len)
            .filter(|_| len >= 2)
            .ok_or_else(|| undecodable("the file ends inside a segment"))?;
        match marker {
            0xC0..=0xC2 => frame = Some((marker, body)),
            0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                return Err(refused(Kind::ImageUnsupported).with(
                    "what",
                    Arg::both(
                        "a lossless, hierarchical or arithmetic-coded JPEG",
                        "JPEG lossless, hierarkis, atau berkode aritmetika",
                    ),
                ));
            }
            0xDA => break,
            _ => {}
        }
        at += 2 + len;
    }
    let Some((_, f)) = frame else {
        return Err(undecodable("no frame header before the first scan"));
    };
    let Some(&[precision, h1, h0, w1, w0, n]) =
        f.get(..6).and_then(|s| <&[u8; 6]>::try_from(s).ok())
    else {
        return Err(undecodable("a short frame header"));
    };
    let (width, height) = (
        u32::from(u16::from_be_bytes([w1, w0])),
        u32::from(u16::from_be_bytes([h1, h0])),
    );
    if width == 0 || height == 0 || precision != 8 {
        return Err(undecodable("a frame of no size or not 8 bits"));
    }
    if n != 1 && n != 3 {
        return Err(
            refused(Kind::ImageUnsupported).with("what", Arg::both("a CMYK JPEG", "JPEG CMYK"))
        );
    }
    if let Some(p) = too_many(width, height) {
        return Err(p);
    }
    // An EOI marker after the first scan (entropy-coded data never holds
    // one: a 0xFF there is followed by 0).
    if !bytes[at..].windows(2).any(|w| w == [0xFF, 0xD9]) {
        return Err(undecodable(
            "the file does not end with its EOI marker (is it cut short?)",
        ));
    }
    Ok(Image {
        width,
        height,
        components: n,
        bits: 8,
        encoding: Encoding::Jpeg,
        data: bytes.to_vec(),
        alpha: None,
    })
}

impl Image {
    /// What a PDF writer cannot write of an image built in code, at `at`:
    /// no pixels, other than 1 or 3 components, other than 8 or 16 bits
    /// (8 for a JPEG), an alpha channel on a JPEG.
    pub(crate) fn problems(&self, at: &crate::problem::JsonPath) -> Vec<Problem> {
        let jpeg = self.encoding == Encoding::Jpeg;
        let bits = if jpeg {
            self.bits == 8
        } else {
            matches!(self.bits, 8 | 16)
        };
        let ok = self.width > 0 && self.height > 0 && matches!(self.components, 1 | 3);
        if ok && bits && !(jpeg && self.alpha.is_some()) {
            return Vec::new();
        }
        let found = format!(
            "{} x {} pixels, {} x {} bits",
            self.width, self.height, self.components, self.bits
        );
        let expected = Arg::both(
            "an image of 1 or 3 components of 8 (or, not in a JPEG, 16) bits",
            "gambar 1 atau 3 komponen 8 (atau, selain JPEG, 16) bit",
        );
        let p = Problem::new(at, Kind::OutOfRange)
            .with("expected", expected)
            .with("found", found);
        vec![p]
    }
}
