//! `--help` and clap's own errors in the language of the run.
//!
//! The English help is clap's, from the doc comments of [`crate::args`].
//! For Indonesian, [`command`] gives every command, argument, value name
//! and heading its Indonesian words from [`ID_COMMANDS`] and [`ID_ARGS`]
//! (a test checks that every command and argument has them), and
//! [`error_text`] says clap's usage errors in Indonesian.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory};

use crate::args::Cli;
use crate::failure::exit_codes;
use crate::lang::Lang;

/// The command line of `lapkin`, its help and words in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command()
        .after_help(exit_codes(lang))
        .disable_help_subcommand(true)
        .subcommand(help_command(lang));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |sub| sub.after_help(exit_codes(lang)));
    }
    match lang {
        Lang::En => cmd,
        Lang::Id => indonesian(cmd, "lapkin"),
    }
}

/// `lapkin help [COMMAND]`: the help of `lapkin` or of one command.
fn help_command(lang: Lang) -> Command {
    let (about, arg) = match lang {
        Lang::En => (
            "Print this message or the help of the given command",
            "The command to explain",
        ),
        Lang::Id => (
            "Tampilkan pesan ini atau bantuan perintah yang disebut",
            "Perintah yang ingin dijelaskan",
        ),
    };
    Command::new("help").about(about).arg(
        Arg::new("command")
            .value_name(if lang == Lang::Id {
                "PERINTAH"
            } else {
                "COMMAND"
            })
            .help(arg),
    )
}

/// The Indonesian words of the commands: name, about, long about, usage.
pub const ID_COMMANDS: &[(&str, &str, &str)] = &[
    (
        "lapkin",
        "Menata Laporan Kinerja Triwulan dari JSON menjadi PDF A4 resmi yang siap ditandatangani \
         secara elektronik",
        "lapkin [OPSI] <PERINTAH>",
    ),
    (
        "check",
        "Memeriksa laporan dan menyebutkan setiap masalahnya beserta jalur JSON-nya. Laporan \
         dibuat di memori dengan opsi yang sama seperti `render` lalu PDF-nya dibuang, sehingga \
         laporan yang lolos `check` pasti dapat dibuat",
        "lapkin check [OPSI] <MASUKAN>",
    ),
    (
        "render",
        "Membuat PDF resmi dari laporan",
        "lapkin render [OPSI] <MASUKAN>",
    ),
    (
        "schema",
        "Mencetak JSON Schema masukan, untuk pelengkapan dan pemeriksaan di penyunting teks",
        "lapkin schema [OPSI]",
    ),
    (
        "extract",
        "Menulis laporan yang terlampir pada PDF yang dibuat dengan --attach-source \
         (laporan-kinerja.json) seperti yang ditulis lapkin, juga dari berkas yang sudah \
         ditandatangani; berkas yang revisi sesudahnya mengubah lampiran ditolak (kode keluar 1) \
         dengan menyebut revisinya",
        "lapkin extract [OPSI] <MASUKAN>",
    ),
    (
        "verify",
        "Memeriksa bahwa PDF yang dibuat dengan --attach-source persis hasil lapkin dari laporan \
         yang terlampir padanya: laporan dibuat ulang dengan opsi yang tercatat lalu dibandingkan \
         dengan dokumen yang ditulis lapkin, kemudian setiap revisi yang ditambahkan sesudahnya \
         diperiksa hanya menambahkan apa yang ditambahkan tanda tangan. Kode keluar 0 bila \
         demikian, 1 dengan menyebut perbedaan atau perubahan pertama, 3 bila fon yang dipakai \
         membuatnya tidak tersedia",
        "lapkin verify [OPSI] <MASUKAN>",
    ),
    (
        "help",
        "Tampilkan pesan ini atau bantuan perintah yang disebut",
        "lapkin help [PERINTAH]",
    ),
];

