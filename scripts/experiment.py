"""A small seeded NumPy experiment, ported line for line to Rust in examples/experiment.rs.

Both print the same text, digit for digit:

    python3 scripts/experiment.py > py.txt
    cargo run --release --example experiment > rs.txt
    diff py.txt rs.txt

It fits a linear model by mini-batch SGD on synthetic data (inputs from `uniform`,
true weights from `normal`, noise from `standard_normal`, weights initialised with
`normal`, mini-batches from `permutation`), then bootstraps a confidence interval of
the final residuals with `choice`. Sums are written as explicit left-to-right loops so that Python's float
arithmetic and Rust's do the same operations in the same order (np.sum and np.dot
would use pairwise summation / BLAS, which a port would have to mimic separately).
"""
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
