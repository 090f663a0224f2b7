/* The checks of one value, each mirroring its Python reference in csvlint/formats/ (numbers,
 * integers, dates, booleans), str.strip's whitespace and the formula rule's trigger. A check
 * that is not sure says no: the exact path then judges the value.
 */

#include "values.h"

#include <string.h>

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static int all_digits(const unsigned char *p, Py_ssize_t n) {
    if (n <= 0) return 0;
    for (Py_ssize_t i = 0; i < n; i++)
        if (!is_digit(p[i])) return 0;
    return 1;
}

/* The number grammar of csvlint/formats/number.py, read the way its parser reads it. With
   `whole`, a fractional part must be all zeros (an integer column that truncates nothing). */
static int number_ok(const ColumnSpec *c, const unsigned char *s, Py_ssize_t n, int whole) {
    Py_ssize_t p = 0, e = n;
    int sign = 0;
    if (p < e && (s[p] == '+' || s[p] == '-')) {
        sign = 1;
        p++;
    }
    Py_ssize_t plen = PyBytes_GET_SIZE(c->prefix), slen = PyBytes_GET_SIZE(c->suffix);
    if (plen && e - p >= plen && memcmp(s + p, PyBytes_AS_STRING(c->prefix), plen) == 0) {
        p += plen;
        if (!sign && p < e && (s[p] == '+' || s[p] == '-')) p++;
    }
    if (c->percent && e > p && s[e - 1] == '%') e--;
    if (slen && e - p >= slen && memcmp(s + e - slen, PyBytes_AS_STRING(c->suffix), slen) == 0)
        e -= slen;
    const unsigned char *body = s + p;
    Py_ssize_t len = e - p;
    /* a value is a few bytes: a loop costs less than calling memchr */
    Py_ssize_t wlen = 0;
    while (wlen < len && body[wlen] != c->decimal) wlen++;
    const unsigned char *point = wlen < len ? body + wlen : NULL;
    if (point) {
        const unsigned char *fraction = point + 1;
        Py_ssize_t flen = len - wlen - 1;
        if (!all_digits(fraction, flen)) return 0;
        if (whole)
            for (Py_ssize_t i = 0; i < flen; i++)
                if (fraction[i] != '0') return 0;
    }
    if (wlen == 0) return point != NULL;
    if (all_digits(body, wlen)) return 1;
    if (!c->thousands) return 0;
    /* grouped: 1-3 digits, then groups of exactly 3 after each separator */
    Py_ssize_t i = 0, group = 0;
    int first = 1;
    for (;;) {
        if (i < wlen && is_digit(body[i])) {
            group++;
            i++;
            continue;
        }
        if (first ? (group < 1 || group > 3) : group != 3) return 0;
        if (i == wlen) return 1;
        if (body[i] != (unsigned char)c->thousands) return 0;
        first = 0;
        group = 0;
        i++;
    }
}

