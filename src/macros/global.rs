//! `nprand::global`: the module-level `np.random.*` functions.

/// `nprand::global`'s functions: each forwards to the same `RandomState` method on the
/// process-wide generator, with the caller's doc (the NumPy line) and a generated doctest
/// that checks the global call against `RandomState(12345)` making the same call.
///
/// An entry is `/// doc fn name<T: Bound>(params) -> Ret [= [method::<T>]]; kind (args);`
/// where `kind` is `value` (compare the results of `name(args)`), `fill` (a leading
/// `out: &mut [T]`, filled and compared as `name(&mut out, args)`) or `none` (the doc
/// carries its own example). Without `= [...]` the method has the function's name.
macro_rules! global_functions {
    ($(
        $(#[$doc:meta])*
        fn $name:ident $(<$g:ident $(: $b:path)?>)? ($($p:ident: $t:ty),* $(,)?) -> $ret:ty
            $(= [$($m:tt)+])?; $kind:ident ($($ex:expr),* $(,)?);
    )*) => {$(
        global_functions!(@method [$($($m)+)?] $name;
            $kind [$(#[$doc])*] $name [$(<$g $(: $b)?>)?] ($($p: $t),*) -> $ret; ($($ex),*));
    )*};
    // The method defaults to the function's name.
    (@method [] $name:ident; $($rest:tt)*) => {
        global_functions!(@one [$name] $($rest)*);
    };
    (@method [$($m:tt)+] $name:ident; $($rest:tt)*) => {
        global_functions!(@one [$($m)+] $($rest)*);
    };
    (@one [$($m:tt)+] value [$($attr:tt)*] $name:ident [$($gen:tt)*]
        ($($p:ident: $t:ty),*) -> $ret:ty; ($($ex:expr),*)) => {
        $($attr)*
        ///
        /// ```
        #[doc = concat!("// np.random.seed(12345); np.random.", stringify!($name), "(...) draws what")]
        /// // np.random.RandomState(12345) draws for the same call.
        /// nprand::global::seed(12345);
        #[doc = concat!("let got = nprand::global::", stringify!($name), "(", stringify!($($ex),*), ");")]
        #[doc = concat!("let want = nprand::RandomState::new(12345).", stringify!($($m)+), "(", stringify!($($ex),*), ");")]
        /// assert_eq!(got, want);
        /// ```
        pub fn $name $($gen)* ($($p: $t),*) -> $ret {
            with(|rs| rs.$($m)+($($p),*))
        }
    };
    (@one [$($m:tt)+] fill [$($attr:tt)*] $name:ident [$($gen:tt)*]
        ($($p:ident: $t:ty),*) -> $ret:ty; ($($ex:expr),*)) => {
        $($attr)*
        ///
        /// ```
        #[doc = concat!("// np.random.seed(12345); np.random.", stringify!($name), "(..., size=3) fills what")]
        /// // np.random.RandomState(12345) draws for the same call.
        /// let (mut got, mut want) = (vec![Default::default(); 3], vec![Default::default(); 3]);
        /// nprand::global::seed(12345);
        #[doc = concat!("let r = nprand::global::", stringify!($name), "(&mut got, ", stringify!($($ex),*), ");")]
        #[doc = concat!("let mut rs = nprand::RandomState::new(12345);")]
        #[doc = concat!("assert_eq!(r, rs.", stringify!($($m)+), "(&mut want, ", stringify!($($ex),*), "));")]
        /// assert_eq!(got, want);
        /// ```
        pub fn $name $($gen)* ($($p: $t),*) -> $ret {
            with(|rs| rs.$($m)+($($p),*))
        }
    };
    (@one [$($m:tt)+] none [$($attr:tt)*] $name:ident [$($gen:tt)*]
        ($($p:ident: $t:ty),*) -> $ret:ty; ()) => {
        $($attr)*
        pub fn $name $($gen)* ($($p: $t),*) -> $ret {
            with(|rs| rs.$($m)+($($p),*))
        }
    };
}

/// `nprand::global`'s distributions: one row gives the scalar function and its `_into`
/// form (NumPy's `size=`), both through [`global_functions!`]:
/// `/// extra doc  name, name_into (params) -> T = "numpy params"; (doctest args);`
/// makes `name(params) -> Result<T>` and `name_into(out: &mut [T], params) -> Result<()>`.
macro_rules! global_distributions {
    ($(
        $(#[$doc:meta])*
        $name:ident, $into:ident ($($p:ident: $t:ty),*) -> $elem:ty = $np:literal;
            ($($ex:expr),*);
    )*) => {$(
        global_functions! {
            #[doc = concat!("`np.random.", stringify!($name), "(", $np, ")`.")]
            $(#[$doc])*
            fn $name($($p: $t),*) -> Result<$elem>; value ($($ex),*);
            #[doc = concat!("`np.random.", stringify!($name), "(", $np, ", size=out.len())`: fills `out`.")]
            fn $into(out: &mut [$elem], $($p: $t),*) -> Result<()>; fill ($($ex),*);
        }
    )*};
}
