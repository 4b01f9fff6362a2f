/* MPFR's correctly rounded sin and cos (mpfr_sin/mpfr_cos at 53 bits, round to nearest,
 * with the exponent range of binary64 so subnormal results round once, as a double
 * does): the oracle for nprand's ports of CORE-MATH's cr_sin/cr_cos (src/math/sin_cos.rs).
 *
 *   gcc -O2 -o /tmp/trig_mpfr scripts/trig_mpfr.c -lmpfr -lgmp -lm
 *
 *   /tmp/trig_mpfr check < records
 *       records: 24-byte little-endian (x, sin x, cos x) doubles, as written by
 *       `cargo run --release --example trig_verify -- emit ...`; prints how many
 *       records, how many sin and cos values differ from MPFR, and the first few.
 *       Exit status 1 on any difference. Both NaN counts as equal.
 *   /tmp/trig_mpfr table < inputs
 *       inputs: one double per line as its 16-hex-digit bit pattern; prints
 *       "x sin cos" bit patterns per line (fixtures/trig/cases.txt).
 */
#include <math.h>
#include <mpfr.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static mpfr_t mx, my;

static double cr(int (*f)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t), double a) {
    if (!isfinite(a)) return NAN;
    mpfr_set_d(mx, a, MPFR_RNDN);
    int t = f(my, mx, MPFR_RNDN);
    t = mpfr_subnormalize(my, t, MPFR_RNDN);
    return mpfr_get_d(my, MPFR_RNDN);
}

static uint64_t bits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }

static int same(double a, double b) {
    return bits(a) == bits(b) || (isnan(a) && isnan(b));
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s check|table\n", argv[0]); return 2; }
    mpfr_set_emin(-1073);
    mpfr_set_emax(1024);
    mpfr_init2(mx, 53);
    mpfr_init2(my, 53);
    if (!strcmp(argv[1], "table")) {
        char line[128];
        while (fgets(line, sizeof line, stdin)) {
            uint64_t u = strtoull(line, 0, 16);
            double x;
            memcpy(&x, &u, 8);
            printf("%016llx %016llx %016llx\n", (unsigned long long)u,
                   (unsigned long long)bits(cr(mpfr_sin, x)), (unsigned long long)bits(cr(mpfr_cos, x)));
        }
        return 0;
    }
    double rec[3];
    long n = 0, bad_sin = 0, bad_cos = 0, shown = 0;
    while (fread(rec, 8, 3, stdin) == 3) {
        n++;
        double s = cr(mpfr_sin, rec[0]), c = cr(mpfr_cos, rec[0]);
        int bs = !same(rec[1], s), bc = !same(rec[2], c);
        bad_sin += bs;
        bad_cos += bc;
        if ((bs || bc) && shown++ < 10)
            printf("    x=%a (%016llx): sin %a mpfr %a, cos %a mpfr %a\n", rec[0],
                   (unsigned long long)bits(rec[0]), rec[1], s, rec[2], c);
    }
    printf("records %ld  sin mismatches %ld  cos mismatches %ld\n", n, bad_sin, bad_cos);
    return bad_sin || bad_cos;
}
