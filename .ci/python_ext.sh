#!/usr/bin/env bash
# The Python package in python/ (#17): build the extension with maturin in a fresh
# virtual environment and run its pytest suite against live NumPy 2.4.6 and this
# machine's CPython (3.11 on CI). Needs python3 with venv and pip, and the network for
# pip. Set PYTHON to choose the interpreter.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
start=$(date +%s)
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
"${PYTHON:-python3}" -m venv "$dir/venv"
"$dir/venv/bin/python" -m pip install -q --disable-pip-version-check \
    -r "$root/scripts/requirements.txt" -r "$root/python/requirements-ci.txt"
cd "$root/python"
# The `ci` profile (python/Cargo.toml): unoptimised, no LTO; the tests need exactness,
# not speed.
VIRTUAL_ENV="$dir/venv" PATH="$dir/venv/bin:$PATH" maturin develop --profile ci -q
"$dir/venv/bin/python" -m pytest -q -p no:cacheprovider tests
echo "python_ext: $(( $(date +%s) - start )) s"