/// The Indonesian words of the arguments: command, argument, value name,
/// help.
pub const ID_ARGS: &[(&str, &str, &str, &str)] = &[
    (
        "*",
        "lang",
        "BAHASA",
        "Bahasa pesan dan bantuan: `en` (Inggris) atau `id` (Indonesia) [bawaan: menurut \
         LC_ALL, LC_MESSAGES, atau LANG; bahasa Indonesia bila diawali `id`]",
    ),
    (
        "check,render",
        "input",
        "MASUKAN",
        "Berkas JSON laporan, atau `-` untuk masukan standar. Gambar yang disebut laporan dibaca \
         relatif terhadap berkas itu (terhadap folder kerja untuk masukan standar)",
    ),
    (
        "extract,verify",
        "input",
        "MASUKAN",
        "Berkas PDF, atau `-` untuk masukan standar",
    ),
    (
        "check,render",
        "fonts",
        "BERKAS|FOLDER|PERAN=BERKAS",
        "Keluarga fon pengganti Liberation Sans bawaan: keempat berkas TrueType/OpenType-nya, \
         dikenali dari keterangan fon itu sendiri, atau folder yang memuatnya; atau setiap fon \
         menurut perannya: `--font regular=BERKAS --font bold=BERKAS --font italic=BERKAS \
         --font bold-italic=BERKAS` (untuk keluarga yang fonnya tidak menyebut perannya, \
         seperti Light/Demi). Ulangi untuk setiap berkas",
    ),
    (
        "verify",
        "fonts",
        "BERKAS|FOLDER|PERAN=BERKAS",
        "Keluarga fon yang dipakai membuat dokumen, bila bukan Liberation Sans bawaan: seperti \
         pada render (berkas, folder, atau PERAN=BERKAS empat kali). Berkas-berkasnya harus \
         sama dengan yang tercatat",
    ),
    (
        "check,render",
        "signature_field",
        "NAMA",
        "Tambahkan bidang tanda tangan kosong di atas kotak tanda tangan, untuk penanda tangan \
         PAdES seperti pyHanko atau Adobe; `--signature-field=NAMA` memberinya nama [NAMA \
         bawaan: ttd_kepala]",
    ),
    (
        "check,render",
        "pdf_standard",
        "STANDAR",
        "Standar yang diikuti PDF: `a2b`, PDF/A-2b (metadata XMP dan profil warna sRGB, sekitar \
         2 KB), `a3b`, PDF/A-3b (yang dibuat --attach-source dari `a2b`), atau `none`, PDF 1.7 \
         biasa [bawaan: a2b]",
    ),
    (
        "check,render",
        "attach_source",
        "",
        "Lampirkan laporan pada PDF (sebagai laporan-kinerja.json, JSON kanoniknya, bersama \
         lapkin-render.json, opsi yang membentuk halamannya, dan gambar yang disebut laporan) \
         sehingga menjadi berkas PDF/A-3b \
         yang laporannya dapat diambil kembali dengan `lapkin extract` dan halamannya dibuktikan \
         dengan `lapkin verify`",
    ),
    (
        "check,render",
        "max_input_size",
        "BITA",
        "Ukuran masukan terbesar yang diterima, dalam bita; K, M, dan G (atau KiB, MiB, GiB) \
         berarti kali 1024, 1024² dan 1024³. Bawaannya 32M, sekitar 800 kali laporan rujukan; \
         masukan yang melebihinya ditolak dengan ukuran sebenarnya sebelum dibaca",
    ),
    (
        "extract,verify",
        "max_input_size",
        "BITA",
        "Ukuran laporan terlampir terbesar yang diterima, dalam bita (akhiran K, M, G) [bawaan: \
         32M, seperti masukan render]; berkas PDF-nya boleh empat kali lebih besar. PDF yang \
         bukan berkas biasa (FIFO, perangkat) ditolak kecuali datang dari masukan standar (`-`)",
    ),
    (
        "check,render",
        "message_format",
        "FORMAT",
        "Cara masalah dilaporkan: `human`, teks pada galat standar, atau `json`, satu objek JSON \
         per masalah per baris (jalurnya sebagai larik kunci dan indeks, `kind`, `message`, \
         `hint`) pada keluaran standar, atau pada galat standar bila PDF-nya ditulis ke keluaran \
         standar [bawaan: human]",
    ),
    (
        "render",
        "output",
        "KELUARAN",
        "Tempat menulis PDF, atau `-` untuk keluaran standar [bawaan: MASUKAN dengan akhiran \
         .pdf; keluaran standar bila MASUKAN `-`]. Berkas ditulis dengan nama sementara di \
         sebelahnya lalu diganti namanya, sehingga kegagalan tidak pernah meninggalkan berkas \
         setengah jadi atau merusak berkas yang ada. Tautan simbolik diikuti: sasarannya yang \
         ditimpa. Masukan itu sendiri, folder, perangkat, FIFO atau soket, dan berkas hanya-baca \
         ditolak",
    ),
    (
        "render",
        "signature_box",
        "BERKAS",
        "Tulis juga letak tanda tangan ke BERKAS (`-` untuk keluaran standar), sebagai JSON: \
         halaman, penanda, kotak untuk API BSrE v1 (xAxis, yAxis dari kiri bawah) dan v2 \
         (originX, originY dari kiri atas), serta persegi PDF-nya, semuanya dalam poin. Ditulis \
         seperti PDF-nya, dan diganti namanya sesudah PDF",
    ),
    (
        "extract",
        "output",
        "KELUARAN",
        "Tempat menulis JSON, atau `-` untuk keluaran standar [bawaan: keluaran standar]. \
         Ditulis dengan nama sementara lalu diganti namanya, seperti keluaran render",
    ),
    (
        "help",
        "command",
        "PERINTAH",
        "Perintah yang ingin dijelaskan",
    ),
];

