#!/usr/bin/env bash
# Runs nprand's SIMD tests on an emulated AVX-512 CPU, for machines without one.
#
# QEMU's TCG (7.2 here) has no AVX-512 and Intel's SDE is not in any package registry;
# Bochs (Debian's build has the EVEX decoder) emulates a whole Skylake-X PC with it (its
# Tiger Lake model hangs Linux 6.1 early in boot, in a page-fault loop). The
# script builds a small Linux kernel (tinyconfig plus a serial console, initramfs and
# futexes, from Debian's linux-source-6.1), the test binaries for the static musl target,
# and a boot CD whose /init (scripts/avx512_init) prints the CPU features the tests see,
# runs every test binary, and prints a summary line; then boots it in Bochs and waits for
# that line. Bochs interprets every instruction (tens of millions a second here), so the
# run takes minutes and only correctness means anything in it: no timing.
#
#   scripts/avx512_emulated.sh [FILTER ...]   (unit-test name filters; default: the SIMD
#                                             kernels' tests against their twins)
#
# Needs apt-get (bochs, bochsbios, vgabios, isolinux, syslinux-common, xorriso, cpio,
# flex, bison, bc, libelf-dev, and the kernel source) and about 15 minutes the first time
# (the kernel build, cached under target/avx512-emu), 5-10 after. Exit status: 0 if
# every test binary passed in the guest.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/target/avx512-emu
mkdir -p "$work"
# Test-name filters for the library's unit tests and for tests/mt19937_perf.rs: by
# default the tests of the AVX-512 kernels (MT19937's, each against its portable twin, and
# the scalar read-ahead they fill; `log_slice`'s, `exp_slice`'s, `pow_slice`'s, the legacy
# polar loop's and the Generator's exponential ziggurat's, against their scalar twins),
# and none that reads fixture files (the guest has only the binaries). Pass others to run
# more: every emulated instruction is slow, and the statistical kernels' tests take many
# minutes.
lib_filters=("$@")
if [ ${#lib_filters[@]} -eq 0 ]; then
    lib_filters=(mt19937::simd:: mt19937::tests:: math::log_slice:: math::exp_slice::
        math::pow_slice:: legacy::polar_simd:: generator::exponential_simd::)
fi
perf_filters=(simd_and_portable fill_bytes rand_mt_crate for_small_n)

need=()
for p in bochs bochsbios vgabios isolinux syslinux-common xorriso cpio flex bison bc libelf-dev; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    apt-get install -y -q "${need[@]}" >/dev/null
fi

# The kernel, once.
kernel=$work/bzImage
if [ ! -f "$kernel" ]; then
    (
        cd "$work"
        apt-get download linux-source-6.1 >/dev/null 2>&1
        dpkg-deb -x linux-source-6.1_*.deb src
        tar xf src/usr/src/linux-source-6.1.tar.xz -C src
        cd src/linux-source-6.1
        make tinyconfig >/dev/null
        for o in 64BIT BLK_DEV_INITRD RD_GZIP PRINTK TTY SERIAL_8250 SERIAL_8250_CONSOLE \
            BINFMT_ELF FUTEX EPOLL PROC_FS SYSFS MULTIUSER POSIX_TIMERS; do
            scripts/config --enable "$o"
        done
        make olddefconfig >/dev/null
        make -j"$(nproc)" bzImage >/dev/null
        cp arch/x86/boot/bzImage "$kernel"
    )
fi

# The guest's programs: /init and the test binaries (static, musl).
rustup target add x86_64-unknown-linux-musl >/dev/null 2>&1 || true
(cd scripts/avx512_init && cargo build -q --release --target x86_64-unknown-linux-musl)
bins=$(cargo test -q --release --target x86_64-unknown-linux-musl --lib --test mt19937_perf \
    --no-run --message-format=json 2>/dev/null |
    python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["profile"]["test"]:
        print(m["executable"])')
rm -rf "$work/initramfs" "$work/iso"
mkdir -p "$work/initramfs/dev" "$work/initramfs/t" "$work/iso/isolinux"
cp scripts/avx512_init/target/x86_64-unknown-linux-musl/release/avx512-init "$work/initramfs/init"
for b in $bins; do
    name=$(basename "$b")
    cp "$b" "$work/initramfs/t/$name"
    case $name in
        nprand-*) printf '%s\n' "${lib_filters[@]}" --test-threads=1 ;;
        *) printf '%s\n' "${perf_filters[@]}" --test-threads=1 ;;
    esac > "$work/initramfs/t/$name.args"
done
mknod "$work/initramfs/dev/console" c 5 1
mknod "$work/initramfs/dev/null" c 1 3
(cd "$work/initramfs" && find . | cpio -o -H newc 2>/dev/null | gzip -1 > "$work/iso/initrd.img")
cp "$kernel" "$work/iso/vmlinuz"
cp /usr/lib/ISOLINUX/isolinux.bin /usr/lib/syslinux/modules/bios/ldlinux.c32 "$work/iso/isolinux/"
# clearcpuid: Bochs 2.7's CPUID leaf 0xD lists the PKRU state with size 0 and gives the
# standard size for the compacted (XSAVEC/XSAVES) format; the kernel then turns XSAVE
# off, and AVX with it. Without PKU (515, 516), XSAVEC (321) and XSAVES (323) it keeps
# AVX and AVX-512. idle=halt: the plainest idle loop for an emulator.
cat > "$work/iso/isolinux/isolinux.cfg" <<'EOF'
DEFAULT t
PROMPT 0
TIMEOUT 0
LABEL t
  KERNEL /vmlinuz
  APPEND initrd=/initrd.img console=ttyS0,115200 panic=-1 idle=halt clearcpuid=515,516,321,323
EOF
xorriso -as mkisofs -quiet -o "$work/boot.iso" -b isolinux/isolinux.bin -c isolinux/boot.cat \
    -no-emul-boot -boot-load-size 4 -boot-info-table "$work/iso" 2>/dev/null

cat > "$work/bochsrc" <<EOF
megs: 1024
cpu: model=corei7_skylake_x, count=1, ips=100000000
romimage: file=/usr/share/bochs/BIOS-bochs-latest
vgaromimage: file=/usr/share/bochs/VGABIOS-lgpl-latest
ata0-master: type=cdrom, path=$work/boot.iso, status=inserted
boot: cdrom
com1: enabled=1, mode=file, dev=$work/serial.out
display_library: rfb, options="timeout=0"
clock: sync=none, time0=local
log: $work/bochs.log
panic: action=fatal
error: action=ignore
info: action=ignore
debug: action=ignore
EOF
# Debian's Bochs has its debugger built in and stops before the first instruction.
echo c > "$work/debugger.rc"
rm -f "$work/serial.out"
timeout 3600 bochs -q -f "$work/bochsrc" -rc "$work/debugger.rc" >"$work/bochs.stdout" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; pkill -f "bochs-bin -q -q -f $work/bochsrc" 2>/dev/null || true' EXIT
while ! grep -q "avx512-harness: done" "$work/serial.out" 2>/dev/null; do
    if ! kill -0 $pid 2>/dev/null; then
        echo "bochs stopped before the tests finished; see $work/serial.out and $work/bochs.log" >&2
        exit 1
    fi
    sleep 5
done
grep -a -E "avx512-harness|^test |test result|panicked|FAILED" "$work/serial.out"
grep -q "avx512-harness: done, 0 of" "$work/serial.out"
