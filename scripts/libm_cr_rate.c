/* How often the platform libm's sin, cos and acos differ from the correctly rounded
 * result (what any correctly rounded implementation, e.g. CORE-MATH's cr_sin/cr_cos/
 * cr_acos, returns: the correctly rounded double is unique, so MPFR's answer is exactly
 * what a CORE-MATH port would give). Used for issue #14 to decide whether a correctly
 * rounded pure-Rust port can reproduce glibc's sin/cos/acos (it cannot: see the report
 * in docs or the commit message).
 *
 *   apt-get install libmpfr-dev
 *   gcc -O2 -o /tmp/libm_cr_rate scripts/libm_cr_rate.c -lmpfr -lgmp -lm
 *   /tmp/libm_cr_rate <sin|cos|acos> <count> <range> [seed]
 *
 * range: pi   uniform [0, pi)      (legacy/Generator vonmises: cos(pi*U))
 *        2pi  uniform [0, 2pi)     (CPython gauss: cos/sin(2pi*U))
 *        sym  uniform [-pi, pi)
 *        unit uniform [-1, 1)      (vonmises: acos(W))
 *        big  uniform [-1e6, 1e6)
 *        bits random bit patterns (finite; acos: |x| <= 1 only)
 * Prints inputs, mismatches, how many of those are more than 1 ulp off, and examples.
 */
#include <math.h>
#include <mpfr.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;
static uint64_t next(void) { /* SplitMix64 */
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
static double unit(void) { return (next() >> 11) * 0x1p-53; }

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: %s fn count range [seed]\n", argv[0]); return 2; }
    const char *fn = argv[1], *range = argv[3];
    long count = atol(argv[2]);
    state = argc > 4 ? strtoull(argv[4], 0, 10) : 1;
    mpfr_t x, y;
    mpfr_init2(x, 53);
    mpfr_init2(y, 53);
    long tried = 0, bad = 0, far = 0, shown = 0;
    while (tried < count) {
        double a;
        if (!strcmp(range, "pi")) a = M_PI * unit();
        else if (!strcmp(range, "2pi")) a = 2 * M_PI * unit();
        else if (!strcmp(range, "sym")) a = M_PI * (2 * unit() - 1);
        else if (!strcmp(range, "unit")) a = 2 * unit() - 1;
        else if (!strcmp(range, "big")) a = 1e6 * (2 * unit() - 1);
        else { uint64_t b = next(); memcpy(&a, &b, 8); if (!isfinite(a)) continue; }
        double lib, cr;
        mpfr_set_d(x, a, MPFR_RNDN);
        if (!strcmp(fn, "sin")) { lib = sin(a); mpfr_sin(y, x, MPFR_RNDN); }
        else if (!strcmp(fn, "cos")) { lib = cos(a); mpfr_cos(y, x, MPFR_RNDN); }
        else { if (fabs(a) > 1) continue; lib = acos(a); mpfr_acos(y, x, MPFR_RNDN); }
        cr = mpfr_get_d(y, MPFR_RNDN);
        tried++;
        if (memcmp(&lib, &cr, 8)) {
            bad++;
            if (fabs(lib - cr) > fabs(nextafter(cr, 2 * lib) - cr)) far++;
            if (shown++ < 5) printf("    x=%a libm=%a cr=%a\n", a, lib, cr);
        }
    }
    printf("%s %s: %ld inputs, %ld differ from correctly rounded (%.3g), %ld by more than 1 ulp\n",
           fn, range, tried, bad, (double)bad / tried, far);
    return 0;
}