/// The Indonesian words of one command, and of its arguments and
/// commands. `name` is its name (`lapkin` for the root).
fn indonesian(cmd: Command, name: &str) -> Command {
    let (about, usage) = ID_COMMANDS
        .iter()
        .find(|(n, ..)| *n == name)
        .map(|(_, about, usage)| (*about, *usage))
        .unwrap_or_default();
    let mut cmd = cmd
        .about(about)
        .long_about(None)
        .override_usage(usage)
        .help_template(
            "{before-help}{about-with-newline}\nPenggunaan: {usage}\n\n{all-args}{after-help}",
        )
        .subcommand_help_heading("Perintah")
        .subcommand_value_name("PERINTAH")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Tampilkan bantuan")
                .help_heading("Opsi"),
        );
    if name == "lapkin" {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Tampilkan versi")
                .help_heading("Opsi"),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |arg| indonesian_arg(arg, name));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |c| indonesian(c, &sub));
    }
    cmd
}

/// The Indonesian words of an argument of the command `command`.
fn indonesian_arg(arg: Arg, command: &str) -> Arg {
    let id = arg.get_id().to_string();
    let heading = if arg.is_positional() {
        "Argumen"
    } else {
        "Opsi"
    };
    let Some((_, _, value, help)) = ID_ARGS.iter().find(|(commands, a, ..)| {
        *a == id && (*commands == "*" || commands.split(',').any(|c| c == command))
    }) else {
        return arg.help_heading(heading);
    };
    let arg = arg.help(*help).long_help(None).help_heading(heading);
    if !arg.get_action().takes_values() {
        return arg;
    }
    // The defaults and the possible values are in the Indonesian help.
    let arg = arg.hide_default_value(true).hide_possible_values(true);
    if value.is_empty() {
        arg
    } else {
        arg.value_name(*value)
    }
}

