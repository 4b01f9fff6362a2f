//! Front-end methods (NumPy's `_generator.pyx` / `mtrand.pyx` over `_common.pyx`):
//! one declaration per NumPy method on `RandomState` and `Generator`.

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
/// `, bulk path` fills the `_into` form instead (`path(target, out, params…)` returning
/// `Result<()>`, after the checks), and is the table row's [`Bulk`] form (the scalar
/// path of the array forms and the evaluator).
///
/// [`Bulk`]: crate::common::Bulk
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
                bulk: numpy_methods!(@bulk $out $recv, ($($p),*) $($bulk)?),
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
    (@bulk $out:ident $r:ty, ($($p:ident),*)) => { $crate::common::Bulk::<$r>::None };
    (@bulk f64 $r:ty, ($($p:ident),*) $bulk:path) => {
        $crate::common::Bulk::<$r>::F64(numpy_methods!(@fill $bulk, ($($p),*)))
    };
    (@bulk i64 $r:ty, ($($p:ident),*) $bulk:path) => {
        $crate::common::Bulk::<$r>::I64(numpy_methods!(@fill $bulk, ($($p),*)))
    };
    (@fill $bulk:path, ($($p:ident),*)) => {
        |target, out, args: &[$crate::common::Num]| {
            let &[$($p),*] = args else { unreachable!("arity checked by draw") };
            $bulk(target, out, $($p.f()),*)
        }
    };
    (@default) => { None };
    (@default $d:literal) => { Some($d) };
    (@into $s:ident, $o:ident, $out:ident, $kernel:path, ($($p:ident),*) $bulk:path) => {
        $bulk($crate::common::KernelTarget::target($s), $o, $($p),*)
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

/// The typed broadcasting forms of a front-end's distributions, from one list per layer
/// (the rows both layers share come from [`shared_array_methods!`]):
/// for each row `name, name_array, name_nd (param = example, ...) -> T;` the method
/// `name_array(param: impl IntoParam, ..., size: Option<&[usize]>) -> Result<NdArray<T>>`
/// (NumPy's call with array parameters, through the front-end's `broadcast` and its
/// table row `name`) and, with feature `ndarray`, `name_nd` returning an `ArrayD<T>`.
/// The examples feed the doctests, which check the shape and that the first element is
/// the scalar method's value (`plain` after the type: the scalar method returns the
/// value, not a `Result`). Rows `name, name_array, name_nd => name_into -> T;` are the
/// size-only methods without a table row, filled by their `_into` form.
///
/// It also writes a test that every row of the front-end's broadcast table (`specs`) has
/// its form (`except` names the rows written by hand).
///
/// ```text
/// array_methods! {
///     impl[] RandomState, find crate::legacy::broadcast::find,
///         specs crate::legacy::broadcast::specs, except [],
///         rust "nprand::RandomState::new(0)", numpy "np.random.RandomState(0)";
///     normal, normal_array, normal_nd (loc = 0.0, scale = 2.0) -> f64;
/// }
/// ```
macro_rules! array_methods {
    (
        impl[$($g:tt)*] $ty:ty, find $find:path, specs $specs:path, except [$($except:literal),*],
        rust $new:literal, numpy $np:literal;
        $($rows:tt)*
    ) => {
        impl<$($g)*> $ty {
            array_methods!(@rows $find, $new, $np; $($rows)*);
        }

        #[cfg(test)]
        mod array_methods_tests {
            #[test]
            fn every_table_row_has_an_array_form() {
                let forms: &[&str] = array_methods!(@names []; $($rows)*);
                for spec in $specs() {
                    assert!(
                        forms.contains(&spec.name) || [$($except),*].contains(&spec.name),
                        "{} has no _array form",
                        spec.name
                    );
                }
            }
        }
    };
    (@names [$($acc:expr),*];) => { &[$($acc),*] };
    (@names [$($acc:expr),*]; $name:ident, $arr:ident, $nd:ident $p:tt -> $t:ident $($plain:ident)?; $($rest:tt)*) => {
        array_methods!(@names [$($acc,)* stringify!($name)]; $($rest)*)
    };
    (@names [$($acc:expr),*]; $name:ident, $arr:ident, $nd:ident => $into:ident -> $t:ident; $($rest:tt)*) => {
        array_methods!(@names [$($acc,)* stringify!($name)]; $($rest)*)
    };
    (@rows $find:path, $new:literal, $np:literal;) => {};
    (@rows $find:path, $new:literal, $np:literal;
        $name:ident, $arr:ident, $nd:ident ($($p:ident = $ex:expr),*) -> $t:ident $($plain:ident)?;
        $($rest:tt)*
    ) => {
        #[doc = concat!("`", stringify!($name), "(", $(stringify!($p), ", ",)* "size=None)` with array parameters, as NumPy broadcasts them.")]
        ///
        /// Each parameter is anything [`IntoParam`](crate::IntoParam) takes: a scalar, a
        /// slice, a `Vec`, a fixed array (nested for 2-d), an
        /// [`NdArray`](crate::array::NdArray), or with feature `ndarray` any `ndarray`
        /// array or view. The result has shape `size`, or else the broadcast shape of the
        /// parameters (0-d when all are scalars); values, draws and errors are NumPy's.
        ///
        /// ```
        #[doc = concat!("// ", $np, ".", stringify!($name), "(", $(stringify!($ex), ", ",)* "size=(2, 3))")]
        #[doc = concat!("let a = ", $new, ".", stringify!($arr), "(", $(stringify!($ex), ", ",)* "Some(&[2, 3])).unwrap();")]
        /// assert_eq!(a.shape, [2, 3]);
        /// // drawn in C order, the first element is the scalar method's value
        #[doc = concat!("let x = ", $new, ".", stringify!($name), "(", $(stringify!($ex), ", ",)* ")", array_methods!(@unwrap $($plain)?), ";")]
        /// assert_eq!(a[0], x);
        /// ```
        pub fn $arr(
            &mut self,
            $($p: impl $crate::common::IntoParam,)*
            size: Option<&[usize]>,
        ) -> $crate::error::Result<$crate::array::NdArray<$t>> {
            let spec = $find(stringify!($name))
                .expect(concat!(stringify!($name), " has a row in the broadcast table"));
            let params = [$($crate::common::IntoParam::into_param($p)),*];
            let out = self.broadcast(spec, &params, size)?;
            Ok(<$t as $crate::common::FromOutput>::from_output(out))
        }

        #[cfg(feature = "ndarray")]
        #[doc = concat!("[`", stringify!($arr), "`](Self::", stringify!($arr), ") as an `ndarray::ArrayD` (feature `ndarray`).")]
        ///
        /// ```
        #[doc = concat!("// ", $np, ".", stringify!($name), "(", $(stringify!($ex), ", ",)* "size=(2, 3))")]
        #[doc = concat!("let a = ", $new, ".", stringify!($nd), "(", $(stringify!($ex), ", ",)* "Some(&[2, 3])).unwrap();")]
        /// assert_eq!(a.shape(), &[2, 3]);
        /// ```
        pub fn $nd(
            &mut self,
            $($p: impl $crate::common::IntoParam,)*
            size: Option<&[usize]>,
        ) -> $crate::error::Result<ndarray::ArrayD<$t>> {
            self.$arr($($p,)* size).map(Into::into)
        }

        array_methods!(@rows $find, $new, $np; $($rest)*);
    };
    (@rows $find:path, $new:literal, $np:literal;
        $name:ident, $arr:ident, $nd:ident => $into:ident -> $t:ident;
        $($rest:tt)*
    ) => {
        #[doc = concat!("`", stringify!($name), "(size=None)`: `size` values (one, 0-d, for `None`).")]
        ///
        /// ```
        #[doc = concat!("// ", $np, ".", stringify!($name), "(size=(2, 3))")]
        #[doc = concat!("let a = ", $new, ".", stringify!($arr), "(Some(&[2, 3])).unwrap();")]
        /// assert_eq!(a.shape, [2, 3]);
        #[doc = concat!("assert_eq!(a[0], ", $new, ".", stringify!($name), "());")]
        /// ```
        pub fn $arr(
            &mut self,
            size: Option<&[usize]>,
        ) -> $crate::error::Result<$crate::array::NdArray<$t>> {
            let shape = size.unwrap_or(&[]).to_vec();
            let mut data = $crate::common::alloc::filled(
                &shape,
                array_methods!(@dtype $t),
                Default::default(),
            )?;
            self.$into(&mut data);
            Ok($crate::array::NdArray { shape, data })
        }

        #[cfg(feature = "ndarray")]
        #[doc = concat!("[`", stringify!($arr), "`](Self::", stringify!($arr), ") as an `ndarray::ArrayD` (feature `ndarray`).")]
        ///
        /// ```
        #[doc = concat!("// ", $np, ".", stringify!($name), "(size=(2, 3))")]
        #[doc = concat!("let a = ", $new, ".", stringify!($nd), "(Some(&[2, 3])).unwrap();")]
        /// assert_eq!(a.shape(), &[2, 3]);
        /// ```
        pub fn $nd(&mut self, size: Option<&[usize]>) -> $crate::error::Result<ndarray::ArrayD<$t>> {
            self.$arr(size).map(Into::into)
        }

        array_methods!(@rows $find, $new, $np; $($rest)*);
    };
    (@unwrap) => { ".unwrap()" };
    (@unwrap plain) => { "" };
    (@dtype f64) => { $crate::common::alloc::Dtype::F64 };
    (@dtype i64) => { $crate::common::alloc::Dtype::I64 };
}

/// [`array_methods!`] with the rows both front-ends share (NumPy's names and parameter
/// order, the doctests' example values) after the caller's header and own rows.
macro_rules! shared_array_methods {
    ($($head:tt)*) => {
        array_methods! {
            $($head)*
            standard_normal, standard_normal_array, standard_normal_nd
                => standard_normal_into -> f64;
            standard_exponential, standard_exponential_array, standard_exponential_nd
                => standard_exponential_into -> f64;
            standard_cauchy, standard_cauchy_array, standard_cauchy_nd
                => standard_cauchy_into -> f64;
            uniform, uniform_array, uniform_nd (low = 0.0, high = 2.0) -> f64;
            normal, normal_array, normal_nd (loc = 0.0, scale = 2.0) -> f64;
            exponential, exponential_array, exponential_nd (scale = 2.0) -> f64;
            standard_gamma, standard_gamma_array, standard_gamma_nd (shape = 2.5) -> f64;
            gamma, gamma_array, gamma_nd (shape = 2.5, scale = 2.0) -> f64;
            beta, beta_array, beta_nd (a = 0.5, b = 0.5) -> f64;
            chisquare, chisquare_array, chisquare_nd (df = 3.0) -> f64;
            f, f_array, f_nd (dfnum = 3.0, dfden = 4.0) -> f64;
            noncentral_chisquare, noncentral_chisquare_array, noncentral_chisquare_nd
                (df = 3.0, nonc = 1.0) -> f64;
            noncentral_f, noncentral_f_array, noncentral_f_nd
                (dfnum = 3.0, dfden = 4.0, nonc = 1.0) -> f64;
            standard_t, standard_t_array, standard_t_nd (df = 3.0) -> f64;
            vonmises, vonmises_array, vonmises_nd (mu = 0.0, kappa = 1.0) -> f64;
            pareto, pareto_array, pareto_nd (a = 3.0) -> f64;
            weibull, weibull_array, weibull_nd (a = 3.0) -> f64;
            power, power_array, power_nd (a = 3.0) -> f64;
            laplace, laplace_array, laplace_nd (loc = 0.0, scale = 1.0) -> f64;
            gumbel, gumbel_array, gumbel_nd (loc = 0.0, scale = 1.0) -> f64;
            logistic, logistic_array, logistic_nd (loc = 0.0, scale = 1.0) -> f64;
            lognormal, lognormal_array, lognormal_nd (mean = 0.0, sigma = 1.0) -> f64;
            rayleigh, rayleigh_array, rayleigh_nd (scale = 1.0) -> f64;
            wald, wald_array, wald_nd (mean = 1.0, scale = 1.0) -> f64;
            triangular, triangular_array, triangular_nd
                (left = 0.0, mode = 0.5, right = 1.0) -> f64;
            binomial, binomial_array, binomial_nd (n = 10, p = 0.5) -> i64;
            negative_binomial, negative_binomial_array, negative_binomial_nd
                (n = 10.0, p = 0.5) -> i64;
            poisson, poisson_array, poisson_nd (lam = 30.0) -> i64;
            geometric, geometric_array, geometric_nd (p = 0.2) -> i64;
            hypergeometric, hypergeometric_array, hypergeometric_nd
                (ngood = 10, nbad = 5, nsample = 3) -> i64;
            logseries, logseries_array, logseries_nd (p = 0.5) -> i64;
            zipf, zipf_array, zipf_nd (a = 2.0) -> i64;
        }
    };
}

/// `permutation(x)` of an array on a front-end with `shuffle` and `shuffle_rows`: NumPy
/// copies a 1-d `x` and shuffles it, and shuffles `arange(len(x))` then gathers for an n-d
/// one, which draws as shuffling its rows.
macro_rules! permutation_methods {
    (impl[$($g:tt)*] $ty:ty, rust $new:literal, numpy $np:literal $(;)?) => {
        impl<$($g)*> $ty {
            /// `permutation(x)` for a 1-d array `x`: a shuffled copy.
            ///
            /// ```
            #[doc = concat!("// ", $np, ".permutation([1.5, 2.5, 3.5])")]
            #[doc = concat!("let p = ", $new, ".permutation_of(&[1.5, 2.5, 3.5]);")]
            /// let mut x = [1.5, 2.5, 3.5];
            #[doc = concat!($new, ".shuffle(&mut x);")]
            /// assert_eq!(p, x);
            /// ```
            pub fn permutation_of<T: Clone>(&mut self, x: &[T]) -> Vec<T> {
                let mut v = x.to_vec();
                self.shuffle(&mut v);
                v
            }

            /// `permutation(x)` for an n-d array `x` (C order, rows of `row_len` elements
            /// along axis 0): a copy with its rows shuffled, as
            /// [`shuffle_rows`](Self::shuffle_rows) shuffles them.
            ///
            /// ```
            #[doc = concat!("// ", $np, ".permutation(np.arange(6).reshape(3, 2))")]
            #[doc = concat!("let p = ", $new, ".permutation_rows(&[0, 1, 2, 3, 4, 5], 2);")]
            #[doc = concat!("let order = ", $new, ".permutation(3).unwrap();")]
            /// assert_eq!(p[0], 2 * order[0]);
            /// ```
            pub fn permutation_rows<T: Clone>(&mut self, x: &[T], row_len: usize) -> Vec<T> {
                let mut v = x.to_vec();
                self.shuffle_rows(&mut v, row_len);
                v
            }
        }
    };
}
