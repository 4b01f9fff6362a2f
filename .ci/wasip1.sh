#!/usr/bin/env bash
# NumPy's Linux numbers on wasm32-wasip1 too (#14): the fixture tests run as WASI modules
# under Node's `node:wasi` (preview1; Node >= 20), through the runner .ci/wasi_runner.mjs,
# which preopens `/` so the tests find fixtures/ by its absolute path. Installs what it
# needs on a clean Debian/Ubuntu machine (the Rust target; nodejs from apt if node is
# missing or older than 20). Left out: python_fixtures, as on musl (CPython's gauss and
# lgamma call sin/cos, which have no permissive glibc-identical port: 1 call differs);
# eval_fixtures (the evaluator's size limits assume a 64-bit usize: on wasm32
# `permutation(2**53 + 1)` panics with "capacity overflow" where NumPy raises
# MemoryError); --lib (passes but for the one test that spawns a thread, and takes about
# 2 minutes as debug wasm: WASIP1_LIB=1 adds it).
set -euo pipefail
cd "$(dirname "$0")/.."
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 20 ]; then
    if command -v apt-get >/dev/null; then
        ${SUDO:-$( [ "$(id -u)" = 0 ] || echo sudo)} apt-get install -y nodejs >/dev/null
    fi
fi
if [ "$(node_major)" -lt 20 ]; then
    # Debian's own nodejs is 18 (no `version: 'preview1'` in node:wasi). A machine without
    # Node 20 skips this step loudly rather than blocking every other check.
    echo "wasip1: SKIPPED, needs Node >= 20 (node:wasi preview1); found $(node --version 2>/dev/null || echo none)" >&2
    exit 0
fi
rustup target add wasm32-wasip1 >/dev/null 2>&1
export CARGO_TARGET_WASM32_WASIP1_RUNNER="node --no-warnings $PWD/.ci/wasi_runner.mjs"
cargo test --target wasm32-wasip1 --test fixtures --test generator_fixtures \
    --test generator_multivariate --test modern_fixtures --test multivariate --test libm \
    --test experiment --test properties
if [ "${WASIP1_LIB:-0}" = 1 ]; then
    # The one lib test that needs threads (a large-stack thread) cannot run on wasip1.
    cargo test --target wasm32-wasip1 --lib -- --skip machine_stack_use_does_not_grow_with_nesting
fi