/// clap's error in `lang`: its own words in English; in Indonesian, what
/// is wrong, the usage, and where to learn more.
pub fn error_text(e: &clap::Error, lang: Lang) -> String {
    if lang == Lang::En {
        return e.render().to_string();
    }
    let get = |kind: ContextKind| -> Option<String> {
        match e.get(kind)? {
            ContextValue::String(s) => Some(s.clone()),
            ContextValue::Strings(list) => Some(list.join(", ")),
            ContextValue::StyledStr(s) => Some(s.to_string()),
            ContextValue::StyledStrs(list) => Some(
                list.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ContextValue::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let mut out = format!("galat: {}", error_words(e, &arg, &value, &get));
    if let Some(ContextValue::Strings(names)) = e.get(ContextKind::SuggestedSubcommand) {
        let names: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        out.push_str(&format!(
            "\n\n  saran: mungkin maksudnya perintah {}",
            names.join(" atau ")
        ));
    }
    if let Some(suggested) = get(ContextKind::SuggestedArg) {
        out.push_str(&format!("\n\n  saran: mungkin maksudnya '{suggested}'"));
    }
    if let Some(valid) = get(ContextKind::ValidValue) {
        out.push_str(&format!("\n  [nilai yang mungkin: {valid}]"));
    }
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage.trim_start_matches("Usage:").trim();
        out.push_str(&format!("\n\nPenggunaan: {usage}"));
    }
    out.push_str("\n\nUntuk informasi lebih lanjut, coba '--help'.\n");
    out
}

/// What a clap error says, in Indonesian.
fn error_words(
    e: &clap::Error,
    arg: &str,
    value: &str,
    get: &dyn Fn(ContextKind) -> Option<String>,
) -> String {
    match e.kind() {
        ErrorKind::InvalidValue => format!("nilai '{value}' tidak sah untuk '{arg}'"),
        ErrorKind::UnknownArgument => format!("argumen '{arg}' tidak dikenal"),
        ErrorKind::InvalidSubcommand => format!(
            "perintah '{}' tidak dikenal",
            get(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::NoEquals => {
            format!("'{arg}' memerlukan tanda sama dengan, misalnya {arg}=NILAI")
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| format!(": {s}"))
                .unwrap_or_default();
            format!("nilai '{value}' tidak sah untuk '{arg}'{why}")
        }
        ErrorKind::TooManyValues => format!("nilai '{value}' untuk '{arg}' tidak diharapkan"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("jumlah nilai untuk '{arg}' tidak sesuai")
        }
        ErrorKind::ArgumentConflict => format!(
            "argumen '{arg}' tidak dapat dipakai bersama '{}'",
            get(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => format!(
            "argumen wajib berikut belum diberikan: {}",
            get(ContextKind::InvalidArg).unwrap_or_default()
        ),
        ErrorKind::MissingSubcommand => "perintah belum diberikan".to_owned(),
        ErrorKind::InvalidUtf8 => "argumen berisi teks yang bukan UTF-8".to_owned(),
        _ => "argumen tidak sah".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument has its Indonesian words (a new one
    /// without them fails here).
    #[test]
    fn every_command_and_argument_has_indonesian_words() {
        fn walk(cmd: &Command, name: &str, missing: &mut Vec<String>) {
            if !ID_COMMANDS.iter().any(|(n, ..)| *n == name) {
                missing.push(format!("command {name}"));
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                let known = ["help", "version"].contains(&id)
                    || ID_ARGS.iter().any(|(commands, a, ..)| {
                        *a == id && (*commands == "*" || commands.split(',').any(|c| c == name))
                    });
                if !known {
                    missing.push(format!("{name} {id}"));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, sub.get_name(), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&command(Lang::En), "lapkin", &mut missing);
        assert!(missing.is_empty(), "no Indonesian words for: {missing:?}");
    }

    #[test]
    fn the_indonesian_help_is_indonesian() {
        let mut cmd = command(Lang::Id);
        let help = cmd.render_long_help().to_string();
        for words in [
            "Penggunaan: lapkin [OPSI] <PERINTAH>",
            "Perintah:",
            "Opsi:",
            "Kode keluar:",
        ] {
            assert!(help.contains(words), "{words}: {help}");
        }
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Print help",
            "Exit codes",
        ] {
            assert!(!help.contains(english), "{english}: {help}");
        }
        let mut check = command(Lang::Id).find_subcommand("check").unwrap().clone();
        let help = check.render_long_help().to_string();
        assert!(help.contains("Argumen:"), "{help}");
        assert!(help.contains("<MASUKAN>"), "{help}");
        assert!(!help.contains("[default"), "{help}");
    }
}
