//! Numbers and dates the Indonesian way: `1.234.567,89`, `07 Agustus 2024`.
//!
//! Every figure lapkin prints goes through this module, so the convention
//! lives in one place.

use rust_decimal::Decimal;

/// The Indonesian month names, January first.
pub(crate) const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// A number with `.` between thousands and `,` before the decimals, keeping
/// the decimals as written: `8069025000` → `8.069.025.000`, `0.50` → `0,50`,
/// `-1234.5` → `-1.234,5`.
///
/// ```
/// use lapkin::Decimal;
/// use lapkin::format::angka;
///
/// assert_eq!(angka(&Decimal::new(8_069_025_000, 0)), "8.069.025.000");
/// assert_eq!(angka(&Decimal::new(9115, 2)), "91,15");
/// assert_eq!(angka(&Decimal::new(-12345, 1)), "-1.234,5");
/// ```
pub fn angka(d: &Decimal) -> String {
    let text = d.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 1);
    if d.is_sign_negative() && !d.is_zero() {
        out.push('-');
    }
    let digits = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// The month's name: 8 → `Agustus`.
pub(crate) fn nama_bulan(month: time::Month) -> &'static str {
    BULAN[usize::from(u8::from(month)) - 1]
}

/// A month and its year, for a document dated by the month: `Oktober 2020`.
///
/// ```
/// use lapkin::Date;
/// use lapkin::model::Month;
///
/// let date = Date::from_calendar_date(2020, Month::October, 5).unwrap();
/// assert_eq!(lapkin::format::bulan(date), "Oktober 2020");
/// ```
pub fn bulan(date: time::Date) -> String {
    format!("{} {}", nama_bulan(date.month()), date.year())
}

/// A date as in an official letter: `07 Agustus 2024`.
///
/// ```
/// use lapkin::Date;
/// use lapkin::model::Month;
///
/// let date = Date::from_calendar_date(2024, Month::August, 7).unwrap();
/// assert_eq!(lapkin::format::tanggal(date), "07 Agustus 2024");
/// ```
pub fn tanggal(date: time::Date) -> String {
    format!(
        "{:02} {} {}",
        date.day(),
        nama_bulan(date.month()),
        date.year()
    )
}

/// `n` in Roman numerals (1 to 3999; other numbers in figures).
pub(crate) fn roman(n: u32) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    let mut n = n;
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn thousands_and_decimals() {
        assert_eq!(angka(&d("8069025000")), "8.069.025.000");
        assert_eq!(angka(&d("27576750000")), "27.576.750.000");
        assert_eq!(angka(&d("95.15")), "95,15");
        assert_eq!(angka(&d("62.05")), "62,05");
        assert_eq!(angka(&d("1234567.89")), "1.234.567,89");
        assert_eq!(angka(&d("2025")), "2.025");
        assert_eq!(angka(&d("999")), "999");
        assert_eq!(angka(&d("1000")), "1.000");
        assert_eq!(angka(&d("100000")), "100.000");
    }

    #[test]
    fn decimals_are_kept_as_written() {
        assert_eq!(angka(&d("0.50")), "0,50");
        assert_eq!(angka(&d("3.920")), "3,920");
        assert_eq!(angka(&d("0.0000000001")), "0,0000000001");
        assert_eq!(
            angka(&d("1234.5678901234567890123")),
            "1.234,5678901234567890123"
        );
    }

    #[test]
    fn negatives_and_zero() {
        assert_eq!(angka(&d("-1234.5")), "-1.234,5");
        assert_eq!(angka(&d("-999")), "-999");
        assert_eq!(angka(&d("-1000")), "-1.000");
        assert_eq!(angka(&d("0")), "0");
        assert_eq!(angka(&d("0.00")), "0,00");
        assert_eq!(angka(&d("-0")), "0");
        assert_eq!(angka(&d("-0.00")), "0,00");
        assert_eq!(
            angka(&Decimal::MAX),
            "79.228.162.514.264.337.593.543.950.335"
        );
        assert_eq!(
            angka(&Decimal::MIN),
            "-79.228.162.514.264.337.593.543.950.335"
        );
    }

    #[test]
    fn dates() {
        use time::macros::date;
        assert_eq!(tanggal(date!(2024 - 08 - 07)), "07 Agustus 2024");
        assert_eq!(tanggal(date!(2024 - 01 - 31)), "31 Januari 2024");
        assert_eq!(tanggal(date!(2025 - 12 - 01)), "01 Desember 2025");
        assert_eq!(tanggal(date!(2024 - 02 - 29)), "29 Februari 2024");
        let all: Vec<&str> = (0..12)
            .map(|i| nama_bulan(time::Month::January.nth_next(i)))
            .collect();
        assert_eq!(all, BULAN);
        assert_eq!(bulan(date!(2020 - 10 - 01)), "Oktober 2020");
    }
}
