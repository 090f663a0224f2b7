/* UTF-8 as Python's strict codec reads it: no overlong form, no surrogate, nothing past
 * U+10FFFF; NUL is refused too (a NUL is binary data in a CSV file). ASCII runs are skipped
 * eight bytes at a time.
 */

#include "utf8.h"

#include <stdint.h>
#include <string.h>

Py_ssize_t validate_utf8(const unsigned char *s, Py_ssize_t from, Py_ssize_t to, int *bad) {
    Py_ssize_t i = from;
    *bad = 0;
    while (i < to) {
        while (i + 8 <= to) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            /* all ASCII and no zero byte */
            if ((w & 0x8080808080808080ULL) || ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL))
                break;
            i += 8;
        }
        if (i >= to) break;
        unsigned char b = s[i];
        if (b < 0x80) {
            if (b == 0) {
                *bad = 1;
                return i;
            }
            i++;
            continue;
        }
        int need;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) need = 1;
        else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            if (b == 0xE0) lo = 0xA0;
            if (b == 0xED) hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;
        } else {
            *bad = 1;
            return i;
        }
        for (int k = 1; k <= need; k++) {
            if (i + k >= to) return i; /* cut by the window: not known to be bad */
            unsigned char c = s[i + k];
            if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) {
                *bad = 1;
                return i;
            }
        }
        i += need + 1;
    }
    return to;
}

