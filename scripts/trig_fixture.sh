#!/usr/bin/env bash
# Writes fixtures/trig/cases.txt: "x sin(x) cos(x)" as 16-hex-digit bit patterns, the
# results MPFR's correctly rounded ones (scripts/trig_mpfr.c), for tests/libm.rs to check
# nprand::math::{sin, cos} (CORE-MATH ports) against on every platform. The arguments:
# IEEE specials, thresholds and CORE-MATH's exceptional arguments with neighbours, a spread
# of powers of two, 100 random draws per range of examples/trig_verify.rs, 200 arguments
# where glibc's sin or cos is not correctly rounded (needs a glibc host), and every 100th
# of CORE-MATH's worst cases (src/binary64/{sin,cos}/*.wc of a CORE-MATH checkout, e.g.
# https://gitlab.inria.fr/core-math/core-math).
#
#   bash scripts/trig_fixture.sh /path/to/core-math
set -euo pipefail
cd "$(dirname "$0")/.."
core_math=${1:?usage: $0 /path/to/core-math}
gcc -O2 -o /tmp/trig_mpfr scripts/trig_mpfr.c -lmpfr -lgmp -lm
cargo build --release --example trig_verify
verify=target/release/examples/trig_verify
{
    "$verify" emit-list specials 0 | awk 'NR <= 280 || NR % 100 == 0'
    for range in pi 2pi sym big bits tiny halfpi; do
        "$verify" emit-list "$range" 100 1
    done
    for range in pi 2pi; do
        "$verify" glibc-list "$range" 1000000 100 2>/dev/null
    done
    python3 - "$core_math" <<'PY'
import struct, sys
seen = set()
for f in ("sin/sin.wc", "cos/cos.wc"):
    for line in open(f"{sys.argv[1]}/src/binary64/{f}"):
        tok = line.split()[0] if line.strip() else "#"
        if tok.startswith("#") or "nan" in tok:
            continue
        x = abs(float.fromhex(tok) if "0x" in tok else float(tok))
        if x not in seen:
            seen.add(x)
            if len(seen) % 100 == 1:
                print("%016x" % struct.unpack("<Q", struct.pack("<d", x))[0])
PY
} | /tmp/trig_mpfr table > fixtures/trig/cases.txt
wc -l fixtures/trig/cases.txt
