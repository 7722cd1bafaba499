//! The catalogue: every message of lapkin in English and in Bahasa
//! Indonesia, entry by entry.
//!
//! Each [`Kind`] of problem has a message and, where there is a way to fix
//! it, a hint; each [`Phrase`] is a part that messages share (how a JSON
//! value is described, a face's name). A template names the values it
//! shows in braces, `{found}`; both languages of an entry name the same
//! values (checked by a test), except that a value whose name starts with
//! `en_` is English text (a dependency's message, a schema description)
//! that the Indonesian text may leave out.
//!
//! The Indonesian follows PUEBI and the report's own words: *sasaran*,
//! *indikator*, *rincian*, *pagu*, *realisasi*, *penutup*, *catatan*;
//! *isian* for a JSON field, *fon* and *glif* as KBBI spells them.
//!
//! To add a message: add an entry to [`Kind`] (a problem) or [`Phrase`]
//! (a part of one) with its stable name and both texts, then build it
//! with `Problem::new(path, Kind::Name).with("value", ...)`.

use serde::{Serialize, Serializer};

use super::Lang;

macro_rules! catalogue {
    (@hint) => { None };
    (@hint $h:literal) => { Some($h) };
    (
        $(#[$meta:meta])*
        $vis:vis enum $Enum:ident {
            $(
                $(#[doc = $doc:literal])*
                $Name:ident = $id:literal
                    en $en:literal $(hint $enh:literal)?
                    id $idm:literal $(hint $idh:literal)?;
            )*
        }
    ) => {
        $(#[$meta])*
        $vis enum $Enum {
            $( $(#[doc = $doc])* $Name, )*
        }

        #[cfg_attr(not(test), allow(dead_code, reason = "the tests read the phrases' names"))]
        impl $Enum {
            /// Every entry, in the catalogue's order.
            pub const ALL: &'static [$Enum] = &[$($Enum::$Name),*];

            /// The entry's stable name, e.g. `nip-length`.
            ///
            /// ```
            /// assert_eq!(lapkin::problem::Kind::NipLength.name(), "nip-length");
            /// ```
            pub fn name(self) -> &'static str {
                match self {
                    $($Enum::$Name => $id,)*
                }
            }

            /// The message's and the hint's templates in `lang`.
            pub(crate) fn template(self, lang: Lang) -> (&'static str, Option<&'static str>) {
                match lang {
                    Lang::En => match self {
                        $($Enum::$Name => ($en, catalogue!(@hint $($enh)?)),)*
                    },
                    Lang::Id => match self {
                        $($Enum::$Name => ($idm, catalogue!(@hint $($idh)?)),)*
                    },
                }
            }
        }
    };
}

catalogue! {
    /// What kind of problem a [`Problem`](super::Problem) is: a stable name
    /// (`nip-length`, [`Kind::name`]) that an application can count or
    /// match on. Its message and hint are in the catalogue, in English and
    /// Bahasa Indonesia.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum Kind {
        // The input as a whole.

        /// The input is not well-formed JSON.
        JsonSyntax = "json-syntax"
            en "invalid JSON: {detail}"
            id "JSON tidak sah: {detail}";
        /// The input is larger than the limit.
        TooLarge = "too-large"
            en "the input is {size} bytes; the limit is {limit} bytes"
            id "masukan berukuran {size} bita; batasnya {limit} bita";
        /// The input is UTF-16 or UTF-32.
        NotUtf8 = "not-utf8"
            en "the file is UTF-{bits}" hint "save it as UTF-8"
            id "berkas ini berkode UTF-{bits}" hint "simpan sebagai UTF-8";

        // The JSON's structure (the schema).

        /// A value of the wrong JSON type.
        WrongType = "wrong-type"
            en "expected {expected}, found {found}"
            id "seharusnya {expected}, bukan {found}";
        /// A number written as a string.
        NumberInQuotes = "number-in-quotes"
            en "expected {expected}, found {found}"
                hint "write it as a JSON number without quotes: {plain}"
            id "seharusnya {expected}, bukan {found}"
                hint "tulis sebagai angka JSON tanpa tanda petik: {plain}";
        /// A field the format does not have.
        UnknownField = "unknown-field"
            en "unknown field" hint "{suggestion}"
            id "isian tidak dikenal" hint "{suggestion}";
        /// A required field is missing.
        MissingField = "missing-field"
            en "missing required field{en_description}" hint "add `{name}`"
            id "isian wajib belum ada" hint "tambahkan `{name}`";
        /// A value that is not one of the allowed words.
        NotAChoice = "not-a-choice"
            en "expected {options}, found {found}" hint "{suggestion}"
            id "seharusnya {options}, bukan {found}" hint "{suggestion}";
        /// A number outside its range.
        OutOfRange = "out-of-range"
            en "expected {expected}, found {found}"
            id "seharusnya {expected}, bukan {found}";
        /// Too few or too many items or characters.
        WrongCount = "wrong-count"
            en "expected {expected}, found {found}"
            id "seharusnya {expected}, bukan {found}";
        /// An object that is none of a block's forms.
        UnknownBlock = "unknown-block"
            en "expected an object with one key, {tags}, found {found}" hint "{suggestion}"
            id "seharusnya objek dengan satu kunci, {tags}, bukan {found}" hint "{suggestion}";
        /// A value the schema does not allow, for a reason of its own.
        NotAllowed = "not-allowed"
            en "{found} is not allowed here" hint "see `lapkin schema` for what is"
            id "{found} tidak diperbolehkan di sini"
                hint "lihat `lapkin schema` untuk isian yang diperbolehkan";
        /// A value that cannot be read as what its field holds.
        Unreadable = "unreadable"
            en "{en_detail}"
            id "nilai ini tidak dapat dibaca sebagai isian ini";
        /// A key written twice in one object.
        DuplicateKey = "duplicate-key"
            en "the key {key} appears {times} ({lines}); JSON keeps only the last value and loses \
                the others"
                hint "write the key once"
            id "kunci {key} muncul {times} ({lines}); JSON hanya menyimpan nilai terakhir dan \
                membuang yang lain"
                hint "tulis kunci itu sekali saja";
        /// A number no exact decimal can hold.
        NumberNotExact = "number-not-exact"
            en "the number {number} cannot be held exactly (at most 28 significant digits)"
            id "angka {number} tidak dapat disimpan dengan tepat (paling banyak 28 angka \
                penting)";
        /// A number too large for its field.
        NumberTooLarge = "number-too-large"
            en "the number {number} is too large here"
            id "angka {number} terlalu besar untuk isian ini";
        /// A number that is not whole where a whole one is expected.
        NotWhole = "not-whole"
            en "expected a whole number, found {number}"
            id "seharusnya bilangan bulat, bukan {number}";
        /// A date that is not written `YYYY-MM-DD`.
        NotADate = "not-a-date"
            en "expected a date written YYYY-MM-DD, such as \"2024-08-07\", found {found}"
            id "seharusnya tanggal yang ditulis TTTT-BB-HH, misalnya \"2024-08-07\", bukan \
                {found}";
        /// A date that does not exist.
        NoSuchDate = "no-such-date"
            en "{date} does not exist: {why}"
            id "tanggal {date} tidak ada: {why}";

        // Texts.

        /// A text that must not be blank is blank.
        Empty = "empty"
            en "must not be empty"
            id "tidak boleh kosong";
        /// A tab character.
        Tab = "tab"
            en "contains a tab character" hint "use a space"
            id "berisi karakter tab" hint "ganti dengan spasi";
        /// A line break or another control character in a one-line text.
        NotOneLine = "not-one-line"
            en "must be one line of text, found the control character U+{code}"
            id "harus satu baris teks, tetapi berisi karakter kendali U+{code}";
        /// A control character in a text with markup.
        ControlCharacter = "control-character"
            en "contains the control character U+{code}, which cannot be printed"
                hint "remove it"
            id "berisi karakter kendali U+{code}, yang tidak dapat dicetak" hint "hapus karakter itu";
        /// Right-to-left text.
        RightToLeft = "right-to-left"
            en "{script} text is right-to-left ({character}), which lapkin does not lay out"
                hint "write it in Latin letters or leave it out"
            id "teks {script} ditulis dari kanan ke kiri ({character}), yang tidak dapat ditata \
                lapkin"
                hint "tulis dengan huruf Latin atau hapus";
        /// A bidirectional control character.
        BidiControl = "bidi-control"
            en "contains the bidirectional control character U+{code}"
                hint "lapkin sets all text left to right: remove it"
            id "berisi karakter kendali arah teks U+{code}"
                hint "lapkin menata semua teks dari kiri ke kanan: hapus karakter itu";
        /// A script whose letters must be joined or reordered.
        ComplexScript = "complex-script"
            en "{script} text ({character}) needs its letters joined or reordered, which lapkin \
                does not do"
                hint "write it in Latin letters or leave it out"
            id "huruf teks {script} ({character}) perlu disambung atau disusun ulang, yang tidak \
                dilakukan lapkin"
                hint "tulis dengan huruf Latin atau hapus";
        /// A character a font cannot draw.
        MissingGlyph = "missing-glyph"
            en "the {face} font {font} has no glyph for {characters}, used {place}"
                hint "replace the character or choose a font that has it"
            id "fon {face} {font} tidak memiliki glif untuk {characters}, yang dipakai {place}"
                hint "ganti karakter itu atau pilih fon yang memilikinya";

        // Markup.

        /// A text that starts like a Markdown list item.
        MarkupList = "markup-list"
            en "the text starts like a Markdown list item ({start})"
                hint "write a list as {\"daftar\": ...}, or escape the marker to keep it as text \
                      (\"1\\\\. ...\", \"\\\\- ...\")"
            id "teks diawali seperti butir daftar Markdown ({start})"
                hint "tulis daftar sebagai {\"daftar\": ...}, atau beri garis miring terbalik \
                      pada penandanya agar tetap menjadi teks (\"1\\\\. ...\", \"\\\\- ...\")";
        /// A Markdown heading.
        MarkupHeading = "markup-heading"
            en "the text is a Markdown heading ({start}); headings are generated by lapkin"
                hint "escape the `#` (\"\\\\#\") to keep it as text"
            id "teks ini judul Markdown ({start}); judul dibuat sendiri oleh lapkin"
                hint "beri garis miring terbalik pada `#` (\"\\\\#\") agar tetap menjadi teks";
        /// A line underlined as a Markdown heading.
        MarkupUnderlined = "markup-underlined"
            en "the text is a Markdown heading: a line underlined by a line of `=` or `-` \
                ({start}); headings are generated by lapkin"
                hint "put the text on one line, or escape the underline's first character \
                      (\"\\\\=\", \"\\\\-\") to keep it as text"
            id "teks ini judul Markdown: sebaris teks yang digarisbawahi dengan baris `=` atau \
                `-` ({start}); judul dibuat sendiri oleh lapkin"
                hint "tulis teks dalam satu baris, atau beri garis miring terbalik pada karakter \
                      pertama garis bawahnya (\"\\\\=\", \"\\\\-\") agar tetap menjadi teks";
        /// A Markdown block quote.
        MarkupQuote = "markup-quote"
            en "the text starts with `>`, a Markdown block quote ({start})"
                hint "escape it as \"\\\\>\""
            id "teks diawali `>`, kutipan blok Markdown ({start})"
                hint "tulis sebagai \"\\\\>\"";
        /// A Markdown code block.
        MarkupCodeBlock = "markup-code-block"
            en "the text is a Markdown code block (indented by four spaces or fenced with ```)"
                hint "remove the indentation or the fence"
            id "teks ini blok kode Markdown (menjorok empat spasi atau diapit ```)"
                hint "hapus indentasi atau pengapitnya";
        /// Raw HTML.
        MarkupHtml = "markup-html"
            en "raw HTML is not supported in report text ({html})"
                hint "write `<` as \"\\\\<\" to keep it as text"
            id "HTML tidak dapat dipakai dalam teks laporan ({html})"
                hint "tulis `<` sebagai \"\\\\<\" agar tetap menjadi teks";
        /// A Markdown table.
        MarkupTable = "markup-table"
            en "the text is a Markdown table" hint "write tables as {\"tabel\": ...}"
            id "teks ini tabel Markdown" hint "tulis tabel sebagai {\"tabel\": ...}";
        /// More than one paragraph in one text.
        MarkupParagraphs = "markup-paragraphs"
            en "the text holds more than one paragraph (an empty line)"
                hint "write each paragraph as its own block"
            id "teks ini berisi lebih dari satu paragraf (ada baris kosong)"
                hint "tulis setiap paragraf sebagai bloknya sendiri";
        /// A Markdown code span.
        MarkupCode = "markup-code"
            en "code spans are not supported (`{code}`)" hint "remove the backticks"
            id "potongan kode tidak dapat dipakai (`{code}`)" hint "hapus tanda petik terbaliknya";
        /// A Markdown image.
        MarkupImage = "markup-image"
            en "images are not supported in report text"
            id "gambar tidak dapat dipakai dalam teks laporan";
        /// A Markdown horizontal rule.
        MarkupRule = "markup-rule"
            en "the text is a Markdown horizontal rule (---, ***)"
                hint "escape it as \"\\\\-\\\\-\\\\-\""
            id "teks ini garis mendatar Markdown (---, ***)"
                hint "tulis sebagai \"\\\\-\\\\-\\\\-\"";
        /// Markup lapkin does not support.
        MarkupOther = "markup-other"
            en "markup that lapkin does not support"
                hint "write plain text with *italic*, **bold** and links only"
            id "markah yang tidak didukung lapkin"
                hint "tulis teks biasa dengan *miring*, **tebal**, dan tautan saja";
        /// A character reference that stands for nothing printable.
        CharacterReference = "character-reference"
            en "the character reference {reference} stands for {what}"
                hint "remove it, or write `&` as \"\\\\&\" to keep the text as typed"
            id "rujukan karakter {reference} berarti {what}"
                hint "hapus, atau tulis `&` sebagai \"\\\\&\" agar teks tetap seperti diketik";
        /// A link inside a link.
        LinkInLink = "link-in-link"
            en "a link inside a link" hint "write the two links apart"
            id "ada tautan di dalam tautan" hint "tulis kedua tautan terpisah";
        /// A link that points nowhere.
        LinkNowhere = "link-nowhere"
            en "the link target {url} points nowhere"
                hint "give a full address such as https://..., or write the text without a link"
            id "tujuan tautan {url} tidak menunjuk ke mana pun"
                hint "tulis alamat lengkap seperti https://..., atau tulis teksnya tanpa tautan";
        /// A link to a relative path.
        LinkRelative = "link-relative"
            en "the link target {url} is not a full address (a reader of the PDF cannot follow a \
                relative path or a network share)"
                hint "write the whole address, starting with https://, http:// or mailto:"
            id "tujuan tautan {url} bukan alamat lengkap (pembaca PDF tidak dapat mengikuti \
                alamat relatif atau folder jaringan)"
                hint "tulis alamat lengkapnya, diawali https://, http://, atau mailto:";
        /// A link of another scheme than http, https or mailto.
        LinkScheme = "link-scheme"
            en "the link target {url} is a {scheme}: link"
                hint "links may only be http, https or mailto addresses"
            id "tujuan tautan {url} adalah tautan {scheme}:"
                hint "tautan hanya boleh berupa alamat http, https, atau mailto";
        /// A web link without a host.
        LinkNoHost = "link-no-host"
            en "the link target {url} has no host" hint "write it as {scheme}://host/path"
            id "tujuan tautan {url} tidak memiliki nama host" hint "tulis sebagai {scheme}://host/path";

        // The report's rules.

        /// A part of the report without any block.
        NoBlocks = "no-blocks"
            en "must hold at least one paragraph, list or table"
            id "harus berisi sedikitnya satu paragraf, daftar, atau tabel";
        /// A quarter other than 1 to 4.
        QuarterOutOfRange = "quarter-out-of-range"
            en "expected 1 to 4, found {found}"
            id "seharusnya 1 sampai 4, bukan {found}";
        /// A year outside the years lapkin accepts.
        YearOutOfRange = "year-out-of-range"
            en "expected a year from {min} to {max}, found {found}"
            id "seharusnya tahun {min} sampai {max}, bukan {found}";
        /// Two sasaran with one code.
        DuplicateSasaran = "duplicate-sasaran"
            en "the code {code} is already used by {first}"
                hint "write each sasaran once, with all its indicators"
            id "kode {code} sudah dipakai oleh {first}"
                hint "tulis setiap sasaran sekali saja, bersama semua indikatornya";
        /// Two indicators, or two rincian output, with one code.
        DuplicateCode = "duplicate-code"
            en "the code {code} is already used by {first}"
            id "kode {code} sudah dipakai oleh {first}";
        /// An analysis of an indicator that section A does not have.
        UnknownIndicator = "unknown-indicator"
            en "no indicator {code} in section A (kinerja)" hint "{suggestion}"
            id "tidak ada indikator {code} di bagian A (kinerja)" hint "{suggestion}";
        /// An indicator analysed twice.
        AlreadyAnalysed = "already-analysed"
            en "indicator {code} is already analysed in {first}"
                hint "write one analysis per indicator"
            id "indikator {code} sudah dianalisis di {first}"
                hint "tulis satu analisis untuk setiap indikator";
        /// A line of the closing block too long for a page.
        ClosingTooLong = "closing-too-long"
            en "has {count} characters; the closing block must fit on one page with the \
                signature box, so at most {max} are allowed"
                hint "shorten it"
            id "berisi {count} karakter; bagian penutup harus muat di satu halaman bersama kotak \
                tanda tangan, jadi paling banyak {max} karakter"
                hint "persingkat teksnya";
        /// A legal note of too many items.
        TooManyNotes = "too-many-notes"
            en "has {count} items; the legal note is printed at the foot of every page, so at \
                most {max} are allowed"
            id "berisi {count} butir; catatan dicetak di kaki setiap halaman, jadi paling banyak \
                {max} butir";
        /// A closing date in neither the report's year nor the next.
        DateNotInYear = "date-not-in-year"
            en "the date {date} is not in the report's year {year} or the year after"
                hint "the report is signed after its quarter, so check the year"
            id "tanggal {date} tidak jatuh pada tahun laporan ({year}) atau tahun berikutnya"
                hint "laporan ditandatangani setelah triwulannya berakhir; periksa tahunnya";
        /// The signature tag also occurs in a text.
        TagInText = "tag-in-text"
            en "contains the signature tag {tag}, where BSrE's service would place a signature \
                too"
                hint "remove it here, or choose another tag in tanda_tangan.tag (null for none)"
            id "berisi karakter penanda tanda tangan {tag}; layanan BSrE akan membubuhkan tanda \
                tangan di sini juga"
                hint "hapus karakter itu di sini, atau pilih penanda lain di tanda_tangan.tag \
                      (null jika tanpa penanda)";
        /// The signature tag also occurs in text lapkin prints itself.
        TagInPrintedText = "tag-in-printed-text"
            en "the tag {tag} also occurs {count} time(s) in text lapkin prints, first in \
                {first}; BSrE's service would place a signature there too"
                hint "choose a character such as \"#\", \"$\" or \"~\""
            id "penanda {tag} juga muncul {count} kali dalam teks yang dicetak lapkin, pertama \
                kali di {first}; layanan BSrE akan membubuhkan tanda tangan di sana juga"
                hint "pilih karakter seperti \"#\", \"$\", atau \"~\"";
        /// Two signers with one tag.
        TagOfTwoSigners = "tag-of-two-signers"
            en "the tag {tag} is also another signer's; BSrE's service would place both \
                signatures at the first"
                hint "give each signer a tag of its own"
            id "karakter penanda tanda tangan {tag} juga dipakai penanda tangan lain; layanan BSrE \
                akan membubuhkan kedua tanda tangan di tempat yang pertama"
                hint "beri setiap penanda tangan karakter penandanya sendiri";
        /// A signature tag that is a letter, a digit, a space or invisible.
        TagNotSpecial = "tag-not-special"
            en "expected a special character such as \"#\", \"$\" or \"~\" that the text does \
                not use, found {tag}"
            id "seharusnya karakter khusus seperti \"#\", \"$\", atau \"~\" yang tidak dipakai \
                dalam teks, bukan {tag}";
        /// A signature tag of more or less than one character.
        TagNotOneCharacter = "tag-not-one-character"
            en "expected exactly one character (BSrE's tag_koordinat takes one), found {tag}"
            id "seharusnya tepat satu karakter (tag_koordinat BSrE hanya menerima satu), bukan \
                {tag}";
        /// A font that cannot draw the signature tag.
        TagWithoutGlyph = "tag-without-glyph"
            en "the regular font {font} has no glyph for the tag {tag}, so the tag would not be \
                in the PDF's text and BSrE's service could not find the signature box"
                hint "choose a tag the font has, such as \"#\""
            id "fon biasa {font} tidak memiliki glif untuk penanda {tag}, sehingga penanda itu \
                tidak ada dalam teks PDF dan layanan BSrE tidak dapat menemukan kotak tanda \
                tangan"
                hint "pilih penanda yang dimiliki fon itu, misalnya \"#\"";
        /// A signature field name that is not letters, digits, `_` and `-`.
        BadFieldName = "bad-field-name"
            en "expected a field name of letters, digits, `_` and `-` (no dots, at most 64), \
                such as \"{example}\", found {name}"
            id "seharusnya nama bidang dari huruf, angka, `_`, dan `-` (tanpa titik, paling \
                banyak 64 karakter), misalnya \"{example}\", bukan {name}";
        /// An indicator's value left blank.
        ValueEmpty = "value-empty"
            en "must not be empty" hint "write null for a value that is not available"
            id "tidak boleh kosong" hint "tulis null untuk nilai yang tidak tersedia";
        /// An indicator's value written as a dash.
        ValueDash = "value-dash"
            en "is written \"-\""
                hint "write null for a value that is not available (it is printed as -)"
            id "ditulis \"-\""
                hint "tulis null untuk nilai yang tidak tersedia (nilai itu dicetak sebagai -)";
        /// A number written as text in an indicator's value.
        NumberAsText = "number-as-text"
            en "found the text {text}"
                hint "write numbers as JSON numbers without quotes (3.92), so that they are \
                      printed the Indonesian way (3,92)"
            id "tertulis teks {text}"
                hint "tulis angka sebagai angka JSON tanpa tanda petik (3.92) agar dicetak dengan \
                      cara Indonesia (3,92)";
        /// Lists nested deeper than a page allows.
        ListsTooDeep = "lists-too-deep"
            en "lists nest {depth} levels deep here; at most {max} fit on an A4 page"
            id "daftar bersarang {depth} tingkat di sini; paling banyak {max} tingkat yang muat \
                di halaman A4";
        /// A table row with another number of cells than columns.
        RowWidth = "row-width"
            en "has {cells} cell(s), but the table has {columns} column(s)"
                hint "give each row one cell per column"
            id "berisi {cells} sel, padahal tabel memiliki {columns} kolom"
                hint "isi setiap baris dengan satu sel untuk setiap kolom";
        /// A negative figure.
        Negative = "negative"
            en "must not be negative, found {value}"
            id "tidak boleh negatif, bukan {value}";
        /// Realisasi above the pagu.
        RealisasiOverPagu = "realisasi-over-pagu"
            en "realisasi {realisasi} is more than the pagu {pagu}"
            id "realisasi {realisasi} melebihi pagu {pagu}";
        /// Figures whose remainders or sums exact decimals cannot hold.
        FiguresOutOfRange = "figures-out-of-range"
            en "the {what} are out of the exact range of numbers (about 7.9 × 10^28)"
            id "{what} di luar jangkauan angka yang dapat dihitung dengan tepat (sekitar 7,9 × \
                10^28)";
        /// A stated remainder that is not the computed one.
        WrongRemainder = "wrong-remainder"
            en "states {stated} but {minuend_name} {minuend} - {subtrahend_name} {subtrahend} = \
                {computed}"
                hint "correct it or leave it out: lapkin computes it"
            id "tertulis {stated}, padahal {minuend_name} {minuend} - {subtrahend_name} \
                {subtrahend} = {computed}"
                hint "perbaiki atau hapus saja: lapkin menghitungnya sendiri";
        /// A stated total that is not the sum of the rows.
        WrongTotal = "wrong-total"
            en "states {stated} but the rows add up to {computed}"
                hint "correct it or leave it out: lapkin computes it"
            id "tertulis {stated}, padahal jumlah barisnya {computed}"
                hint "perbaiki atau hapus saja: lapkin menghitungnya sendiri";
        /// A stated remainder below zero where the achievement is beyond the
        /// volume.
        WrongRemainderBeyondVolume = "wrong-remainder-beyond-volume"
            en "states {stated} but {minuend_name} {minuend} - {subtrahend_name} {subtrahend} \
                leaves nothing to do: an achievement beyond the volume has a remainder of \
                {computed}"
                hint "write {computed}, or leave it out: lapkin computes it"
            id "tertulis {stated}, padahal {minuend_name} {minuend} - {subtrahend_name} \
                {subtrahend} tidak menyisakan apa pun: capaian yang melebihi volume bersisa \
                {computed}"
                hint "tulis {computed}, atau hapus saja: lapkin menghitungnya sendiri";
        /// A figure a row with sub-rows states that is not their sum.
        WrongSumOfRows = "wrong-sum-of-rows"
            en "states {stated} but its sub-rows add up to {computed}"
                hint "correct it or leave it out: lapkin computes it from the sub-rows"
            id "tertulis {stated}, padahal jumlah sub-barisnya {computed}"
                hint "perbaiki atau hapus saja: lapkin menjumlahkannya dari sub-baris";
        /// A budget row without sub-rows and without its pagu or realisasi.
        RowFigureMissing = "row-figure-missing"
            en "missing: a row without sub-rows needs its {field}"
                hint "write it as a number (0 if nothing)"
            id "belum diisi: baris tanpa sub-baris memerlukan {field}"
                hint "tulis sebagai angka (0 jika tidak ada)";
        /// Budget rows nested too deep.
        RowsTooDeep = "rows-too-deep"
            en "sub-rows nest {depth} levels deep here; at most {max} levels (program, kegiatan, \
                KRO, RO) are allowed"
            id "sub-baris bersarang {depth} tingkat di sini; paling banyak {max} tingkat \
                (program, kegiatan, KRO, RO)";
        /// Some sub-rows with a spending plan and some without.
        RpdOfSomeRows = "rpd-of-some-rows"
            en "some sub-rows have an rpd and some do not"
                hint "give it to every sub-row or to none"
            id "sebagian sub-baris memiliki rpd dan sebagian tidak"
                hint "isi rpd di setiap sub-baris atau tidak sama sekali";
        /// Budget rows with a volume and rows without one under the
        /// standard columns.
        VolumeOfSomeRows = "volume-of-some-rows"
            en "missing: other rows have a volume, and the standard columns (by rincian output) \
                show it for every row"
                hint "give it, or choose the columns in anggaran.kolom"
            id "belum diisi: baris lain memiliki volume, dan kolom bawaan (per rincian output) \
                menampilkannya di setiap baris"
                hint "isi volumenya, atau pilih kolom sendiri di anggaran.kolom";
        /// A budget table without rows.
        NoRows = "no-rows"
            en "must hold at least one row"
            id "harus berisi sedikitnya satu baris";
        /// Some indicators with their own number and some without.
        IndicatorNumberMissing = "indicator-number-missing"
            en "missing: this indicator has no `no`, but {numbered} of the {all} indicators have \
                their own"
                hint "give it to every indicator, or to none (then rows are counted 1., 2.)"
            id "belum diisi: indikator ini tidak memiliki `no`, padahal {numbered} dari {all} \
                indikator memilikinya"
                hint "isi `no` di setiap indikator, atau tidak sama sekali (baris lalu dinomori \
                      1., 2.)";
        /// An analysis that names no indicator and has no heading of its own.
        AnalysisWithoutIndicator = "analysis-without-indicator"
            en "missing: the code of the indicator analysed"
                hint "give it, or the heading as printed in `judul`"
            id "belum diisi: kode indikator yang dianalisis"
                hint "isi kodenya, atau tulis judul yang dicetak di `judul`";
        /// An analysis with its own parts and the standard ones.
        PartsTwice = "parts-twice"
            en "the analysis has its parts in `bagian` too"
                hint "give the parts either in `bagian` or as progress, kendala and strategi, not \
                      both"
            id "analisis ini juga memiliki bagian di `bagian`"
                hint "tulis bagian-bagiannya di `bagian` atau sebagai progress, kendala, dan \
                      strategi, jangan keduanya";
        /// An analysis without one of the standard parts.
        PartMissing = "part-missing"
            en "missing: an analysis has progress, kendala and strategi, or its own parts in \
                `bagian`"
                hint "give {field}"
            id "belum diisi: analisis memiliki progress, kendala, dan strategi, atau bagian \
                sendiri di `bagian`"
                hint "isi {field}";
        /// A signer's field in the closing block besides several signers.
        SignerFieldHere = "signer-field-here"
            en "with several signers in penanda_tangan, each signer's {field} is given there"
                hint "move it into the signer's entry"
            id "dengan beberapa penanda tangan di penanda_tangan, {field} setiap penanda tangan \
                ditulis di sana"
                hint "pindahkan ke isian penanda tangan itu";
        /// More signers than a page holds.
        TooManySigners = "too-many-signers"
            en "has {count} signers; at most {max} fit on an A4 page"
            id "berisi {count} penanda tangan; paling banyak {max} yang muat di halaman A4";
        /// A signer without a position.
        SignerPositionMissing = "signer-position-missing"
            en "missing: the signer's position"
            id "belum diisi: jabatan penanda tangan";
        /// A signer without a name.
        SignerNameMissing = "signer-name-missing"
            en "missing: the signer's name"
            id "belum diisi: nama penanda tangan";
        /// A NIP's label too long.
        NipLabelTooLong = "nip-label-too-long"
            en "expected a short label such as \"NIP\" or \"NIP.\" (at most {max} characters)"
            id "seharusnya label pendek seperti \"NIP\" atau \"NIP.\" (paling banyak {max} \
                karakter)";
        /// A signer's box of a size outside 10 to 80 mm.
        BoxSizeOutOfRange = "box-size-out-of-range"
            en "expected 10 to 80 (millimetres), found {found}"
            id "seharusnya 10 sampai 80 (milimeter), bukan {found}";
        /// A signer's tag that also occurs in a text.
        SignerTagInText = "signer-tag-in-text"
            en "contains the signature tag {tag} of a signer, where BSrE's service would place a \
                signature too"
                hint "remove it here, or choose another tag in {where}"
            id "berisi karakter penanda tanda tangan {tag} milik seorang penanda tangan; layanan \
                BSrE akan membubuhkan tanda tangan di sini juga"
                hint "hapus karakter itu di sini, atau pilih penanda lain di {where}";
        /// A standard part placed twice among the sections.
        PartPlacedTwice = "part-placed-twice"
            en "{part} is already placed by {first}"
                hint "place each part once"
            id "{part} sudah ditempatkan oleh {first}"
                hint "tempatkan setiap bagian sekali saja";
        /// The closing block given a heading or blocks.
        ClosingBlockContent = "closing-block-content"
            en "the closing block has no heading or blocks of its own"
                hint "put them in a section before it"
            id "bagian penutup tidak memiliki judul atau blok sendiri"
                hint "tulis di bagian sebelumnya";
        /// A section of the unit's own without a heading.
        SectionTitleMissing = "section-title-missing"
            en "missing: a section of your own needs its heading"
                hint "give it in `judul`, or name a standard part in `jenis`"
            id "belum diisi: bagian sendiri memerlukan judul"
                hint "tulis di `judul`, atau sebutkan bagian baku di `jenis`";
        /// A section of the unit's own without blocks.
        SectionEmpty = "section-empty"
            en "a section of your own needs at least one paragraph, list or table"
            id "bagian sendiri harus berisi sedikitnya satu paragraf, daftar, atau tabel";
        /// A standard part with content that the sections do not place.
        PartNotPlaced = "part-not-placed"
            en "is not printed: susunan.bagian does not place it"
                hint "add {\"jenis\": \"{part}\"} where it belongs, or leave it out"
            id "tidak dicetak: susunan.bagian tidak menempatkannya"
                hint "tambahkan {\"jenis\": \"{part}\"} di tempatnya, atau hapus isinya";
        /// An id that a cross-reference could not name.
        BadId = "bad-id"
            en "the id {id} is not one a link can name"
                hint "write 1 to {max} letters, digits, `-`, `_`, `.` or `:`, starting with a \
                      letter or a digit, e.g. \"latar-belakang\""
            id "id {id} tidak dapat dirujuk tautan"
                hint "tulis 1 sampai {max} huruf, angka, `-`, `_`, `.` atau `:`, diawali huruf \
                      atau angka, misalnya \"latar-belakang\"";
        /// Two targets with one id.
        DuplicateId = "duplicate-id"
            en "the id {id} is already used by {first}"
                hint "give every section, subsection, table and figure its own id"
            id "id {id} sudah dipakai oleh {first}"
                hint "beri setiap bagian, subbab, tabel, dan gambar id-nya sendiri";
        /// A cross-reference to an id the report does not have.
        UnknownTarget = "unknown-target"
            en "the link points to {id}, which no section, subsection, table or figure has"
                hint "{suggestion}"
            id "tautan merujuk ke {id}, yang tidak dimiliki bagian, subbab, tabel, atau gambar mana \
                pun"
                hint "{suggestion}";
        /// A cross-reference without text to a target without a number.
        TargetUnnumbered = "target-unnumbered"
            en "the link has no text and {id} has no number to print in its place"
                hint "give the table a `judul` in a whole LKj (with `susunan.awal`), so that it is \
                      numbered, or write the link's text: [Tabel di bawah](#{plain_id})"
            id "tautan tidak bertulisan dan {id} tidak bernomor untuk dicetak di tempatnya"
                hint "beri tabel itu `judul` dalam LKj utuh (dengan `susunan.awal`) agar bernomor, \
                      atau tulis teks tautannya: [Tabel di bawah](#{plain_id})";
        /// Subsections nested too deep.
        SubbabTooDeep = "subbab-too-deep"
            en "subsections nested {depth} deep; at most {max} are allowed"
                hint "make the deepest a sub-heading {\"judul\": …} or a list"
            id "subbab bersarang {depth} tingkat; paling banyak {max} tingkat"
                hint "jadikan yang terdalam subjudul {\"judul\": …} atau daftar";
        /// The intro or its period in a whole LKj whose cover carries the
        /// title.
        NotPrintedWithCover = "not-printed-with-cover"
            en "is not printed: the cover (\"sampul\" in susunan.awal) replaces the title and the intro"
                hint "write the intro as a part of the front matter: {\"judul\": \"Pengantar\", \"isi\": […]}"
            id "tidak dicetak: sampul (\"sampul\" di susunan.awal) menggantikan judul dan pengantar"
                hint "tulis pengantar sebagai bagian dari halaman awal: {\"judul\": \"Pengantar\", \"isi\": […]}";
        /// A section of the appendices that names a standard part.
        AppendixPart = "appendix-part"
            en "an appendix is a section of your own, with `judul` and `isi`"
                hint "place {\"jenis\": \"{part}\"} in susunan.bagian or susunan.awal"
            id "lampiran adalah bagian sendiri, dengan `judul` dan `isi`"
                hint "tempatkan {\"jenis\": \"{part}\"} di susunan.bagian atau susunan.awal";
        /// A list of columns without a column.
        ColumnsEmpty = "columns-empty"
            en "must hold at least one column"
                hint "or leave it out for the standard columns"
            id "harus berisi sedikitnya satu kolom"
                hint "atau hapus saja untuk memakai kolom bawaan";
        /// A percentage's setting on another column of table A.
        OnlyForPercent = "only-for-percent"
            en "only a computed percentage (\"isi\": \"persen\") has `{field}`"
            id "hanya persentase yang dihitung (\"isi\": \"persen\") yang memiliki `{field}`";
        /// `desimal` on a budget column that is not a percentage.
        OnlyForBudgetPercent = "only-for-budget-percent"
            en "only a percentage (rpd_persen, realisasi_persen) has `desimal`"
            id "hanya persentase (rpd_persen, realisasi_persen) yang memiliki `desimal`";
        /// Digits after the comma outside 0 to 6.
        DecimalsOutOfRange = "decimals-out-of-range"
            en "expected 0 to 6, found {found}"
            id "seharusnya 0 sampai 6, bukan {found}";
        /// A placeholder of the page number's wording lapkin does not know.
        PagePlaceholder = "page-placeholder"
            en "unknown placeholder {name}"
                hint "write {halaman} for the page's number and {jumlah} for the number of pages"
            id "penanda tempat {name} tidak dikenal"
                hint "tulis {halaman} untuk nomor halaman dan {jumlah} untuk jumlah halaman";
        /// Lines of text without a line.
        NoLines = "no-lines"
            en "must hold at least one line"
            id "harus berisi sedikitnya satu baris";
        /// A closing date that is neither a day nor a month.
        NotADayOrMonth = "not-a-day-or-month"
            en "expected a date written YYYY-MM-DD, such as \"2024-08-07\", or a month written \
                YYYY-MM, such as \"2020-10\", found {found}"
            id "seharusnya tanggal yang ditulis TTTT-BB-HH, misalnya \"2024-08-07\", atau bulan \
                yang ditulis TTTT-BB, misalnya \"2020-10\", bukan {found}";
        // Fonts.

        /// A file that is not a font lapkin can use.
        FontUnusable = "font-unusable"
            en "not a usable TrueType/OpenType font ({en_detail})"
            id "bukan fon TrueType/OpenType yang dapat dipakai";
        /// A font without a Unicode character map.
        FontNoUnicodeMap = "font-no-unicode-map"
            en "the font has no Unicode character map"
            id "fon ini tidak memiliki peta karakter Unicode";
        /// A font whose every advance is 0.
        FontNoAdvances = "font-no-advances"
            en "its horizontal metrics cannot lay out text: every character's advance is 0, \
                letters would pile up on each other"
            id "ukuran mendatarnya tidak dapat dipakai untuk menata teks: lebar setiap karakter \
                0, huruf-hurufnya akan bertumpuk";
        /// A font without outlines.
        FontNoOutlines = "font-no-outlines"
            en "the font has no TrueType or CFF outlines"
            id "fon ini tidak memiliki kerangka huruf TrueType atau CFF";
        /// A font whose units per em are out of range.
        FontUnitsPerEm = "font-units-per-em"
            en "its units per em are {upem}, outside 16 to 16384: its sizes cannot be computed"
            id "satuan per em-nya {upem}, di luar 16 sampai 16384: ukurannya tidak dapat dihitung";
        /// A font whose vertical metrics cannot lay out lines.
        FontMetrics = "font-metrics"
            en "its vertical metrics cannot lay out text (ascender {ascender}, descender \
                {descender}, line gap {gap}, units per em {upem}): {why}"
            id "ukuran tegaknya tidak dapat dipakai untuk menata teks (ascender {ascender}, \
                descender {descender}, jarak baris {gap}, satuan per em {upem}): {why}";
        /// Files that are not one family of four faces.
        FontFamily = "font-family"
            en "{faces}"
                hint "give the four files of one family (regular, bold, italic, bold italic)"
            id "{faces}"
                hint "berikan empat berkas dari satu keluarga fon (biasa, tebal, miring, tebal \
                      miring)";
        /// Four faces of different families (a warning).
        MixedFamilies = "mixed-families"
            en "the four faces come from different families: {families}"
            id "keempat fon berasal dari keluarga yang berbeda: {families}";
        /// A font that cannot be subset.
        FontSubset = "font-subset"
            en "could not be subset for embedding ({en_detail})"
            id "tidak dapat dipangkas untuk disematkan ke dalam PDF";

        // Figures, charts and the cover (the files a report names).

        /// A file the report names that the caller did not give.
        FileNotGiven = "file-not-given"
            en "the file {file} was not given"
                hint "the lapkin command reads it next to the JSON file; a program gives its bytes \
                      in RenderOptions::files"
            id "berkas {file} tidak diberikan"
                hint "perintah lapkin membacanya di samping berkas JSON; program memberikan isinya \
                      lewat RenderOptions::files";
        /// A file the report names that does not exist.
        FileMissing = "file-missing"
            en "the file {file} does not exist (looked for at {where})"
                hint "the path is relative to the JSON file"
            id "berkas {file} tidak ada (dicari di {where})"
                hint "jalurnya relatif terhadap berkas JSON";
        /// A file the report names that cannot be read.
        FileUnreadable = "file-unreadable"
            en "the file {file} cannot be read: {en_detail}"
            id "berkas {file} tidak dapat dibaca";
        /// A file over the limit.
        FileTooLarge = "file-too-large"
            en "the file {file} is {size} bytes; the limit is {limit} bytes"
                hint "scale the image down: 150 to 300 dpi at its printed size is enough"
            id "berkas {file} berukuran {size} bita; batasnya {limit} bita"
                hint "perkecil gambarnya: 150 sampai 300 dpi pada ukuran cetaknya sudah cukup";
        /// A file that is neither a PNG nor a JPEG.
        NotAnImage = "not-an-image"
            en "the file {file} is not a PNG or JPEG image"
                hint "save it as PNG (drawings, charts, logos) or JPEG (photographs)"
            id "berkas {file} bukan gambar PNG atau JPEG"
                hint "simpan sebagai PNG (bagan, grafik, logo) atau JPEG (foto)";
        /// An image file that cannot be decoded.
        ImageUndecodable = "image-undecodable"
            en "the image {file} cannot be decoded: {en_detail}"
                hint "open it and save it again as PNG or JPEG"
            id "gambar {file} tidak dapat dibaca isinya"
                hint "buka lalu simpan ulang sebagai PNG atau JPEG";
        /// An image of too many pixels.
        ImageTooManyPixels = "image-too-many-pixels"
            en "the image {file} is {width} × {height} pixels; the limit is {limit} pixels"
                hint "scale it down: 150 to 300 dpi at its printed size is enough"
            id "gambar {file} berukuran {width} × {height} piksel; batasnya {limit} piksel"
                hint "perkecil gambarnya: 150 sampai 300 dpi pada ukuran cetaknya sudah cukup";
        /// An image of a kind lapkin does not embed.
        ImageUnsupported = "image-unsupported"
            en "the image {file} is {what}, which lapkin does not embed"
                hint "save it as an RGB or greyscale PNG or JPEG"
            id "gambar {file} berupa {what}, yang tidak dapat disematkan lapkin"
                hint "simpan sebagai PNG atau JPEG RGB atau skala abu-abu";
        /// A figure of a chart that is not a number.
        ChartNotANumber = "chart-not-a-number"
            en "the chart at {chart} needs a number here, found {found}"
                hint "give the figure as a number, or leave the chart out"
            id "grafik di {chart} memerlukan angka di sini, bukan {found}"
                hint "tulis nilainya sebagai angka, atau hapus grafiknya";
        /// A chart with no figures to draw.
        ChartNoData = "chart-no-data"
            en "the chart has nothing to draw: the report has no {what}"
            id "grafik tidak memiliki data: laporan tidak memuat {what}";
        /// A cover (or another generated part) with blocks of its own.
        PartWithoutContent = "part-without-content"
            en "the {part} has no heading or blocks of its own"
                hint "put them in another section"
            id "{part} tidak memiliki judul atau blok sendiri"
                hint "tulis di bagian lain";

        // Layout.

        /// Something taller than a page that cannot be broken.
        TooTall = "too-tall"
            en "{what} does not fit on page {page}: it is {height} pt tall and cannot be broken \
                {where}, but a page holds {capacity} pt"
            id "{what} tidak muat di halaman {page}: tingginya {height} pt dan tidak dapat \
                dipecah {where}, padahal satu halaman hanya memuat {capacity} pt";
        /// A table too wide for the text area.
        TableTooWide = "table-too-wide"
            en "the table does not fit on a page: its {columns} columns need at least {need} pt at \
                {size} pt type (the smallest lapkin uses), with their figures, codes and short \
                values whole and each word at least a syllable wide, but the text area there is \
                {width} pt wide"
                hint "{advice}"
            id "tabel tidak muat di halaman: {columns} kolomnya memerlukan sedikitnya {need} pt \
                pada huruf {size} pt (ukuran terkecil yang dipakai lapkin), dengan angka, kode, \
                dan nilai pendek yang utuh serta setiap kata sedikitnya selebar satu suku kata, \
                padahal lebar bidang teks di sana {width} pt"
                hint "{advice}";
        /// A table whose words break at their syllables to fit its page (a
        /// warning).
        TableWordsBroken = "table-words-broken"
            en "the table's words break at their syllables to fit the page: its {columns} \
                columns need {need} pt to keep every word whole at {size} pt type, but the \
                text area there is {width} pt wide"
                hint "{advice}"
            id "kata-kata dalam tabel dipenggal pada suku katanya agar muat di halaman: \
                {columns} kolomnya memerlukan {need} pt agar setiap kata utuh pada huruf {size} \
                pt, padahal lebar bidang teks di sana {width} pt"
                hint "{advice}";
        /// A signature box wider than the closing block.
        SignatureBoxTooWide = "signature-box-too-wide"
            en "the signature box does not fit: it is {width} pt wide, but the closing block is \
                {block} pt wide"
            id "kotak tanda tangan tidak muat: lebarnya {width} pt, padahal lebar bagian penutup \
                {block} pt";
        /// A legal note that leaves no room for the body.
        NoteTooTall = "note-too-tall"
            en "the body text does not fit on a page: the legal note at the foot of every page \
                is {height} pt tall, and with the margins it leaves {left} pt of the page's \
                {page} pt for the body, less than four lines"
                hint "shorten the note"
            id "isi laporan tidak muat di halaman: catatan di kaki setiap halaman setinggi \
                {height} pt, dan bersama marginnya hanya menyisakan {left} pt dari {page} pt \
                tinggi halaman untuk isi, kurang dari empat baris"
                hint "persingkat catatannya";
        /// A running header taller than the top margin.
        HeaderTooTall = "header-too-tall"
            en "the running header does not fit: its lines need {more} pt more than the top \
                margin of {margin} pt holds"
                hint "shorten it"
            id "kepala halaman tidak muat: baris-barisnya memerlukan {more} pt lebih banyak \
                daripada margin atas setinggi {margin} pt"
                hint "persingkat teksnya";
        /// Margins wider than the page.
        MarginsTooWide = "margins-too-wide"
            en "the left and right margins ({left} and {right} pt) leave no text on a page \
                {width} pt wide"
                hint "make the margins narrower than the page"
            id "margin kiri dan kanan ({left} dan {right} pt) tidak menyisakan tempat untuk teks \
                pada halaman selebar {width} pt"
                hint "buat margin lebih sempit daripada halaman";
        /// Blocks nested too deep to lay out.
        NestedTooDeep = "nested-too-deep"
            en "lists and indents are nested more than {max} deep here"
                hint "nest them at most {max} deep"
            id "daftar dan indentasi bersarang lebih dari {max} tingkat di sini"
                hint "buat paling banyak {max} tingkat";
        /// A table whose rows do not fill its columns.
        RowsDoNotFill = "rows-do-not-fill"
            en "the row's cells cover {covered} of the table's {columns} column(s); text would \
                be lost"
                hint "give each row cells that cover every column once"
            id "sel-sel baris ini menutupi {covered} dari {columns} kolom tabel; ada teks yang \
                akan hilang"
                hint "isi setiap baris dengan sel yang menutupi setiap kolom tepat sekali";

        // The layout given to the PDF writer.

        /// A layout without pages.
        NoPages = "no-pages"
            en "a PDF needs at least one page; found none"
            id "PDF memerlukan sedikitnya satu halaman; tidak ada satu pun";
        /// A page number past the layout's pages.
        NoSuchPage = "no-such-page"
            en "names page {page}, but the layout has {pages} page(s)"
                hint "page numbers start at 1"
            id "menyebut halaman {page}, padahal tata letaknya hanya {pages} halaman"
                hint "nomor halaman dimulai dari 1";
        /// A signature box whose page height is not its page's.
        WrongPageHeight = "wrong-page-height"
            en "is {found}, but page {page} is {height} pt high"
                hint "give its page's height"
            id "bernilai {found}, padahal tinggi halaman {page} adalah {height} pt"
                hint "isi dengan tinggi halamannya";
        /// A structure tree that is not a tree.
        NotATree = "not-a-tree"
            en "{what}"
                hint "make every node the child of one parent, reachable from the root"
            id "{what}"
                hint "jadikan setiap simpul anak dari satu induk yang dapat dicapai dari akarnya";

        // The PDF's options.

        /// A timestamp before 1970.
        TimestampBefore1970 = "timestamp-before-1970"
            en "{seconds} is before 1970-01-01 00:00:00 UTC"
                hint "give the seconds since then"
            id "{seconds} jatuh sebelum 1970-01-01 00:00:00 UTC"
                hint "berikan jumlah detik sejak saat itu";
        /// A timestamp after the last time a PDF can hold.
        TimestampAfter9999 = "timestamp-after-9999"
            en "{seconds} is after 9999-12-31 23:59:59 UTC ({max}), the last time a PDF date can \
                hold"
            id "{seconds} jatuh sesudah 9999-12-31 23:59:59 UTC ({max}), waktu terakhir yang \
                dapat dimuat tanggal PDF";
        /// A signature field asked for without a signature box.
        FieldWithoutBox = "field-without-box"
            en "the field {name} was asked for, but the layout has no signature box \
                (layout.signatures) to put it over"
            id "bidang {name} diminta, padahal tata letaknya tidak memiliki kotak tanda tangan \
                (layout.signatures) untuk menempatkannya";
        /// Two signature boxes with one field name.
        FieldNameTwice = "field-name-twice"
            en "two signature boxes would get a field named {name}"
                hint "give each signer a field name of its own"
            id "dua kotak tanda tangan akan mendapat bidang bernama {name}"
                hint "beri setiap penanda tangan nama bidangnya sendiri";
        /// Attached files in a PDF/A-2b file.
        AttachmentsNeedA3b = "attachments-need-a3b"
            en "PDF/A-2b cannot carry attached files" hint "choose PdfStandard::A3b (or None)"
            id "PDF/A-2b tidak dapat memuat berkas lampiran" hint "pilih PdfStandard::A3b (atau None)";
        /// A name an attached file cannot have.
        BadAttachmentName = "bad-attachment-name"
            en "{name} cannot be an attached file's name"
                hint "give 1 to 127 bytes without `/` or `\\`"
            id "{name} tidak dapat menjadi nama berkas lampiran"
                hint "berikan 1 sampai 127 bita tanpa `/` atau `\\`";
        /// Two attached files of one name.
        DuplicateAttachment = "duplicate-attachment"
            en "{name} is attached twice" hint "give each file its own name"
            id "{name} dilampirkan dua kali" hint "beri setiap berkas namanya sendiri";
        /// A MIME type that is not one.
        BadMimeType = "bad-mime-type"
            en "{mime} is not a MIME type" hint "write type/subtype, such as application/json"
            id "{mime} bukan tipe MIME" hint "tulis tipe/subtipe, misalnya application/json";

        // Reading a PDF back.

        /// A PDF that cannot be read.
        PdfUnreadable = "pdf-unreadable"
            en "{en_detail}"
            id "PDF ini tidak dapat dibaca";
        /// Fonts that are not the files a document was made with.
        FontsDiffer = "fonts-differ"
            en "the document was made with the font family {family}, and the fonts given \
                ({given}) are not its files: {faces} differ (compared by SHA-256)"
                hint "give the family's files with --font"
            id "dokumen ini dibuat dengan keluarga fon {family}, dan fon yang diberikan ({given}) \
                bukan berkas-berkasnya: {faces} berbeda (dibandingkan dengan SHA-256)"
                hint "berikan berkas-berkas keluarga fon itu dengan --font";
        /// A PDF that is not one lapkin can read.
        PdfMalformed = "pdf-malformed"
            en "it is not a PDF that can be read: {en_detail} (at byte {offset})"
            id "ini bukan PDF yang dapat dibaca (pada bita ke-{offset})";
        /// A PDF that readers could read in more than one way.
        PdfAmbiguous = "pdf-ambiguous"
            en "it cannot be read unambiguously: {en_detail}"
            id "PDF ini tidak dapat dibaca secara tunggal: pembaca PDF dapat membacanya dengan \
                cara yang berbeda";
        /// A stream lapkin cannot decode.
        PdfUndecodable = "pdf-undecodable"
            en "{en_what} cannot be decoded: {en_why}"
            id "sebagian isi PDF ini tidak dapat diurai";
        /// A PDF over one of lapkin's limits.
        PdfOverLimit = "pdf-over-limit"
            en "{en_what} exceeds lapkin's limit of {limit}"
            id "PDF ini melampaui batas lapkin ({limit})";
        /// An encrypted PDF.
        PdfEncrypted = "pdf-encrypted"
            en "it is encrypted, which lapkin's PDFs never are"
            id "PDF ini terenkripsi, padahal PDF buatan lapkin tidak pernah terenkripsi";
        /// A later revision that changes the attached files.
        AttachmentChanged = "attachment-changed"
            en "revision {revision} of the PDF (an incremental update after the one lapkin \
                wrote) changes {en_what}"
                hint "lapkin gives only the report as it wrote it, and refuses a file whose later \
                      revisions change it (`lapkin verify` says what else they change)"
            id "revisi ke-{revision} PDF ini (pembaruan bertahap sesudah revisi yang ditulis \
                lapkin) mengubah lampirannya"
                hint "lapkin hanya memberikan laporan seperti yang ditulisnya dan menolak berkas \
                      yang revisi sesudahnya mengubah laporan itu (`lapkin verify` menyebutkan \
                      apa lagi yang diubah)";
        /// A PDF without an attached report.
        NoAttachedReport = "no-attached-report"
            en "the PDF carries no attached report ({file}) in the revision lapkin wrote"
                hint "only a PDF rendered with --attach-source (RenderOptions::attach_source) does"
            id "PDF ini tidak memuat laporan terlampir ({file}) pada revisi yang ditulis lapkin"
                hint "hanya PDF yang dibuat dengan --attach-source (RenderOptions::attach_source) \
                      yang memuatnya";
        /// A PDF with the report but without the record of its options.
        NoRenderRecord = "no-render-record"
            en "the PDF carries the report but not {file}, the record of the options its pages \
                were made with: it cannot be re-made"
            id "PDF ini memuat laporannya, tetapi tidak memuat {file}, catatan opsi yang dipakai \
                untuk membuat halamannya: PDF ini tidak dapat dibuat ulang";
        /// A record of the options that cannot be read.
        BadRenderRecord = "bad-render-record"
            en "the attached {file} cannot be read: {en_detail}"
            id "lampiran {file} tidak dapat dibaca";
        /// A record whose timestamp a PDF date cannot hold.
        RecordTimestamp = "record-timestamp"
            en "the attached {file} gives the timestamp {seconds}, which a PDF date cannot hold"
            id "lampiran {file} memuat stempel waktu {seconds}, yang tidak dapat dimuat tanggal \
                PDF";
        /// A record of a format this lapkin does not know.
        UnknownRecordFormat = "unknown-record-format"
            en "the attached {file} is of format {found}, which this lapkin ({version}) does not \
                know; expected {expected}"
            id "lampiran {file} berformat {found}, yang tidak dikenal lapkin ini ({version}); \
                seharusnya {expected}";

        /// A NIP that is not 18 digits.
        NipLength = "nip-length"
            en "expected 18 digits (date of birth, month of appointment, sex, serial), found \
                {nip}"
            id "seharusnya 18 angka (tanggal lahir, bulan pengangkatan, jenis kelamin, nomor \
                urut), bukan {nip}";
        /// A NIP whose first digits are not a date of birth.
        NipBirthDate = "nip-birth-date"
            en "the first 8 digits of the NIP, {digits}, are not a date of birth (YYYYMMDD)"
            id "8 angka pertama NIP, {digits}, bukan tanggal lahir (TTTTBBHH)";
        /// A NIP with an implausible year of birth.
        NipBirthYear = "nip-birth-year"
            en "the year of birth {year} in the NIP is not plausible"
            id "tahun lahir {year} dalam NIP tidak masuk akal";
        /// A NIP whose digits 9 to 14 are not a month of appointment.
        NipAppointment = "nip-appointment"
            en "digits 9 to 14 of the NIP, {digits}, are not a month of appointment (YYYYMM) \
                after the date of birth {birth}"
            id "angka ke-9 sampai ke-14 NIP, {digits}, bukan bulan pengangkatan (TTTTBB) sesudah \
                tanggal lahir {birth}";
        /// A NIP whose digit 15 is not 1 or 2.
        NipSex = "nip-sex"
            en "digit 15 of the NIP is the sex, 1 or 2; found {digit}"
            id "angka ke-15 NIP adalah jenis kelamin, 1 atau 2, bukan {digit}";
    }
}

impl Kind {
    /// The kind with this stable name.
    ///
    /// ```
    /// use lapkin::problem::Kind;
    ///
    /// assert_eq!(Kind::from_name("nip-length"), Some(Kind::NipLength));
    /// assert_eq!(Kind::NipLength.name(), "nip-length");
    /// ```
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.name() == name)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

catalogue! {
    /// The parts that messages share, in both languages.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(crate) enum Phrase {
        // JSON values, as found.

        /// `null`.
        FoundNull = "found-null"
            en "null"
            id "null";
        /// A boolean.
        FoundBool = "found-bool"
            en "the boolean {value}"
            id "nilai boolean {value}";
        /// A number.
        FoundNumber = "found-number"
            en "the number {value}"
            id "angka {value}";
        /// A string.
        FoundString = "found-string"
            en "the string {value}"
            id "teks {value}";
        /// An array.
        FoundArray = "found-array"
            en "an array of {count} item(s)"
            id "larik berisi {count} butir";
        /// An empty object.
        FoundEmptyObject = "found-empty-object"
            en "an empty object"
            id "objek kosong";
        /// An object and its first keys.
        FoundObject = "found-object"
            en "an object with {keys}"
            id "objek berisi {keys}";

        // JSON types, as expected.

        /// null.
        TypeNull = "type-null"
            en "null (not available)"
            id "null (tidak tersedia)";
        /// A boolean.
        TypeBool = "type-bool"
            en "true or false"
            id "true atau false";
        /// An integer.
        TypeInteger = "type-integer"
            en "a whole number"
            id "bilangan bulat";
        /// A number.
        TypeNumber = "type-number"
            en "a number"
            id "angka";
        /// A string.
        TypeString = "type-string"
            en "a string"
            id "teks";
        /// An array.
        TypeArray = "type-array"
            en "a list ([...])"
            id "larik ([...])";
        /// An object.
        TypeObject = "type-object"
            en "an object ({...})"
            id "objek ({...})";
        /// A block: a paragraph, a list or a table.
        TypeBlock = "type-block"
            en "a paragraph (a string), {\"daftar\": ...}, {\"tabel\": ...} or {\"judul\": ...}"
            id "paragraf (teks), {\"daftar\": ...}, {\"tabel\": ...}, atau {\"judul\": ...}";
        /// A list item.
        TypeItem = "type-item"
            en "an item's text (a string) or {\"teks\": ..., \"isi\": [...]}"
            id "teks butir (teks) atau {\"teks\": ..., \"isi\": [...]}";

        // Expected ranges and counts.

        /// At least a number.
        AtLeast = "at-least"
            en "at least {limit}"
            id "sedikitnya {limit}";
        /// At most a number.
        AtMost = "at-most"
            en "at most {limit}"
            id "paling banyak {limit}";
        /// More than a number.
        MoreThan = "more-than"
            en "more than {limit}"
            id "lebih dari {limit}";
        /// Less than a number.
        LessThan = "less-than"
            en "less than {limit}"
            id "kurang dari {limit}";
        /// At least a number of items.
        AtLeastItems = "at-least-items"
            en "at least {limit} item(s)"
            id "sedikitnya {limit} butir";
        /// At most a number of items.
        AtMostItems = "at-most-items"
            en "at most {limit} item(s)"
            id "paling banyak {limit} butir";
        /// At least a number of characters.
        AtLeastCharacters = "at-least-characters"
            en "at least {limit} character(s)"
            id "sedikitnya {limit} karakter";

        // Suggestions.

        /// The nearest known name.
        DidYouMean = "did-you-mean"
            en "did you mean {name}?"
            id "mungkin maksudnya {name}?";
        /// The nearest id of a cross-reference's target.
        DidYouMeanId = "did-you-mean-id"
            en "did you mean {name}? The ids are {known}"
            id "mungkin maksudnya {name}? Id yang ada: {known}";
        /// The ids of the report, none near.
        IdsAre = "ids-are"
            en "the ids are {known}"
            id "id yang ada: {known}";
        /// The report has no ids.
        NoIds = "no-ids"
            en "no section, subsection, table or figure has an `id`; give the target one"
            id "belum ada bagian, subbab, tabel, atau gambar yang memiliki `id`; beri sasaran \
                tautan itu id";
        /// The nearest field name.
        DidYouMeanField = "did-you-mean-field"
            en "did you mean `{name}`?"
            id "mungkin maksudnya `{name}`?";
        /// The known fields.
        KnownFields = "known-fields"
            en "the known fields here are {known}"
            id "isian yang dikenal di sini: {known}";
        /// The nearest block key.
        DidYouMeanTag = "did-you-mean-tag"
            en "for `{key}`, did you mean `{tag}`?"
            id "untuk `{key}`, mungkin maksudnya `{tag}`?";
        /// The nearest indicator, and the indicators.
        DidYouMeanIndicator = "did-you-mean-indicator"
            en "did you mean {name}? The indicators are {known}"
            id "mungkin maksudnya {name}? Indikator yang ada: {known}";
        /// The indicators.
        IndicatorsAre = "indicators-are"
            en "the indicators are {known}"
            id "indikator yang ada: {known}";
        /// No indicator of section A has a code to refer to.
        NoIndicatorCodes = "no-indicator-codes"
            en "no indicator of section A has a code; leave `indikator` out and give the analysis its heading in `judul`"
            id "tidak ada indikator di bagian A yang berkode; hapus isian `indikator` dan tuliskan judul analisis ini di `judul`";

        // Duplicate keys.

        /// Two times.
        Twice = "twice"
            en "twice"
            id "dua kali";
        /// More times.
        Times = "times"
            en "{count} times"
            id "{count} kali";
        /// On one line.
        OnLine = "on-line"
            en "line {line}"
            id "baris {line}";
        /// On several lines.
        OnLines = "on-lines"
            en "lines {lines}"
            id "baris {lines}";

        // Dates.

        /// A month that does not exist.
        NoMonth = "no-month"
            en "there is no month {month}"
            id "tidak ada bulan {month}";
        /// A day that its month does not have.
        DaysInMonth = "days-in-month"
            en "{month} {year} has {days} days"
            id "{month} {year} hanya memiliki {days} hari";

        // Character references.

        /// A reference to no character.
        NoPrintableCharacter = "no-printable-character"
            en "no character that can be printed"
            id "karakter yang tidak dapat dicetak";
        /// A reference to a control character.
        ControlCharacterCode = "control-character-code"
            en "U+{code}, a control character that cannot be printed"
            id "U+{code}, karakter kendali yang tidak dapat dicetak";

        // Fonts and glyphs.

        /// The regular face.
        FaceRegular = "face-regular"
            en "regular"
            id "biasa";
        /// The bold face.
        FaceBold = "face-bold"
            en "bold"
            id "tebal";
        /// The italic face.
        FaceItalic = "face-italic"
            en "italic"
            id "miring";
        /// The bold italic face.
        FaceBoldItalic = "face-bold-italic"
            en "bold italic"
            id "tebal miring";
        /// More characters than are named.
        AndMore = "and-more"
            en "and {count} more"
            id "dan {count} lainnya";
        /// Where a missing character is used: a text.
        UsedIn = "used-in"
            en "in {context}"
            id "dalam {context}";
        /// Where a missing character is used: the standard legal note.
        UsedInStandardNote = "used-in-standard-note"
            en "in the standard legal note (give your own in `catatan`), in {context}"
            id "dalam catatan baku (tulis catatan sendiri di `catatan`), dalam {context}";

        // Fonts.

        /// No face of a role.
        NoFace = "no-face"
            en "no {face} face"
            id "tidak ada fon {face}";
        /// Several faces of a role.
        SeveralFaces = "several-faces"
            en "{count} {face} faces ({names})"
            id "{count} fon {face} ({names})";
        /// A face and its family.
        FaceFamily = "face-family"
            en "{face} {family}"
            id "{face} {family}";
        /// The ascender at or below the baseline.
        AscenderBelowBaseline = "ascender-below-baseline"
            en "the ascender must be above the baseline"
            id "ascender harus berada di atas garis dasar";
        /// The descender above the baseline.
        DescenderAboveBaseline = "descender-above-baseline"
            en "the descender must not be above the baseline"
            id "descender tidak boleh berada di atas garis dasar";
        /// A line less than half an em high.
        LineTooShort = "line-too-short"
            en "the line is less than half an em high, lines would overlap"
            id "tinggi baris kurang dari setengah em, baris-baris akan bertumpuk";
        /// A line more than five ems high.
        LineTooTall = "line-too-tall"
            en "the line is more than five ems high"
            id "tinggi baris lebih dari lima em";

        // What does not fit on a page.

        /// The title.
        ChunkTitle = "chunk-title"
            en "the title"
            id "judul laporan";
        /// A line of a paragraph.
        ChunkLine = "chunk-line"
            en "a line of text"
            id "sebaris teks";
        /// A heading.
        ChunkHeading = "chunk-heading"
            en "a heading"
            id "sebuah judul bagian";
        /// The closing block.
        ChunkClosing = "chunk-closing"
            en "the closing block"
            id "bagian penutup";
        /// A table's header.
        ChunkTableHeader = "chunk-table-header"
            en "the header of the table"
            id "kepala tabel";
        /// A table's row.
        ChunkTableRow = "chunk-table-row"
            en "a row of the table"
            id "sebaris tabel";
        /// A table's caption.
        ChunkCaption = "chunk-caption"
            en "a table caption"
            id "keterangan tabel";
        /// A figure (an image or a chart).
        ChunkFigure = "chunk-figure"
            en "a figure"
            id "sebuah gambar";
        /// The cover page.
        ChunkCover = "chunk-cover"
            en "the cover"
            id "sampul";
        /// What to do with a table too wide for its page.
        TableSplitIt = "table-split-it"
            en "split the table, or shorten its headers, words or figures"
            id "pecah tabel itu, atau persingkat judul kolom, kata, atau angkanya";
        /// What to do with a table too wide for a portrait page that a
        /// landscape one holds.
        TableTurnIt = "table-turn-it"
            en "set it on landscape pages with `\"mendatar\": true` (in the table, or in its \
                section of `susunan.bagian`), where it has {width} pt; or split the table, or \
                shorten its headers, words or figures"
            id "letakkan di halaman mendatar dengan `\"mendatar\": true` (pada tabelnya, atau \
                pada bagiannya di `susunan.bagian`), yang memberinya {width} pt; atau pecah \
                tabel itu, atau persingkat judul kolom, kata, atau angkanya";
        /// Cannot be broken at all.
        AtAll = "at-all"
            en "at all"
            id "sama sekali";
        /// Cannot be broken within its first part.
        WithinFirst = "within-first"
            en "within its first {height} pt"
            id "dalam {height} pt pertamanya";

        // Ranges of numbers a style or a layout may hold.

        /// From a number to another.
        FromTo = "from-to"
            en "from {min} to {max}{unit}"
            id "{min} sampai {max}{unit}";
        /// More than a number, up to another.
        AboveTo = "above-to"
            en "more than {min} to {max}{unit}"
            id "lebih dari {min} sampai {max}{unit}";
        /// A length.
        Length = "length"
            en "a length {range}"
            id "panjang {range}";
        /// A coordinate.
        Coordinate = "coordinate"
            en "a finite coordinate from -{max} to {max} pt"
            id "koordinat terhingga dari -{max} sampai {max} pt";
        /// A page side.
        PageSide = "page-side"
            en "a page side from {min} to {max} pt (ISO 32000-1, Annex C)"
            id "sisi halaman {min} sampai {max} pt (ISO 32000-1, Lampiran C)";
        /// A font size.
        FontSize = "font-size"
            en "a font size more than 0 and at most {max} pt"
            id "ukuran huruf lebih dari 0 dan paling besar {max} pt";
        /// A grey level.
        GreyLevel = "grey-level"
            en "a grey level from 0 (black) to 1 (white)"
            id "tingkat abu-abu dari 0 (hitam) sampai 1 (putih)";
        /// A page label's run starting no later than the one before.
        PageAfterRun = "page-after-run"
            en "a page after {page}, where the run before starts"
            id "halaman sesudah {page}, awal rentang sebelumnya";
        /// A year a PDF date can hold.
        PdfYear = "pdf-year"
            en "a year from 1 to 9999 (a PDF date has four digits)"
            id "tahun 1 sampai 9999 (tanggal PDF memuat empat angka tahun)";
        /// Points.
        UnitPt = "unit-pt"
            en " pt"
            id " pt";
        /// Line heights.
        UnitLineHeights = "unit-line-heights"
            en " times the font's line height"
            id " kali tinggi baris fon";
        /// TeX's badness.
        UnitBadness = "unit-badness"
            en " (TeX's badness)"
            id " (nilai badness TeX)";
        /// Widths of a space.
        UnitSpaceWidths = "unit-space-widths"
            en " times the space's width"
            id " kali lebar spasi";
        /// A grey level's ends.
        UnitGrey = "unit-grey"
            en " (0 black, 1 white)"
            id " (0 hitam, 1 putih)";

        // Structure trees.

        /// A node whose parent does not list it.
        NotAChild = "not-a-child"
            en "node {node} names {parent} as its parent, which does not list it among its \
                children"
            id "simpul {node} menyebut {parent} sebagai induknya, padahal induk itu tidak \
                mencantumkannya sebagai anak";
        /// A node listed by two parents, or twice.
        TwoParents = "two-parents"
            en "node {node} is listed as a child more than once"
            id "simpul {node} dicantumkan sebagai anak lebih dari sekali";
        /// A node not reachable from the root.
        Unreachable = "unreachable"
            en "node {node} cannot be reached from the root (a cycle, or a parent that is not \
                in the tree)"
            id "simpul {node} tidak dapat dicapai dari akar (ada lingkaran, atau induknya tidak \
                ada di pohon)";
        /// The root with a parent.
        RootHasParent = "root-has-parent"
            en "the root (node 0) names node {parent} as its parent"
            id "akar (simpul 0) menyebut simpul {parent} sebagai induknya";
        /// A second node without a parent.
        SecondRoot = "second-root"
            en "node {node} has no parent, but only the root (node 0) may have none"
            id "simpul {node} tidak memiliki induk, padahal hanya akar (simpul 0) yang boleh \
                tanpa induk";
        /// A child that does not exist.
        NoSuchChild = "no-such-child"
            en "node {node} lists node {child} among its children, which the structure does \
                not have"
            id "simpul {node} mencantumkan simpul {child} sebagai anak, padahal simpul itu \
                tidak ada dalam struktur";
        /// An item tagged with a node that does not exist.
        NoSuchNode = "no-such-node"
            en "the item is tagged with node {node}, which the structure does not have"
            id "butir ini ditandai dengan simpul {node}, yang tidak ada dalam struktur";

        /// All the faces.
        TheFaces = "the-faces"
            en "the faces"
            id "fon-fonnya";

        // Figures.

        /// The remainders of a row of section C.
        Remainders = "remainders"
            en "remainders"
            id "sisanya";
        /// The sums of section C.
        Sums = "sums"
            en "sums"
            id "jumlahnya";
    }
}

#[cfg(test)]
mod tests {
    use super::super::message::placeholders;
    use super::*;

    /// The placeholders of a template, without the English-only ones.
    fn shared(template: &str) -> Vec<&str> {
        let mut names: Vec<&str> = placeholders(template)
            .into_iter()
            .filter(|n| !n.starts_with("en_"))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// A message's and a hint's templates.
    type Templates = (&'static str, Option<&'static str>);

    /// Each entry's texts, in both languages, for the checks below.
    fn entries() -> Vec<(&'static str, [Templates; 2])> {
        let kinds = Kind::ALL
            .iter()
            .map(|k| (k.name(), Lang::ALL.map(|l| k.template(l))));
        let phrases = Phrase::ALL
            .iter()
            .map(|p| (p.name(), Lang::ALL.map(|l| p.template(l))));
        kinds.chain(phrases).collect()
    }

    /// Every entry has both languages: the same values in each (but the
    /// English-only ones), a hint in both or in neither, and Indonesian
    /// text that is not the English copied (unless it is only values and
    /// signs, or a word both languages share).
    #[test]
    fn both_catalogues_are_complete() {
        let same_in_both = ["found-null", "unit-pt"];
        for (name, [(en, en_hint), (id, id_hint)]) in entries() {
            assert!(!en.is_empty() && !id.is_empty(), "{name}: an empty message");
            assert_eq!(
                shared(en),
                shared(id),
                "{name}: the messages name other values"
            );
            match (en_hint, id_hint) {
                (Some(en), Some(id)) => {
                    assert_eq!(
                        shared(en),
                        shared(id),
                        "{name}: the hints name other values"
                    );
                    assert!(
                        en != id || en.starts_with('{'),
                        "{name}: the hint is not translated"
                    );
                }
                (None, None) => {}
                _ => panic!("{name}: a hint in one language only"),
            }
            let only_values = en
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .all(|w| placeholders(en).contains(&w) || w.len() == 1);
            assert!(
                en != id || only_values || same_in_both.contains(&name),
                "{name}: the message is not translated: {en:?}"
            );
        }
    }

    /// Names are stable and unique, written in kebab case.
    #[test]
    fn names_are_unique_and_kebab_case() {
        let mut names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        names.extend(Phrase::ALL.iter().map(|p| p.name()));
        for n in &names {
            assert!(
                n.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{n}"
            );
        }
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "a name is used twice");
    }
}
