#!/usr/bin/env bash
# nprand::global seeded first never reads the clock (#13): on wasm32-unknown-unknown,
# where reading it traps, `global::seed(1); global::random_sample()` must run and give
# NumPy's `np.random.seed(1); np.random.random_sample()` (0.417022004702574). Needs
# node to run the module; skipped without it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v node >/dev/null; then
    echo "wasm_global: node not found, skipped"
    exit 0
fi
rustup target add wasm32-unknown-unknown >/dev/null 2>&1
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/src"
cat > "$dir/Cargo.toml" <<TOML
[package]
name = "wasm-global"
version = "0.1.0"
edition = "2021"
publish = false

[lib]
crate-type = ["cdylib"]

[dependencies]
nprand = { path = "$root", default-features = false, features = ["std"] }

[workspace]
TOML
cat > "$dir/src/lib.rs" <<'RS'
#[no_mangle]
pub extern "C" fn seeded_first() -> f64 {
    nprand::global::seed(1); // np.random.seed(1)
    nprand::global::random_sample() // np.random.random_sample()
}
RS
cat > "$dir/run.js" <<'JS'
const fs = require('fs');
const m = new WebAssembly.Module(fs.readFileSync(process.argv[2]));
const imports = {};
for (const i of WebAssembly.Module.imports(m)) {
  (imports[i.module] ||= {})[i.name] = () => { throw new Error('import ' + i.name); };
}
console.log(new WebAssembly.Instance(m, imports).exports.seeded_first());
JS
(cd "$dir" && CARGO_TARGET_DIR="$dir/target" cargo build --quiet --target wasm32-unknown-unknown)
got="$(node "$dir/run.js" "$dir/target/wasm32-unknown-unknown/debug/wasm_global.wasm")"
if [ "$got" != "0.417022004702574" ]; then
    echo "wasm_global: got '$got', want 0.417022004702574" >&2
    exit 1
fi
echo "wasm_global: $got"
