#!/usr/bin/env bash
# A crate depending on nprand with `default-features = false` that uses only RandomState
# and Mt19937 must compile rand_core and nprand and nothing else (#11). Prints the
# dependency tree and fails if anything else appears.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/src"
cat > "$dir/Cargo.toml" <<TOML
[package]
name = "lean-dependent"
version = "0.1.0"
edition = "2021"
publish = false

[dependencies]
nprand = { path = "$root", default-features = false }

[workspace]
TOML
cat > "$dir/src/main.rs" <<'RS'
fn main() {
    // np.random.seed(12345); np.random.rand(3)
    let mut rs = nprand::RandomState::new(12345);
    let x = rs.rand(&[3]);
    let mut mt = nprand::Mt19937::new(5489);
    println!("{x:?} {}", mt.next_u32());
}
RS
tree="$(cd "$dir" && cargo tree -e normal --prefix none)"
echo "$tree"
others="$(echo "$tree" | awk '{print $1}' | sort -u | grep -v -x -e lean-dependent -e nprand -e rand_core || true)"
if [ -n "$others" ]; then
    echo "lean dependent pulls in more than rand_core: $others" >&2
    exit 1
fi
(cd "$dir" && CARGO_TARGET_DIR="$dir/target" cargo build --release --quiet && ./target/release/lean-dependent)
