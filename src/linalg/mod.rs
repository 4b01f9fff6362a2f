//! Ports of the LAPACK code paths behind the `numpy.linalg` calls that `multivariate_normal`
//! makes: `svd` (legacy `RandomState` and `Generator(method='svd')`), `eigh`
//! (`method='eigh'`) and `cholesky` (`method='cholesky'`).
//!
//! Singular vectors and eigenvectors are only defined up to sign (and, for repeated values, up
//! to a rotation), so the samples depend on the exact choices LAPACK makes. The modules below
//! are line-by-line ports of the code paths Reference LAPACK (3.12, as bundled in the OpenBLAS
//! 0.3.31 inside the numpy 2.4.6 wheels) takes for square matrices of order n <= 25: every
//! branch, sign convention (`dlartg` from LAPACK 3.10+, `dlarfg`, `dlasv2`, `dlaev2`) and
//! tie-break of the sorts is LAPACK's, so signs and ordering match NumPy's. Only the rounding
//! of OpenBLAS's optimised BLAS kernels (dot products, `dsymv`, `drot`, `dnrm2`) is not
//! reproduced, which is why results agree to a relative 1e-10 instead of bit for bit.
//!
//! Above order 25 both `dgesdd` (through `dbdsdc`) and `dsyevd` (through `dstedc`) switch to
//! divide and conquer (`dlasd0`, `dlaed0`), which is not ported: callers report a
//! `NotImplementedError`. The Cholesky factor is unique, so [`cholesky`] has no such limit.
//!
//! The last step, `x @ factor`, goes through [`blas`]: the summation order (and FMA use) of
//! OpenBLAS's Haswell `dgemm`/`dgemv` kernels, bitwise equal to NumPy's product on AVX2 CPUs.
//!
//! Reference LAPACK is BSD-licensed; see LICENSE-THIRD-PARTY.md.

pub(crate) mod blas;
pub(crate) mod cholesky;
pub(crate) mod eigh;
pub(crate) mod lapack;
pub(crate) mod svd;

/// The largest order whose SVD and symmetric eigen-decomposition nprand reproduces
/// (`SMLSIZ` of `dbdsdc` and `dstedc`, `ilaenv(9, ...)`).
pub(crate) const MAX_DIM: usize = 25;
