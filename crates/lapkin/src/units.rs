//! Lengths and geometry in PDF points (1/72 inch), origin at the top-left
//! of the page, y growing downwards. Only the PDF writer flips y.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

use serde::{Deserialize, Serialize};

/// A length in PDF points.
#[derive(Debug, Clone, Copy, Default, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pt(pub f64);

impl Pt {
    /// Zero.
    pub const ZERO: Pt = Pt(0.0);

    /// Converts millimetres to points.
    ///
    /// ```
    /// use lapkin::layout::Pt;
    ///
    /// assert!(Pt::from_mm(25.4).approx_eq(Pt(72.0)));
    /// ```
    pub fn from_mm(mm: f64) -> Pt {
        Pt(mm * 72.0 / 25.4)
    }

    /// Converts points to millimetres.
    ///
    /// ```
    /// use lapkin::layout::Pt;
    ///
    /// assert!((Pt(72.0).to_mm() - 25.4).abs() < 1e-9);
    /// ```
    pub fn to_mm(self) -> f64 {
        self.0 * 25.4 / 72.0
    }

    /// The larger of two lengths.
    ///
    /// ```
    /// use lapkin::layout::Pt;
    ///
    /// assert_eq!(Pt(3.0).max(Pt(5.0)), Pt(5.0));
    /// ```
    pub fn max(self, other: Pt) -> Pt {
        Pt(self.0.max(other.0))
    }

    /// The smaller of two lengths.
    ///
    /// ```
    /// use lapkin::layout::Pt;
    ///
    /// assert_eq!(Pt(3.0).min(Pt(5.0)), Pt(3.0));
    /// ```
    pub fn min(self, other: Pt) -> Pt {
        Pt(self.0.min(other.0))
    }

    /// Whether two lengths are equal to within a thousandth of a point,
    /// which is far below what a printer or a screen shows.
    ///
    /// ```
    /// use lapkin::layout::Pt;
    ///
    /// assert!(Pt(10.0).approx_eq(Pt(10.0004)));
    /// assert!(!Pt(10.0).approx_eq(Pt(10.01)));
    /// ```
    pub fn approx_eq(self, other: Pt) -> bool {
        (self.0 - other.0).abs() < 1e-3
    }
}

impl fmt::Display for Pt {
    /// Two decimals, without a negative zero: the form of the page dump.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = (self.0 * 100.0).round() / 100.0;
        let v = if v == 0.0 { 0.0 } else { v };
        write!(f, "{v:.2}")
    }
}

impl Add for Pt {
    type Output = Pt;
    fn add(self, o: Pt) -> Pt {
        Pt(self.0 + o.0)
    }
}

impl Sub for Pt {
    type Output = Pt;
    fn sub(self, o: Pt) -> Pt {
        Pt(self.0 - o.0)
    }
}

impl Mul<f64> for Pt {
    type Output = Pt;
    fn mul(self, k: f64) -> Pt {
        Pt(self.0 * k)
    }
}

impl Div<f64> for Pt {
    type Output = Pt;
    fn div(self, k: f64) -> Pt {
        Pt(self.0 / k)
    }
}

impl Neg for Pt {
    type Output = Pt;
    fn neg(self) -> Pt {
        Pt(-self.0)
    }
}

impl AddAssign for Pt {
    fn add_assign(&mut self, o: Pt) {
        self.0 += o.0;
    }
}

impl SubAssign for Pt {
    fn sub_assign(&mut self, o: Pt) {
        self.0 -= o.0;
    }
}

impl Sum for Pt {
    fn sum<I: Iterator<Item = Pt>>(iter: I) -> Pt {
        Pt(iter.map(|p| p.0).sum())
    }
}

/// A point on the page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// Distance from the left edge.
    pub x: Pt,
    /// Distance from the top edge.
    pub y: Pt,
}

impl Point {
    /// A point at `(x, y)`.
    ///
    /// ```
    /// use lapkin::layout::{Point, Pt};
    ///
    /// assert_eq!(Point::new(Pt(1.0), Pt(2.0)).y, Pt(2.0));
    /// ```
    pub fn new(x: Pt, y: Pt) -> Self {
        Point { x, y }
    }
}

/// A width and a height.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Size {
    /// Horizontal extent.
    pub width: Pt,
    /// Vertical extent.
    pub height: Pt,
}

impl Size {
    /// A4 portrait, 210 × 297 mm.
    pub const A4: Size = Size {
        width: Pt(595.275_590_551_181_1),
        height: Pt(841.889_763_779_527_6),
    };

    /// A size of `width` × `height`.
    ///
    /// ```
    /// use lapkin::layout::{Pt, Size};
    ///
    /// // F4 (folio), the other paper of Indonesian offices.
    /// let f4 = Size::new(Pt::from_mm(215.0), Pt::from_mm(330.0));
    /// assert!(f4.height > Size::A4.height);
    /// ```
    pub fn new(width: Pt, height: Pt) -> Self {
        Size { width, height }
    }
}

