//! The guest's `/init` for `scripts/avx512_emulated.sh`: reports the CPU features the
//! tests will see, runs every test binary in `/t` (each with `/t/<name>.args`, one
//! argument a line), and prints one summary line the host script waits for. PID 1 must
//! not exit (the kernel would panic), so it idles at the end until the host stops the
//! emulator.

use std::process::Command;

fn main() {
    println!(
        "avx512-harness: avx2 {} fma {} avx512f {} avx512dq {} avx512vl {} avx512bw {}",
        is_x86_feature_detected!("avx2"),
        is_x86_feature_detected!("fma"),
        is_x86_feature_detected!("avx512f"),
        is_x86_feature_detected!("avx512dq"),
        is_x86_feature_detected!("avx512vl"),
        is_x86_feature_detected!("avx512bw"),
    );
    let mut names: Vec<_> = std::fs::read_dir("/t")
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.retain(|p| p.extension().is_none());
    names.sort();
    let mut failed = 0;
    for bin in &names {
        let args = std::fs::read_to_string(bin.with_extension("args")).unwrap_or_default();
        println!("avx512-harness: running {}", bin.display());
        let ok = Command::new(bin)
            .args(args.lines().filter(|l| !l.is_empty()))
            .env("RUST_BACKTRACE", "1")
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            failed += 1;
        }
        println!("avx512-harness: {} {}", bin.display(), if ok { "ok" } else { "FAILED" });
    }
    println!("avx512-harness: done, {} of {} binaries failed", failed, names.len());
    loop {
        std::thread::sleep(std::time::Duration::from_secs(3600));
    }
}
