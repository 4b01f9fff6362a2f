// Cargo's runner for wasm32-wasip1 test binaries (CARGO_TARGET_WASM32_WASIP1_RUNNER):
// runs the module under Node's WASI (preview1), with the arguments libtest was given,
// the environment, and the whole file system preopened at `/` so that absolute paths
// (CARGO_MANIFEST_DIR/fixtures, NPRAND_FIXTURES_DIR) resolve as on the host.
import { readFile } from "node:fs/promises";
import process from "node:process";
import { WASI } from "node:wasi";

const [wasm, ...args] = process.argv.slice(2);
const wasi = new WASI({
  version: "preview1",
  args: [wasm, ...args],
  env: process.env,
  preopens: { "/": "/" },
  returnOnExit: true,
});
const module = await WebAssembly.compile(await readFile(wasm));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