/// An axis-aligned rectangle: its top-left corner and its size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Rect {
    /// Left edge.
    pub x: Pt,
    /// Top edge.
    pub y: Pt,
    /// Width.
    pub width: Pt,
    /// Height.
    pub height: Pt,
}

impl Rect {
    /// The rectangle with top-left corner `(x, y)` and size `width` × `height`.
    ///
    /// ```
    /// use lapkin::layout::{Pt, Rect};
    ///
    /// let r = Rect::new(Pt(10.0), Pt(20.0), Pt(30.0), Pt(40.0));
    /// assert_eq!((r.right(), r.bottom()), (Pt(40.0), Pt(60.0)));
    /// ```
    pub fn new(x: Pt, y: Pt, width: Pt, height: Pt) -> Self {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    /// The bottom edge.
    ///
    /// ```
    /// use lapkin::layout::{Pt, Rect};
    ///
    /// assert_eq!(Rect::new(Pt(0.0), Pt(20.0), Pt(5.0), Pt(40.0)).bottom(), Pt(60.0));
    /// ```
    pub fn bottom(&self) -> Pt {
        self.y + self.height
    }

    /// The right edge.
    ///
    /// ```
    /// use lapkin::layout::{Pt, Rect};
    ///
    /// assert_eq!(Rect::new(Pt(10.0), Pt(0.0), Pt(30.0), Pt(5.0)).right(), Pt(40.0));
    /// ```
    pub fn right(&self) -> Pt {
        self.x + self.width
    }

    /// Whether `other` lies wholly inside this rectangle (edges included,
    /// to within a thousandth of a point).
    ///
    /// ```
    /// use lapkin::layout::{Pt, Rect};
    ///
    /// let page = Rect::new(Pt(0.0), Pt(0.0), Pt(595.0), Pt(842.0));
    /// assert!(page.contains(&Rect::new(Pt(85.0), Pt(57.0), Pt(425.0), Pt(700.0))));
    /// assert!(!page.contains(&Rect::new(Pt(500.0), Pt(57.0), Pt(200.0), Pt(10.0))));
    /// ```
    pub fn contains(&self, other: &Rect) -> bool {
        let e = 1e-3;
        other.x.0 >= self.x.0 - e
            && other.y.0 >= self.y.0 - e
            && other.right().0 <= self.right().0 + e
            && other.bottom().0 <= self.bottom().0 + e
    }
}

/// Four lengths, one per side, e.g. page margins.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Sides {
    /// Top.
    pub top: Pt,
    /// Right.
    pub right: Pt,
    /// Bottom.
    pub bottom: Pt,
    /// Left.
    pub left: Pt,
}

impl Sides {
    /// Top, right, bottom and left, in the order of CSS.
    ///
    /// ```
    /// use lapkin::layout::{Pt, Sides};
    /// let margin = Sides::new(Pt::from_mm(20.0), Pt::from_mm(20.0), Pt::from_mm(25.0), Pt::from_mm(30.0));
    /// assert_eq!(margin.left, Pt::from_mm(30.0));
    /// ```
    pub fn new(top: Pt, right: Pt, bottom: Pt, left: Pt) -> Self {
        Sides {
            top,
            right,
            bottom,
            left,
        }
    }

    /// The same length on every side.
    ///
    /// ```
    /// use lapkin::layout::{Pt, Sides};
    /// assert_eq!(Sides::all(Pt(10.0)).top, Pt(10.0));
    /// ```
    pub fn all(length: Pt) -> Self {
        Sides::new(length, length, length, length)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn millimetres() {
        assert!(Pt::from_mm(25.4).approx_eq(Pt(72.0)));
        assert!((Pt(72.0).to_mm() - 25.4).abs() < 1e-9);
        assert!(Size::A4.width.approx_eq(Pt::from_mm(210.0)));
        assert!(Size::A4.height.approx_eq(Pt::from_mm(297.0)));
    }

    #[test]
    fn display_rounds_to_two_decimals_without_negative_zero() {
        assert_eq!(Pt(1.005_1).to_string(), "1.01");
        assert_eq!(Pt(-0.001).to_string(), "0.00");
        assert_eq!(Pt(85.039_37).to_string(), "85.04");
    }

    #[test]
    fn containment() {
        let outer = Rect::new(Pt(10.0), Pt(10.0), Pt(100.0), Pt(50.0));
        assert!(outer.contains(&Rect::new(Pt(10.0), Pt(10.0), Pt(100.0), Pt(50.0))));
        assert!(outer.contains(&Rect::new(Pt(20.0), Pt(20.0), Pt(5.0), Pt(5.0))));
        assert!(!outer.contains(&Rect::new(Pt(5.0), Pt(20.0), Pt(10.0), Pt(5.0))));
        assert!(!outer.contains(&Rect::new(Pt(20.0), Pt(55.0), Pt(5.0), Pt(6.0))));
    }
}
