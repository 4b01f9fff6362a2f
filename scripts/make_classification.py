"""A seeded classification data set in the manner of scikit-learn's
``make_classification`` (NumPy only, written for nprand), ported line for line to Rust in
examples/make_classification.rs. Both print the same text, digit for digit:

    python3 scripts/make_classification.py > py.txt
    cargo run --example make_classification > rs.txt
    diff py.txt rs.txt

As scikit-learn does: Gaussian clusters on the vertices of a hypercube (one per class and
cluster), each stretched by a random matrix (``np.dot``), redundant features as random
combinations of the informative ones (``np.dot``), noise features, label noise, a shift and
a scale, then a shuffle. The summary uses ``np.sum``, ``mean``, ``std``, ``X @ w``,
``np.percentile`` and ``np.median``.
"""
# NumPy as on an AVX2 CPU (np.dot's OpenBLAS kernels, the float64 ufuncs), whatever
# this one is: what the Rust port reproduces (scripts/cpu_pin.py).
import cpu_pin  # noqa: F401
import numpy as np

rs = np.random.RandomState(7)
n_samples, n_features = 300, 8
n_informative, n_redundant = 3, 2
n_classes, n_clusters_per_class = 3, 2
class_sep, flip_y = 1.5, 0.03
n_useless = n_features - n_informative - n_redundant
n_clusters = n_classes * n_clusters_per_class

# Cluster sizes: as equal as possible, the first clusters one larger.
sizes = [n_samples // n_clusters] * n_clusters
for i in range(n_samples - sum(sizes)):
    sizes[i % n_clusters] += 1

# Centroids on the vertices of a hypercube of side 2 * class_sep.
centroids = rs.randint(2, size=(n_clusters, n_informative)).astype(float)
centroids *= 2 * class_sep
centroids -= class_sep

X = np.zeros((n_samples, n_features))
y = np.zeros(n_samples, dtype=np.int64)
X[:, :n_informative] = rs.standard_normal(size=(n_samples, n_informative))

stop = 0
for k, centroid in enumerate(centroids):
    start, stop = stop, stop + sizes[k]
    y[start:stop] = k % n_classes
    A = 2 * rs.uniform(size=(n_informative, n_informative)) - 1
    X[start:stop, :n_informative] = np.dot(X[start:stop, :n_informative], A)
    X[start:stop, :n_informative] += centroid

B = 2 * rs.uniform(size=(n_informative, n_redundant)) - 1
X[:, n_informative:n_informative + n_redundant] = np.dot(X[:, :n_informative], B)
X[:, n_informative + n_redundant:] = rs.standard_normal(size=(n_samples, n_useless))

flip = rs.uniform(size=n_samples) < flip_y
y[flip] = rs.randint(n_classes, size=int(flip.sum()))

shift = (2 * rs.uniform(size=n_features) - 1) * class_sep
X += shift
scale = 1 + 100 * rs.uniform(size=n_features)
X *= scale

order = np.arange(n_samples)
rs.shuffle(order)
X, y = X[order], y[order]


def row(v):
    return " ".join(repr(float(t)) for t in v)


print("first labels:", " ".join(str(int(t)) for t in y[:20]))
print("class counts:", " ".join(str(int(np.sum(y == c))) for c in range(n_classes)))
print("np.sum(X, axis=0):", row(np.sum(X, axis=0)))
print("X.mean(axis=0):", row(X.mean(axis=0)))
print("X.std(axis=0):", row(X.std(axis=0)))
print("np.sum(X):", repr(float(np.sum(X))), "X.var():", repr(float(X.var())))
for c in range(n_classes):
    print(f"class {c} mean:", row(X[y == c].mean(axis=0)))
w = np.linspace(-1.0, 1.0, n_features)
scores = X @ w
print("np.sum(X @ w):", repr(float(np.sum(scores))))
print("percentiles 5/50/95:", repr(float(np.percentile(scores, 5))),
      repr(float(np.percentile(scores, 50))), repr(float(np.percentile(scores, 95))))
print("median row sum:", repr(float(np.median(np.sum(X, axis=1)))))
G = np.dot(X[:5], np.ascontiguousarray(X[:5].T))
print("np.dot(X[:5], X[:5].T) diagonal:", row(np.diag(G)))
