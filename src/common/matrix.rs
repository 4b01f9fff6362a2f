//! A 2-d `f64` argument (`multivariate_normal`'s `cov`), taken as NumPy's `np.array(cov)`
//! takes it: nested Rust arrays, `Vec`s of rows, an [`NdArray`] or (feature `ndarray`) an
//! `ndarray` matrix, flattened to C order with its shape.

use crate::array::{shape_repr, NdArray};
use crate::error::{Error, Result};
use crate::prelude::*;

/// What `np.array(x)` makes of a matrix-like `x`: its elements in C order and its shape.
///
/// ```
/// use nprand::Matrix;
/// // np.array([[2., .3], [.3, .5]])
/// let (data, shape) = [[2.0, 0.3], [0.3, 0.5]].to_matrix().unwrap();
/// assert_eq!((data, shape), (vec![2.0, 0.3, 0.3, 0.5], vec![2, 2]));
/// // np.array([[1.0, 2.0], [3.0]]) is ragged: NumPy's ValueError
/// let ragged = vec![vec![1.0, 2.0], vec![3.0]];
/// assert!(ragged.to_matrix().unwrap_err().message().starts_with("setting an array element"));
/// ```
pub trait Matrix {
    /// The elements in C order and the shape (`(rows, cols)` for a rectangular matrix; an
    /// [`NdArray`] keeps its own shape, which may have another number of dimensions).
    fn to_matrix(&self) -> Result<(Vec<f64>, Vec<usize>)>;
}

impl<T: Matrix + ?Sized> Matrix for &T {
    fn to_matrix(&self) -> Result<(Vec<f64>, Vec<usize>)> {
        (**self).to_matrix()
    }
}

/// Rows of possibly different lengths, as `np.array` reads a list of lists.
fn from_rows<'a>(rows: impl ExactSizeIterator<Item = &'a [f64]>) -> Result<(Vec<f64>, Vec<usize>)> {
    let n = rows.len();
    let mut data = Vec::new();
    let mut cols = None;
    for row in rows {
        if *cols.get_or_insert(row.len()) != row.len() {
            return Err(Error::value(format!(
                "setting an array element with a sequence. The requested array has an \
                 inhomogeneous shape after 1 dimensions. The detected shape was {} + \
                 inhomogeneous part.",
                shape_repr(&[n])
            )));
        }
        data.extend_from_slice(row);
    }
    // np.array([]) is 1-d.
    let shape = match cols {
        Some(c) => vec![n, c],
        None => vec![0],
    };
    Ok((data, shape))
}

impl<const C: usize> Matrix for [[f64; C]] {
    fn to_matrix(&self) -> Result<(Vec<f64>, Vec<usize>)> {
        from_rows(self.iter().map(|r| r.as_slice()))
    }
}

impl<const R: usize, const C: usize> Matrix for [[f64; C]; R] {
    fn to_matrix(&self) -> Result<(Vec<f64>, Vec<usize>)> {
        self.as_slice().to_matrix()
    }
}

impl<const C: usize> Matrix for Vec<[f64; C]> {
    fn to_matrix(&self) -> Result<(Vec<f64>, Vec<usize>)> {
        self.as_slice().to_matrix()
    }
}

impl Matrix for [Vec<f64>] {
    fn to_matrix(&self) -> Result<(Vec<f64>, Vec<usize>)> {
        from_rows(self.iter().map(Vec::as_slice))
    }
}

impl Matrix for Vec<Vec<f64>> {
    fn to_matrix(&self) -> Result<(Vec<f64>, Vec<usize>)> {
        self.as_slice().to_matrix()
    }
}

impl Matrix for NdArray<f64> {
    fn to_matrix(&self) -> Result<(Vec<f64>, Vec<usize>)> {
        Ok((self.data.clone(), self.shape.clone()))
    }
}

#[cfg(feature = "ndarray")]
impl<S: ndarray::Data<Elem = f64>, D: ndarray::Dimension> Matrix for ndarray::ArrayBase<S, D> {
    fn to_matrix(&self) -> Result<(Vec<f64>, Vec<usize>)> {
        Ok((self.iter().copied().collect(), self.shape().to_vec()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_as_numpy_sees_them() {
        let empty: Vec<Vec<f64>> = vec![];
        assert_eq!(empty.to_matrix().unwrap().1, vec![0]);
        assert_eq!(vec![Vec::<f64>::new()].to_matrix().unwrap().1, vec![1, 0]);
        assert_eq!([[1.0, 2.0, 3.0]].to_matrix().unwrap().1, vec![1, 3]);
        let nd = NdArray::new(vec![2], vec![1.0, 2.0]).unwrap();
        assert_eq!(nd.to_matrix().unwrap().1, vec![2]);
    }
}
