//! Crate-private macros: boilerplate written once, as `rand_pcg` and `rand_xoshiro` do.

// ---------------------------------------------------------------------------------------
// Front-end methods (NumPy's `_generator.pyx` / `mtrand.pyx` over `_common.pyx`)
// ---------------------------------------------------------------------------------------

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

        impl std::str::FromStr for $ty {
            type Err = crate::error::Error;

            fn from_str(s: &str) -> crate::error::Result<Self> {
                match s {
                    $($s => Ok($ty::$var),)+
                    _ => Err(crate::error::Error::value($message)),
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// One declaration per NumPy method, yielding its three forms: the typed scalar method,
/// its `_into` form (`size=out.len()`) and its row in the front-end's broadcast table
/// (`const $table: &[Spec<$recv>]`), all with the same constraints in NumPy's order.
///
/// ```text
/// numpy_methods! {
///     impl[] RandomState, kernels on RandomState, table SPECS;
///     /// docs of pareto
///     fn pareto;
///     /// docs of pareto_into
///     fn pareto_into;
///     (a: Positive) -> f64 => RandomState::legacy_pareto;
/// }
/// ```
/// A parameter is `name: Constraint` (a `crate::common::Constraint` variant), with
/// `= default` for NumPy's default (the table's; Rust has no defaults). The result is
/// `f64`, `i64` or `try_i64` (a kernel returning `Result<i64>`). The kernel is called as
/// `kernel(target, params…)` with the front-end's [`KernelTarget`]; an optional
/// `, bulk path` fills the `_into` form instead (`path(self, out, params…)` returning
/// `Result<()>`, after the checks).
///
/// [`KernelTarget`]: crate::common::KernelTarget
macro_rules! numpy_methods {
    (
        impl[$($g:tt)*] $ty:ty, kernels on $recv:ty, table $table:ident;
        $(
            $(#[$m1:meta])* fn $name:ident;
            $(#[$m2:meta])* fn $into:ident;
            ($($p:ident: $c:ident $(= $d:literal)?),*) -> $out:ident
                => $kernel:path $(, bulk $bulk:path)?;
        )*
    ) => {
        impl<$($g)*> $ty {
            $(
                $(#[$m1])*
                pub fn $name(&mut self, $($p: f64),*) -> $crate::error::Result<numpy_methods!(@ty $out)> {
                    $($crate::common::Constraint::$c.check_scalar($p, stringify!($p))?;)*
                    let target = $crate::common::KernelTarget::target(self);
                    numpy_methods!(@ok $out $kernel(target, $($p),*))
                }

                $(#[$m2])*
                pub fn $into(
                    &mut self,
                    out: &mut [numpy_methods!(@ty $out)],
                    $($p: f64),*
                ) -> $crate::error::Result<()> {
                    $($crate::common::Constraint::$c.check_scalar($p, stringify!($p))?;)*
                    numpy_methods!(@into self, out, $out, $kernel, ($($p),*) $($bulk)?)
                }
            )*
        }

        pub(crate) const $table: &[$crate::common::Spec<$recv>] = &[$(
            $crate::common::Spec {
                name: stringify!($name),
                params: &[$($crate::common::Param::new(
                    stringify!($p),
                    numpy_methods!(@default $($d)?),
                    $crate::common::Constraint::$c,
                    $crate::common::PKind::F64,
                )),*],
                internal_order: &[],
                prepare: None,
                kernel: numpy_methods!(@kernel $out $recv, |target, args: &[$crate::common::Num]| {
                    let &[$($p),*] = args else { unreachable!("arity checked by draw") };
                    $kernel(target, $($p.f()),*)
                }),
            }
        ),*];
    };
    (@ty f64) => { f64 };
    (@ty i64) => { i64 };
    (@ty try_i64) => { i64 };
    (@ok try_i64 $e:expr) => { $e };
    (@ok $out:ident $e:expr) => { Ok($e) };
    (@kernel f64 $r:ty, $f:expr) => { $crate::common::Kernel::<$r>::F64($f) };
    (@kernel i64 $r:ty, $f:expr) => { $crate::common::Kernel::<$r>::I64($f) };
    (@kernel try_i64 $r:ty, $f:expr) => { $crate::common::Kernel::<$r>::I64Try($f) };
    (@default) => { None };
    (@default $d:literal) => { Some($d) };
    (@into $s:ident, $o:ident, $out:ident, $kernel:path, ($($p:ident),*) $bulk:path) => {
        $bulk($s, $o, $($p),*)
    };
    (@into $s:ident, $o:ident, try_i64, $kernel:path, ($($p:ident),*)) => {{
        let target = $crate::common::KernelTarget::target($s);
        for x in $o.iter_mut() {
            *x = $kernel(&mut *target, $($p),*)?;
        }
        Ok(())
    }};
    (@into $s:ident, $o:ident, $out:ident, $kernel:path, ($($p:ident),*)) => {{
        let target = $crate::common::KernelTarget::target($s);
        for x in $o.iter_mut() {
            *x = $kernel(&mut *target, $($p),*);
        }
        Ok(())
    }};
}
