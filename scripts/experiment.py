"""A small seeded NumPy experiment, ported line for line to Rust in examples/experiment.rs.

Both print the same text, digit for digit:

    python3 scripts/experiment.py > py.txt
    cargo run --release --example experiment > rs.txt
    diff py.txt rs.txt

It fits a linear model by mini-batch SGD on synthetic data (inputs from `uniform`,
true weights from `normal`, noise from `standard_normal`, weights initialised with
`normal`, mini-batches from `permutation`), then bootstraps a confidence interval of
the final residuals with `choice`. The training loop writes its sums as explicit
left-to-right loops (Python floats); the summary at the end uses NumPy's own arithmetic
(`X @ w` and `np.dot` through OpenBLAS, `np.sum`/`mean`/`std` with pairwise summation,
`np.percentile`), which the port reproduces with `nprand::numpy`.
"""
# NumPy as on an AVX2 CPU (np.dot's OpenBLAS kernels, the float64 ufuncs), whatever
# this one is: what the Rust port reproduces (scripts/cpu_pin.py).
import cpu_pin  # noqa: F401
import numpy as np

rs = np.random.RandomState(2024)
n, d = 256, 4
X = rs.uniform(-1.0, 1.0, size=(n, d))
true_w = rs.normal(0.0, 2.0, size=d)
noise = rs.standard_normal(n)


def dot(row, w):
    acc = 0.0
    for j in range(d):
        acc += float(row[j]) * w[j]
    return acc


y = [dot(X[i], [float(v) for v in true_w]) + 0.1 * float(noise[i]) for i in range(n)]
w = [float(v) for v in rs.normal(0.0, 0.01, size=d)]
lr, batch = 0.1, 32
for epoch in range(8):
    perm = rs.permutation(n)
    for start in range(0, n, batch):
        idx = perm[start:start + batch]
        grad = [0.0] * d
        for i in idx:
            err = dot(X[i], w) - y[i]
            for j in range(d):
                grad[j] += err * float(X[i, j])
        for j in range(d):
            w[j] -= lr * grad[j] / len(idx)
    loss = 0.0
    for i in range(n):
        r = dot(X[i], w) - y[i]
        loss += r * r
    print(f"epoch {epoch}: loss {loss / n!r}")
print("weights", " ".join(repr(v) for v in w))
print("true   ", " ".join(repr(float(v)) for v in true_w))

# Bootstrap the mean absolute residual.
resid = [abs(dot(X[i], w) - y[i]) for i in range(n)]
means = []
for _ in range(200):
    idx = rs.choice(n, size=n)
    acc = 0.0
    for i in idx:
        acc += resid[i]
    means.append(acc / n)
means.sort()
print(f"bootstrap 95% interval of mean |residual|: [{means[4]!r}, {means[194]!r}]")

# The same model summarised with NumPy's arithmetic: BLAS products, pairwise sums,
# linear-interpolation percentiles.
wv = np.array(w)
r = X @ wv - np.array(y)                      # dgemv (matrix @ vector)
print("np.sum(r**2)/n:", repr(float(np.sum(r * r) / n)))
print("mean |r|:", repr(float(np.mean(np.abs(r)))), "std r:", repr(float(np.std(r))),
      "ddof=1:", repr(float(np.std(r, ddof=1))))
print("gradient np.dot(r, X)/n:", " ".join(repr(float(v)) for v in np.dot(r, X) / n))
print("column means:", " ".join(repr(float(v)) for v in np.mean(X, axis=0)))
print("column stds: ", " ".join(repr(float(v)) for v in np.std(X, axis=0)))
print("sum(X @ X[:4].T):", repr(float(np.sum(np.dot(X, np.ascontiguousarray(X[:4].T))))))
abs_r = np.abs(r)
boot = np.array([np.mean(abs_r[rs.choice(n, size=n)]) for _ in range(200)])
print("np.percentile bootstrap 95% interval:", repr(float(np.percentile(boot, 2.5))),
      repr(float(np.percentile(boot, 97.5))), "median:", repr(float(np.median(boot))))