static const char *const MONTHS[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static int date_ok(const ColumnSpec *c, const unsigned char *s, Py_ssize_t n) {
    long fields[6] = {0, 0, 0, 0, 0, 0};
    Py_ssize_t pos = 0;
    for (Py_ssize_t k = 0; k < c->nparts; k++) {
        const DatePart *part = &c->parts[k];
        if (part->code == PART_LITERAL) {
            Py_ssize_t len = PyBytes_GET_SIZE(part->literal);
            const char *literal = PyBytes_AS_STRING(part->literal);
            if (n - pos < len) return 0;
            for (Py_ssize_t i = 0; i < len; i++) /* a separator or two: no memcmp call */
                if (s[pos + i] != (unsigned char)literal[i]) return 0;
            pos += len;
            continue;
        }
        if (part->code == PART_MMM) {
            int found = 0;
            if (n - pos >= 3)
                for (int m = 0; m < 12; m++)
                    if (memcmp(s + pos, MONTHS[m], 3) == 0) {
                        fields[FIELD_MONTH] = m + 1;
                        found = 1;
                        break;
                    }
            if (!found) return 0;
            pos += 3;
            continue;
        }
        int fewest = 2, most = 2, field = FIELD_YEAR;
        switch (part->code) {
        case PART_YYYY: fewest = most = 4; field = FIELD_YEAR; break;
        case PART_YY: field = FIELD_YEAR; break;
        case PART_MM: field = FIELD_MONTH; break;
        case PART_M: fewest = 1; field = FIELD_MONTH; break;
        case PART_DD: field = FIELD_DAY; break;
        case PART_D: fewest = 1; field = FIELD_DAY; break;
        case PART_HH: field = FIELD_HOUR; break;
        case PART_MIN: field = FIELD_MINUTE; break;
        case PART_SS: field = FIELD_SECOND; break;
        default: return 0;
        }
        Py_ssize_t end = pos;
        long value = 0;
        while (end < n && end - pos < most && is_digit(s[end])) value = value * 10 + (s[end++] - '0');
        if (end - pos < fewest) return 0;
        fields[field] = value + (part->code == PART_YY ? 2000 : 0);
        pos = end;
    }
    if (pos != n) return 0;
    long year = fields[FIELD_YEAR], month = fields[FIELD_MONTH], day = fields[FIELD_DAY];
    if (year < 1 || month < 1 || month > 12 || day < 1) return 0;
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    long last = days[month - 1] + (month == 2 && leap);
    if (day > last) return 0;
    return fields[FIELD_HOUR] < 24 && fields[FIELD_MINUTE] < 60 && fields[FIELD_SECOND] < 60;
}

/* The code point starting at `s` (valid UTF-8), and its length. */
static uint32_t decode_at(const unsigned char *s, int *len) {
    unsigned char b = s[0];
    if (b < 0x80) { *len = 1; return b; }
    if (b < 0xE0) { *len = 2; return ((uint32_t)(b & 0x1F) << 6) | (s[1] & 0x3F); }
    if (b < 0xF0) {
        *len = 3;
        return ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    *len = 4;
    return ((uint32_t)(b & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
           ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

/* Python's str.isspace, for one code point. */
static int is_space(uint32_t c) {
    if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    switch (c) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000:
        return 1;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

/* Whether a value starts or ends with whitespace (as str.strip sees it). */
static int padded(const unsigned char *s, Py_ssize_t n) {
    if (n == 0) return 0;
    int len;
    if (is_space(decode_at(s, &len))) return 1;
    Py_ssize_t start = n - 1;
    while (start > 0 && (s[start] & 0xC0) == 0x80) start--;
    return is_space(decode_at(s + start, &len));
}

/* The "number" that rules/val309_formula_injection.py lets start with a sign, in ASCII only:
   [+-]? (digit [digit,.' ]* | \.digit+)? ([eE][+-]?digit+)? %?  (a non-ASCII digit makes the
   scanner decline, which is safe). */
static int formula_number(const unsigned char *s, Py_ssize_t n) {
    Py_ssize_t p = 0, e = n;
    if (p < e && (s[p] == '+' || s[p] == '-')) p++;
    if (e > p && s[e - 1] == '%') e--;
    Py_ssize_t mark = e;
    for (Py_ssize_t i = p; i < e; i++)
        if (s[i] == 'e' || s[i] == 'E') {
            mark = i;
            break;
        }
    if (mark < e) {
        Py_ssize_t q = mark + 1;
        if (q < e && (s[q] == '+' || s[q] == '-')) q++;
        if (!all_digits(s + q, e - q)) return 0;
    }
    Py_ssize_t len = mark - p;
    const unsigned char *core = s + p;
    if (len == 0) return 1;
    if (is_digit(core[0])) {
        for (Py_ssize_t i = 1; i < len; i++) {
            unsigned char ch = core[i];
            if (!(is_digit(ch) || ch == ',' || ch == '.' || ch == '\'' || ch == ' ')) return 0;
        }
        return 1;
    }
    return core[0] == '.' && all_digits(core + 1, len - 1);
}

/* Whether a value is valid in its column; a key's uniqueness is judged apart (it needs the
   whole record to be clean before the key is remembered). */
int value_ok(const ColumnSpec *c, const unsigned char *s, Py_ssize_t n) {
    if ((c->unique || c->required) && n == 0) return 0;
    if (c->padding && padded(s, n)) return 0;
    if (c->items && n && keyset_get(c->items, s, (size_t)n) < 0) return 0;
    if (c->formula && n) {
        unsigned char first = s[0];
        if ((first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ||
             first == '\r') && !formula_number(s, n))
            return 0;
    }
    if (n == 0) return 1;
    switch (c->kind) {
    case KIND_NUMBER: return number_ok(c, s, n, 0);
    case KIND_INTEGER: return number_ok(c, s, n, 1);
    case KIND_DATE: return date_ok(c, s, n);
    case KIND_BOOLEAN: return keyset_get(c->words, s, (size_t)n) >= 0;
    default: return 1;
    }
}

int value_verdict(const ColumnSpec *c, const unsigned char *s, Py_ssize_t n) {
    if (value_ok(c, s, n)) return VALUE_OK;
    if (!c->deferred) return VALUE_DECLINED;
    /* a format, the column's only check; or a padded value or an unknown item (a blank one
       is the exact path's) */
    return c->kind != KIND_NONE || n ? VALUE_INVALID : VALUE_DECLINED;
}

static int keyset_or_none(PyObject *obj, KeySet **out, const char *what) {
    if (obj == Py_None) {
        *out = NULL;
        return 0;
    }
    if (!PyObject_TypeCheck(obj, &KeySetType)) {
        PyErr_Format(PyExc_TypeError, "%s must be a KeySet or None", what);
        return -1;
    }
    *out = (KeySet *)obj;
    return 0;
}

/* A column: (index, kind, unique keys, items, padding, formula, format[, required[,
   deferred]]) where format is (decimal, thousands, prefix, suffix, percent) for numbers, the
   parts ((code, literal), ...) for dates, the KeySet of words for booleans, and None otherwise;
   `required` declines a blank value; `deferred` hands over as a cell a value that fails the
   format, in a column with a format and no other check, or a padded value or an unknown item
   (not blank), in a column with no format and no keys; any other failure is declined. */
int column_spec(PyObject *item, ColumnSpec *c, Py_ssize_t width) {
    PyObject *keys, *items, *format;
    memset(c, 0, sizeof(*c));
    if (!PyArg_ParseTuple(item, "niOOppO|pp:column", &c->index, &c->kind, &keys, &items,
                          &c->padding, &c->formula, &format, &c->required, &c->deferred))
        return -1;
    if (c->index < 0 || c->index >= width) {
        PyErr_SetString(PyExc_ValueError, "column index outside the record");
        return -1;
    }
    if (keyset_or_none(keys, &c->keys, "keys") < 0 || keyset_or_none(items, &c->items, "items") < 0)
        return -1;
    if (c->items && keyset_freeze(c->items) < 0) return -1;
    c->unique = c->keys != NULL;
    /* a cell is a value failing the format, in a column with no other check, or a padded
       value or an unknown item, in a column with no format and no keys: anything else stays a
       decline */
    int format_only = c->kind != KIND_NONE && !c->items && !c->padding && !c->required;
    int items_only = c->kind == KIND_NONE && (c->items || c->padding);
    c->deferred = c->deferred && !c->unique && !c->formula && (format_only || items_only);
    if (c->kind == KIND_NUMBER || c->kind == KIND_INTEGER) {
        const char *dec, *th;
        Py_ssize_t dlen, tlen;
        if (!PyArg_ParseTuple(format, "y#y#SSp:number format", &dec, &dlen, &th, &tlen, &c->prefix,
                              &c->suffix, &c->percent))
            return -1;
        if (dlen != 1 || tlen > 1 || !PyBytes_Check(c->prefix) || !PyBytes_Check(c->suffix)) {
            PyErr_SetString(PyExc_ValueError, "separators are single bytes, affixes bytes");
            return -1;
        }
        c->decimal = dec[0];
        c->thousands = tlen ? th[0] : 0;
    } else if (c->kind == KIND_DATE) {
        PyObject *fast = PySequence_Fast(format, "date parts must be a sequence");
        if (fast == NULL) return -1;
        c->nparts = PySequence_Fast_GET_SIZE(fast);
        c->parts = PyMem_Calloc((size_t)(c->nparts ? c->nparts : 1), sizeof(DatePart));
        if (c->parts == NULL) {
            Py_DECREF(fast);
            PyErr_NoMemory();
            return -1;
        }
        for (Py_ssize_t k = 0; k < c->nparts; k++) {
            DatePart *part = &c->parts[k];
            if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(fast, k), "iS:date part", &part->code,
                                  &part->literal) ||
                part->code < PART_LITERAL || part->code > PART_SS) {
                if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "unknown date part");
                Py_DECREF(fast);
                return -1;
            }
        }
        Py_DECREF(fast);
    } else if (c->kind == KIND_BOOLEAN) {
        if (keyset_or_none(format, &c->words, "boolean words") < 0) return -1;
        if (c->words && keyset_freeze(c->words) < 0) return -1;
        if (c->words == NULL) {
            PyErr_SetString(PyExc_ValueError, "a boolean column needs its words");
            return -1;
        }
    } else if (c->kind != KIND_NONE) {
        PyErr_SetString(PyExc_ValueError, "unknown column kind");
        return -1;
    }
    return 0;
}

