//! String options (`method='svd'`, `check_valid='warn'`, ...) and `ErrorKind`'s table.

/// `as_str`, `FromStr` and `Display` for an enum of NumPy string options: parsing takes
/// exactly NumPy's spellings (case-sensitive, as NumPy compares) and anything else is
/// `ValueError(message)`; `as_str` (documented by the caller's attributes) and `Display`
/// give the spelling back.
macro_rules! numpy_str_enum {
    ($(#[$doc:meta])* $ty:ident, $message:expr, { $($var:ident => $s:literal),+ $(,)? }) => {
        impl $ty {
            $(#[$doc])*
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$var => $s),+
                }
            }
        }

        impl core::str::FromStr for $ty {
            type Err = crate::error::Error;

            fn from_str(s: &str) -> crate::error::Result<Self> {
                match s {
                    $($s => Ok($ty::$var),)+
                    _ => Err(crate::error::Error::value($message)),
                }
            }
        }

        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// `ErrorKind`: the variants with their Python exception names, declared once; yields
/// the enum, `ErrorKind::ALL` (every kind, for the tests) and `name()`.
macro_rules! error_kinds {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident => $py:literal,)*
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every kind, in declaration order.
            #[allow(dead_code)]
            pub(crate) const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The Python exception's name, e.g. `"ValueError"`.
            ///
            /// ```
            /// assert_eq!(nprand::ErrorKind::TypeError.name(), "TypeError");
            /// ```
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $py,)*
                }
            }
        }
    };
}
