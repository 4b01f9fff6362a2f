#!/usr/bin/env bash
# The `no_std` + `alloc` library (#14): `default-features = false` builds for bare-metal
# targets, x86-64 without an OS (soft-float: the portable kernels) and a Cortex-M4F.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
for target in x86_64-unknown-none thumbv7em-none-eabihf; do
    if ! rustup target add "$target" >/dev/null 2>&1 \
        && ! rustup target list --installed | grep -qx "$target"; then
        if [ "$target" = x86_64-unknown-none ]; then
            echo "cannot install the $target target" >&2
            exit 1
        fi
        echo "################################################################" >&2
        echo "## SKIPPED: no_std build for $target (rustup cannot install it)" >&2
        echo "################################################################" >&2
        continue
    fi
    echo "== no_std build for $target"
    cargo build --target "$target" --no-default-features
done
