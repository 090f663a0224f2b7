/* The native fast path of the csvlint reader: it vouches for runs of clean records.
 *
 * `Scanner.scan` reads records from a buffer of UTF-8 bytes for as long as each one is clean:
 * valid UTF-8 without NUL, the strict grammar of csvlint/reader/grammar.py with no anomaly, the
 * header's width, the file's line ending, not blank, no field over the size limit, and every
 * mapped value valid under its column's format, known item, unpadded key, unique key. It stops
 * at the first record it cannot vouch for, and the Python reader (the exact path, which is the
 * reference) reads that record and reports what is wrong. So the scanner never reports: it may
 * only decline, and declining is always safe.
 *
 * `KeySet` holds byte strings with the line each was first seen on: the unique keys of a file
 * (shared with the exact path's duplicate-key rule), a dimension's items, a column's boolean
 * words. Keys live in an arena and a table of 8-byte slots, about 30 bytes for a 12-byte key.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------ */
/* KeySet                                                                                      */

#define ARENA_PAGE (1 << 20)

typedef struct {
    PyObject_HEAD
    uint64_t *slots;      /* 0: empty; else (hash32 << 32) | (entry reference + 1) */
    size_t capacity;      /* a power of two */
    size_t count;
    unsigned char **pages;
    size_t npages;
    size_t page_used;     /* bytes used in the last page */
    unsigned char **big;  /* entries too long for a page, each allocated alone */
    size_t nbig;
    /* once frozen (a dimension's items, a column's words), keys of up to 8 bytes are found in
       a table of the keys themselves, zero-padded: no hash, no arena */
    int frozen;
    uint64_t *words;
    size_t words_mask;
} KeySet;

/* An entry reference: an arena offset, or (with this bit) the index of a long entry. */
#define BIG_ENTRY 0x80000000ULL

static uint64_t hash_bytes(const unsigned char *p, size_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t)n;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
        p += 8;
        n -= 8;
    }
    if (n) {
        uint64_t w = 0;
        memcpy(&w, p, n);
        h = (h ^ w) * 0x94D049BB133111EBULL;
    }
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ULL;
    h ^= h >> 32;
    return h;
}

/* An entry in the arena: the line (4 bytes), the length (LEB128), the bytes. */
static const unsigned char *entry_at(const KeySet *s, uint64_t offset) {
    if (offset & BIG_ENTRY) return s->big[offset & ~BIG_ENTRY];
    return s->pages[offset / ARENA_PAGE] + offset % ARENA_PAGE;
}

static size_t entry_key(const unsigned char *e, const unsigned char **key) {
    size_t len = 0;
    int shift = 0;
    const unsigned char *p = e + 4;
    for (;;) {
        unsigned char b = *p++;
        len |= (size_t)(b & 0x7F) << shift;
        if (!(b & 0x80)) break;
        shift += 7;
    }
    *key = p;
    return len;
}

static uint32_t entry_line(const unsigned char *e) {
    uint32_t line;
    memcpy(&line, e, 4);
    return line;
}

/* A slot's place comes from the hash's top 32 bits, which the slot keeps: the table grows
   without reading a key again. */
static size_t slot_home(uint32_t tag, size_t capacity) {
    return (size_t)(((uint64_t)tag * capacity) >> 32);
}

/* The slot holding `key`, or the empty slot where it would go. */
static size_t keyset_find(const KeySet *s, const unsigned char *key, size_t n, uint64_t h) {
    size_t mask = s->capacity - 1;
    uint32_t tag = (uint32_t)(h >> 32);
    size_t i = slot_home(tag, s->capacity);
    for (;;) {
        uint64_t slot = s->slots[i];
        if (slot == 0) return i;
        if ((uint32_t)(slot >> 32) == tag) {
            const unsigned char *stored;
            size_t len = entry_key(entry_at(s, (slot & 0xFFFFFFFFULL) - 1), &stored);
            if (len == n && memcmp(stored, key, n) == 0) return i;
        }
        i = (i + 1) & mask;
    }
}

static int keyset_grow(KeySet *s) {
    size_t capacity = s->capacity ? s->capacity * 2 : 1024;
    uint64_t *slots = PyMem_Calloc(capacity, sizeof(uint64_t));
    if (slots == NULL) return -1;
    size_t mask = capacity - 1;
    for (size_t j = 0; j < s->capacity; j++) {
        uint64_t slot = s->slots[j];
        if (slot == 0) continue;
        size_t i = slot_home((uint32_t)(slot >> 32), capacity);
        while (slots[i]) i = (i + 1) & mask;
        slots[i] = slot;
    }
    PyMem_Free(s->slots);
    s->slots = slots;
    s->capacity = capacity;
    return 0;
}

static uint64_t short_word(const unsigned char *key, size_t n) {
    uint64_t w = 0;
    memcpy(&w, key, n);
    return w;
}

static size_t word_home(uint64_t w, size_t mask) {
    return (size_t)((w * 0x9E3779B97F4A7C15ULL) >> 40) & mask;
}

/* The line `key` was first seen on, or -1 when it is new. */
static long keyset_get(const KeySet *s, const unsigned char *key, size_t n) {
    if (s->count == 0) return -1;
    if (s->words) {
        /* a frozen set of short keys without NUL: the zero-padded key is the key */
        if (n > 8 || n == 0) return -1;
        uint64_t w = short_word(key, n);
        for (size_t i = word_home(w, s->words_mask);; i = (i + 1) & s->words_mask) {
            if (s->words[i] == w) return 0;
            if (s->words[i] == 0) return -1;
        }
    }
    uint64_t h = hash_bytes(key, n);
    uint64_t slot = s->slots[keyset_find(s, key, n, h)];
    if (slot == 0) return -1;
    return (long)entry_line(entry_at(s, (slot & 0xFFFFFFFFULL) - 1));
}

/* Writes an entry (line, LEB128 length, bytes) at `e`; returns its size. */
static size_t write_entry(unsigned char *e, const unsigned char *key, size_t n, uint32_t line) {
    memcpy(e, &line, 4);
    unsigned char *p = e + 4;
    size_t len = n;
    do {
        unsigned char b = len & 0x7F;
        len >>= 7;
        *p++ = b | (len ? 0x80 : 0);
    } while (len);
    memcpy(p, key, n);
    return (size_t)(p - e) + n;
}

/* Room for an entry of `need` bytes: its reference, or -1 with the Python error set. */
static int64_t keyset_reserve_entry(KeySet *s, size_t need, unsigned char **at) {
    if (need > ARENA_PAGE / 16) {
        unsigned char **big = PyMem_Realloc(s->big, (s->nbig + 1) * sizeof(*big));
        if (big == NULL) goto no_memory;
        s->big = big;
        if ((s->big[s->nbig] = PyMem_Malloc(need)) == NULL) goto no_memory;
        *at = s->big[s->nbig];
        return (int64_t)(BIG_ENTRY | s->nbig++);
    }
    if (s->npages == 0 || s->page_used + need > ARENA_PAGE) {
        if ((s->npages + 1) * (uint64_t)ARENA_PAGE >= BIG_ENTRY) {
            PyErr_SetString(PyExc_MemoryError, "key set over 2 GiB");
            return -1;
        }
        unsigned char **pages = PyMem_Realloc(s->pages, (s->npages + 1) * sizeof(*pages));
        if (pages == NULL) goto no_memory;
        s->pages = pages;
        if ((s->pages[s->npages] = PyMem_Malloc(ARENA_PAGE)) == NULL) goto no_memory;
        s->npages++;
        s->page_used = 0;
    }
    *at = s->pages[s->npages - 1] + s->page_used;
    s->page_used += need; /* given back below by the caller when the entry is shorter */
    return (int64_t)((uint64_t)(s->npages - 1) * ARENA_PAGE + s->page_used - need);
no_memory:
    PyErr_NoMemory();
    return -1;
}

/* Adds a key known to be new, whose hash is `h`, at `slot` when it is the free slot
   keyset_find gave (else pass SIZE_MAX). -1 with the Python error set. */
static int keyset_insert_at(KeySet *s, const unsigned char *key, size_t n, uint32_t line,
                            uint64_t h, size_t slot) {
    if (s->frozen) {
        PyErr_SetString(PyExc_ValueError, "this key set is frozen");
        return -1;
    }
    if ((s->count + 1) * 10 > s->capacity * 7) {
        if (keyset_grow(s) < 0) {
            PyErr_NoMemory();
            return -1;
        }
        slot = SIZE_MAX;
    }
    size_t need = 4 + 10 + n;
    unsigned char *e;
    int64_t ref = keyset_reserve_entry(s, need, &e);
    if (ref < 0) return -1;
    size_t used = write_entry(e, key, n, line);
    if (!((uint64_t)ref & BIG_ENTRY)) s->page_used -= need - used;
    if (slot == SIZE_MAX) slot = keyset_find(s, key, n, h);
    s->slots[slot] = ((h >> 32) << 32) | ((uint64_t)ref + 1);
    s->count++;
    return 0;
}

static int keyset_insert_hashed(KeySet *s, const unsigned char *key, size_t n, uint32_t line,
                                uint64_t h) {
    return keyset_insert_at(s, key, n, line, h, SIZE_MAX);
}

static int keyset_insert(KeySet *s, const unsigned char *key, size_t n, uint32_t line) {
    return keyset_insert_hashed(s, key, n, line, hash_bytes(key, n));
}

static void keyset_dealloc(KeySet *s) {
    for (size_t i = 0; i < s->npages; i++) PyMem_Free(s->pages[i]);
    PyMem_Free(s->pages);
    for (size_t i = 0; i < s->nbig; i++) PyMem_Free(s->big[i]);
    PyMem_Free(s->big);
    PyMem_Free(s->words);
    PyMem_Free(s->slots);
    Py_TYPE(s)->tp_free((PyObject *)s);
}

static int keyset_init(KeySet *s, PyObject *args, PyObject *kwds) {
    static char *names[] = {NULL};
    (void)s;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, ":KeySet", names)) return -1;
    return 0;
}

/* A key given from Python: a str (as UTF-8) or bytes. */
static int key_bytes(PyObject *key, const char **data, Py_ssize_t *n) {
    if (PyUnicode_Check(key)) {
        *data = PyUnicode_AsUTF8AndSize(key, n);
        return *data ? 0 : -1;
    }
    if (PyBytes_Check(key)) {
        *data = PyBytes_AS_STRING(key);
        *n = PyBytes_GET_SIZE(key);
        return 0;
    }
    PyErr_SetString(PyExc_TypeError, "a key is a str or bytes");
    return -1;
}

static int line_value(PyObject *obj, uint32_t *line) {
    unsigned long value = PyLong_AsUnsignedLong(obj);
    if (value == (unsigned long)-1 && PyErr_Occurred()) return -1;
    *line = value > 0xFFFFFFFFUL ? 0xFFFFFFFFU : (uint32_t)value;
    return 0;
}

static PyObject *keyset_get_py(KeySet *s, PyObject *key) {
    const char *data;
    Py_ssize_t n;
    if (key_bytes(key, &data, &n) < 0) return NULL;
    long line = keyset_get(s, (const unsigned char *)data, (size_t)n);
    if (line < 0) Py_RETURN_NONE;
    return PyLong_FromLong(line);
}

static PyObject *keyset_add_py(KeySet *s, PyObject *args) {
    PyObject *key, *line_obj;
    if (!PyArg_ParseTuple(args, "OO:add", &key, &line_obj)) return NULL;
    const char *data;
    Py_ssize_t n;
    uint32_t line;
    if (key_bytes(key, &data, &n) < 0 || line_value(line_obj, &line) < 0) return NULL;
    long first = keyset_get(s, (const unsigned char *)data, (size_t)n);
    if (first >= 0) return PyLong_FromLong(first);
    if (n == 0) Py_RETURN_NONE; /* an empty key is never kept */
    if (keyset_insert(s, (const unsigned char *)data, (size_t)n, line) < 0) return NULL;
    Py_RETURN_NONE;
}

/* Adds every key (distinct, as the caller ensures) when none is in the set yet, skipping empty
   ones; returns True then, and False (adding nothing) when one was there. */
static PyObject *keyset_add_all_new_py(KeySet *s, PyObject *args) {
    PyObject *keys, *lines;
    if (!PyArg_ParseTuple(args, "OO:add_all_new", &keys, &lines)) return NULL;
    PyObject *kf = PySequence_Fast(keys, "keys must be a sequence");
    if (kf == NULL) return NULL;
    PyObject *lf = PySequence_Fast(lines, "lines must be a sequence");
    if (lf == NULL) {
        Py_DECREF(kf);
        return NULL;
    }
    Py_ssize_t count = PySequence_Fast_GET_SIZE(kf);
    PyObject *result = NULL;
    if (PySequence_Fast_GET_SIZE(lf) != count) {
        PyErr_SetString(PyExc_ValueError, "keys and lines differ in length");
        goto done;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        const char *data;
        Py_ssize_t n;
        if (key_bytes(PySequence_Fast_GET_ITEM(kf, i), &data, &n) < 0) goto done;
        if (n && keyset_get(s, (const unsigned char *)data, (size_t)n) >= 0) {
            result = Py_NewRef(Py_False);
            goto done;
        }
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        const char *data;
        Py_ssize_t n;
        uint32_t line;
        if (key_bytes(PySequence_Fast_GET_ITEM(kf, i), &data, &n) < 0) goto done;
        if (n == 0) continue;
        if (line_value(PySequence_Fast_GET_ITEM(lf, i), &line) < 0) goto done;
        if (keyset_insert(s, (const unsigned char *)data, (size_t)n, line) < 0) goto done;
    }
    result = Py_NewRef(Py_True);
done:
    Py_DECREF(kf);
    Py_DECREF(lf);
    return result;
}

static Py_ssize_t keyset_len(KeySet *s) { return (Py_ssize_t)s->count; }

static int keyset_contains(KeySet *s, PyObject *key) {
    const char *data;
    Py_ssize_t n;
    if (key_bytes(key, &data, &n) < 0) return -1;
    return keyset_get(s, (const unsigned char *)data, (size_t)n) >= 0;
}

/* Freezes the set; when every key is short and free of NUL, builds the table of words. */
static int keyset_freeze(KeySet *s) {
    if (s->frozen) return 0;
    s->frozen = 1;
    for (size_t j = 0; j < s->capacity; j++) {
        uint64_t slot = s->slots[j];
        if (!slot) continue;
        const unsigned char *key;
        size_t len = entry_key(entry_at(s, (slot & 0xFFFFFFFFULL) - 1), &key);
        if (len > 8 || memchr(key, 0, len)) return 0;
    }
    size_t size = 16;
    while (size < s->count * 4) size *= 2;
    uint64_t *words = PyMem_Calloc(size, sizeof(uint64_t));
    if (words == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (size_t j = 0; j < s->capacity; j++) {
        uint64_t slot = s->slots[j];
        if (!slot) continue;
        const unsigned char *key;
        size_t len = entry_key(entry_at(s, (slot & 0xFFFFFFFFULL) - 1), &key);
        uint64_t w = short_word(key, len);
        size_t i = word_home(w, size - 1);
        while (words[i]) i = (i + 1) & (size - 1);
        words[i] = w;
    }
    s->words = words;
    s->words_mask = size - 1;
    return 0;
}

static PyObject *keyset_freeze_py(KeySet *s, PyObject *unused) {
    (void)unused;
    if (keyset_freeze(s) < 0) return NULL;
    Py_RETURN_NONE;
}

/* Makes room for `count` keys in all, so that the table need not grow while they come. */
static PyObject *keyset_reserve_py(KeySet *s, PyObject *arg) {
    Py_ssize_t count = PyLong_AsSsize_t(arg);
    if (count == -1 && PyErr_Occurred()) return NULL;
    if (count > (Py_ssize_t)1 << 32) count = (Py_ssize_t)1 << 32;
    while (count > 0 && (size_t)count * 10 > s->capacity * 7)
        if (keyset_grow(s) < 0) return PyErr_NoMemory();
    Py_RETURN_NONE;
}

static PyObject *keyset_nbytes(KeySet *s, void *closure) {
    (void)closure;
    return PyLong_FromSize_t(s->capacity * sizeof(uint64_t) + s->npages * (size_t)ARENA_PAGE);
}

static PyMethodDef keyset_methods[] = {
    {"freeze", (PyCFunction)keyset_freeze_py, METH_NOARGS,
     "Allow no more keys (items and words are known in full), and look up faster."},
    {"reserve", (PyCFunction)keyset_reserve_py, METH_O,
     "Make room for this many keys in all, so that the set need not grow while they come."},
    {"get", (PyCFunction)keyset_get_py, METH_O,
     "The line `key` was first seen on, or None."},
    {"add", (PyCFunction)keyset_add_py, METH_VARARGS,
     "Add `key` first seen on `line`; returns None, or the earlier line when it was there."},
    {"add_all_new", (PyCFunction)keyset_add_all_new_py, METH_VARARGS,
     "Add all `keys` (distinct; with `lines`, empty ones skipped) when none is in the set yet: "
     "True then, False (and nothing added) else."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef keyset_getset[] = {
    {"nbytes", (getter)keyset_nbytes, NULL, "The memory the set holds.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PySequenceMethods keyset_sequence = {
    .sq_length = (lenfunc)keyset_len,
    .sq_contains = (objobjproc)keyset_contains,
};

static PyTypeObject KeySetType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "csvlint.reader._scan.KeySet",
    .tp_doc = "A set of keys (str or bytes), each with the line it was first seen on.",
    .tp_basicsize = sizeof(KeySet),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)keyset_init,
    .tp_dealloc = (destructor)keyset_dealloc,
    .tp_methods = keyset_methods,
    .tp_getset = keyset_getset,
    .tp_as_sequence = &keyset_sequence,
};

/* ------------------------------------------------------------------------------------------ */
/* Values                                                                                      */

enum { KIND_NONE = 0, KIND_NUMBER = 1, KIND_INTEGER = 2, KIND_DATE = 3, KIND_BOOLEAN = 4 };
enum {
    PART_LITERAL = 0, PART_YYYY, PART_YY, PART_MMM, PART_MM, PART_M, PART_DD, PART_D,
    PART_HH, PART_MIN, PART_SS,
};
enum { FIELD_YEAR, FIELD_MONTH, FIELD_DAY, FIELD_HOUR, FIELD_MINUTE, FIELD_SECOND };

typedef struct {
    int code;
    PyObject *literal; /* bytes, for PART_LITERAL */
} DatePart;

typedef struct {
    Py_ssize_t index;
    int kind;
    int unique;
    int padding;
    int formula;
    KeySet *keys;     /* unique: the file's keys (borrowed from `columns`) */
    KeySet *items;    /* a dimension's known items, or NULL */
    KeySet *words;    /* a boolean column's words */
    char decimal;
    char thousands;   /* 0: none */
    int percent;
    PyObject *prefix; /* bytes */
    PyObject *suffix; /* bytes */
    DatePart *parts;
    Py_ssize_t nparts;
} ColumnSpec;

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
    const unsigned char *point = memchr(body, c->decimal, (size_t)len);
    Py_ssize_t wlen = point ? point - body : len;
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
            if (n - pos < len || memcmp(s + pos, PyBytes_AS_STRING(part->literal), len) != 0)
                return 0;
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
static int value_ok(const ColumnSpec *c, const unsigned char *s, Py_ssize_t n) {
    if (c->unique && n == 0) return 0;
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

/* ------------------------------------------------------------------------------------------ */
/* UTF-8                                                                                       */

/* Validates s[from:to] as strict UTF-8 without NUL. Returns where validation stopped: `to`, or
   the start of a sequence that is invalid (*bad = 1) or runs past `to` (*bad = 0). */
static Py_ssize_t validate_utf8(const unsigned char *s, Py_ssize_t from, Py_ssize_t to, int *bad) {
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

/* ------------------------------------------------------------------------------------------ */
/* Scanner                                                                                     */

enum { ENDING_NONE = 0, ENDING_LF = 1, ENDING_CRLF = 2, ENDING_CR = 3 };
enum { RECORD_OK = 0, RECORD_MORE = 1, RECORD_DECLINED = 2 };
enum { SCAN_DONE = 0, SCAN_MORE = 1, SCAN_STOPPED = 2 };

typedef struct {
    Py_ssize_t start;
    Py_ssize_t len;
    int escaped; /* a quoted field holding doubled quotes */
} Span;

typedef struct {
    PyObject_HEAD
    unsigned char delimiter;
    unsigned char quote;
    int ending;
    Py_ssize_t width;
    Py_ssize_t size_limit;
    unsigned char special[256];
    ColumnSpec *columns;
    Py_ssize_t ncolumns;
    Py_ssize_t nunique; /* the columns with keys come first in `columns` */
    PyObject *owned;    /* the column tuples, which keep the key sets and bytes alive */
} Scanner;

/* What one reading of a buffer needs for itself, so that readings can run in parallel. */
typedef struct {
    Span *fields;
    unsigned char *scratch;
    Py_ssize_t scratch_size;
} Reading;

static Py_ssize_t breaks_in(const unsigned char *s, Py_ssize_t from, Py_ssize_t to,
                            Py_ssize_t *lfs) {
    /* line breaks as an editor counts them: CRLF, LF and a lone CR are one each */
    Py_ssize_t count = 0;
    const unsigned char *p = s + from, *end = s + to;
    while (p < end) {
        const unsigned char *lf = memchr(p, '\n', (size_t)(end - p));
        const unsigned char *stop = lf ? lf : end;
        for (const unsigned char *q = p; q < stop; q++)
            if (*q == '\r' && !(q + 1 < end && q[1] == '\n')) count++;
        if (!lf) break;
        count++;
        (*lfs)++;
        p = lf + 1;
    }
    return count;
}

/* Reads the record at `pos`: on RECORD_OK, its fields are in sc->fields and *next, *breaks
   (line breaks inside quoted fields), *ending, *quotes and *lfs (quote and LF bytes) are set. */
static int parse_record(const Scanner *sc, Reading *r, const unsigned char *b, Py_ssize_t pos,
                        Py_ssize_t n, int final, Py_ssize_t *next, Py_ssize_t *breaks,
                        int *ending, Py_ssize_t *quotes, Py_ssize_t *lfs) {
    const unsigned char d = sc->delimiter, q = sc->quote;
    Py_ssize_t i = pos, nf = 0, brk = 0, nq = 0, nlf = 0;
    int any = 0;
    for (;;) {
        if (nf == sc->width) return RECORD_DECLINED;
        Span f;
        if (i < n && b[i] == q) {
            Py_ssize_t j = i + 1;
            int escaped = 0;
            for (;;) {
                const unsigned char *at = memchr(b + j, q, (size_t)(n - j));
                if (at == NULL) return final ? RECORD_DECLINED : RECORD_MORE;
                Py_ssize_t k = at - b;
                if (memchr(b + j, '\n', (size_t)(k - j)) || memchr(b + j, '\r', (size_t)(k - j)))
                    brk += breaks_in(b, j, k, &nlf);
                if (k + 1 < n && b[k + 1] == q) {
                    escaped = 1;
                    nq += 2;
                    j = k + 2;
                    continue;
                }
                if (k + 1 >= n && !final) return RECORD_MORE;
                nq += 2;
                f.start = i + 1;
                f.len = k - i - 1;
                f.escaped = escaped;
                i = k + 1;
                break;
            }
            if (i < n && b[i] != d && b[i] != '\r' && b[i] != '\n') return RECORD_DECLINED;
        } else {
            Py_ssize_t j = i;
            const unsigned char *special = sc->special;
            while (j < n && !special[b[j]]) j++;
            if (j < n && b[j] == q) return RECORD_DECLINED;
            f.start = i;
            f.len = j - i;
            f.escaped = 0;
            i = j;
        }
        if (f.len > sc->size_limit) return RECORD_DECLINED;
        any |= f.len > 0;
        r->fields[nf++] = f;
        if (i >= n) {
            if (!final) return RECORD_MORE;
            *ending = ENDING_NONE;
            break;
        }
        unsigned char c = b[i];
        if (c == d) {
            i++;
            continue;
        }
        if (c == '\r') {
            if (i + 1 >= n && !final) return RECORD_MORE;
            *ending = (i + 1 < n && b[i + 1] == '\n') ? ENDING_CRLF : ENDING_CR;
        } else {
            *ending = ENDING_LF;
        }
        i += *ending == ENDING_CRLF ? 2 : 1;
        break;
    }
    if (nf != sc->width || !any) return RECORD_DECLINED;
    if (*ending != ENDING_NONE && *ending != sc->ending) return RECORD_DECLINED;
    *next = i;
    *breaks = brk;
    *quotes = nq;
    *lfs = nlf + (*ending == ENDING_LF || *ending == ENDING_CRLF);
    return RECORD_OK;
}

/* The value of a field: its bytes, with doubled quotes undone into the reading's scratch. */
static const unsigned char *field_value(Reading *r, unsigned char quote, const unsigned char *b,
                                        const Span *f, Py_ssize_t *n) {
    if (!f->escaped) {
        *n = f->len;
        return b + f->start;
    }
    if (f->len > r->scratch_size) {
        unsigned char *grown = PyMem_RawRealloc(r->scratch, (size_t)f->len);
        if (grown == NULL) return NULL;
        r->scratch = grown;
        r->scratch_size = f->len;
    }
    Py_ssize_t out = 0;
    for (Py_ssize_t i = 0; i < f->len; i++) {
        r->scratch[out++] = b[f->start + i];
        if (b[f->start + i] == quote) i++;
    }
    *n = out;
    return r->scratch;
}

static int record_values_ok(const Scanner *sc, Reading *r, const unsigned char *b) {
    for (Py_ssize_t k = 0; k < sc->ncolumns; k++) {
        const ColumnSpec *c = &sc->columns[k];
        const Span *f = &r->fields[c->index];
        if (c->unique && f->escaped) return 0; /* a key with doubled quotes: rare, left alone */
        Py_ssize_t n;
        const unsigned char *v = field_value(r, sc->quote, b, f, &n);
        if (v == NULL || !value_ok(c, v, n)) return 0;
    }
    return 1;
}

/* A checked record: where it starts, and its line counted from the first checked record's. */
typedef struct {
    Py_ssize_t start;
    uint32_t line;
} Mark;

/* A checked record's key: where it is in the buffer, and its hash. */
typedef struct {
    uint64_t hash;
    Py_ssize_t offset;
    Py_ssize_t len;
} KeyRef;

typedef struct {
    PyObject_HEAD
    PyObject *scanner;
    Py_buffer view;
    int has_view;
    Py_ssize_t start, end, records, endings, quotes, lfs;
    unsigned long long lines;
    int status;
    int out_of_memory;
    Py_ssize_t nunique;
    Mark *marks;
    KeyRef *keys;
    Py_ssize_t capacity;
} Checked;

static void checked_dealloc(Checked *ch) {
    if (ch->has_view) PyBuffer_Release(&ch->view);
    PyMem_RawFree(ch->marks);
    PyMem_RawFree(ch->keys);
    Py_XDECREF(ch->scanner);
    Py_TYPE(ch)->tp_free((PyObject *)ch);
}

static PyMemberDef checked_members[] = {
    {"end", T_PYSSIZET, offsetof(Checked, end), READONLY,
     "Where the checked records end (the record declined or unfinished starts there)."},
    {"records", T_PYSSIZET, offsetof(Checked, records), READONLY,
     "How many records were checked clean."},
    {"status", T_INT, offsetof(Checked, status), READONLY,
     "0: read to the end of the buffer, 1: it ends inside a record, 2: a record declined."},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject CheckedType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "csvlint.reader._scan.Checked",
    .tp_doc = "Records a Scanner checked, waiting for their keys to be committed.",
    .tp_basicsize = sizeof(Checked),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)checked_dealloc,
    .tp_members = checked_members,
};

static int remember_keys(const Scanner *sc, Checked *ch, const unsigned char *b, Py_ssize_t pos,
                         unsigned long long lines, const Reading *r) {
    if (ch->records == ch->capacity) {
        Py_ssize_t capacity = ch->capacity ? ch->capacity * 2 : 4096;
        Mark *marks = PyMem_RawRealloc(ch->marks, (size_t)capacity * sizeof(Mark));
        if (marks == NULL) return -1;
        ch->marks = marks;
        KeyRef *keys =
            PyMem_RawRealloc(ch->keys, (size_t)(capacity * sc->nunique) * sizeof(KeyRef));
        if (keys == NULL) return -1;
        ch->keys = keys;
        ch->capacity = capacity;
    }
    ch->marks[ch->records].start = pos;
    ch->marks[ch->records].line = lines > 0xFFFFFFFFULL ? 0xFFFFFFFFU : (uint32_t)lines;
    for (Py_ssize_t u = 0; u < sc->nunique; u++) {
        const Span *f = &r->fields[sc->columns[u].index];
        KeyRef *key = &ch->keys[ch->records * sc->nunique + u];
        key->offset = f->start;
        key->len = f->len;
        key->hash = hash_bytes(b + f->start, (size_t)f->len);
    }
    return 0;
}

#define VALIDATE_WINDOW (64 * 1024)

/* Reads clean records from ch->start; needs no Python object but the buffer (no GIL). */
static void check_records(const Scanner *sc, Checked *ch, int final) {
    const unsigned char *b = ch->view.buf;
    Py_ssize_t n = ch->view.len, pos = ch->start, valid = ch->start;
    int bad = 0;
    Reading r = {NULL, NULL, 0};
    r.fields = PyMem_RawMalloc((size_t)sc->width * sizeof(Span));
    ch->status = SCAN_DONE;
    if (r.fields == NULL) {
        ch->out_of_memory = 1;
        ch->status = SCAN_STOPPED;
        ch->end = pos;
        return;
    }
    while (pos < n) {
        /* validate ahead of the record, a window at a time */
        if (!bad && valid < n && valid - pos < VALIDATE_WINDOW / 2) {
            Py_ssize_t to = valid + VALIDATE_WINDOW < n ? valid + VALIDATE_WINDOW : n;
            valid = validate_utf8(b, valid, to, &bad);
        }
        Py_ssize_t next, breaks, nq, nlf;
        int ending;
        int whole = valid == n && !bad;
        int got = parse_record(sc, &r, b, pos, valid, final && whole, &next, &breaks, &ending,
                               &nq, &nlf);
        if (got == RECORD_MORE && !whole && !bad) {
            /* the record runs past the validated bytes: validate further and read it again */
            Py_ssize_t before = valid;
            Py_ssize_t to = valid + VALIDATE_WINDOW < n ? valid + VALIDATE_WINDOW : n;
            valid = validate_utf8(b, valid, to, &bad);
            if (valid > before || bad) continue;
            /* no progress: a sequence cut by the end of the buffer is all that is left */
            ch->status = final || to < n ? SCAN_STOPPED : SCAN_MORE;
            break;
        }
        if (got == RECORD_MORE) {
            ch->status = bad ? SCAN_STOPPED : SCAN_MORE;
            break;
        }
        if (got == RECORD_DECLINED || !record_values_ok(sc, &r, b)) {
            ch->status = SCAN_STOPPED;
            break;
        }
        if (sc->nunique && remember_keys(sc, ch, b, pos, ch->lines, &r) < 0) {
            ch->out_of_memory = 1;
            ch->status = SCAN_STOPPED;
            break;
        }
        ch->records++;
        ch->endings += ending != ENDING_NONE;
        ch->quotes += nq;
        ch->lfs += nlf;
        ch->lines += (unsigned long long)breaks + (ending != ENDING_NONE);
        pos = next;
    }
    ch->end = pos;
    PyMem_RawFree(r.fields);
    PyMem_RawFree(r.scratch);
}

static Checked *check(Scanner *sc, PyObject *buffer, Py_ssize_t start, int final) {
    Checked *ch = PyObject_New(Checked, &CheckedType);
    if (ch == NULL) return NULL;
    ch->scanner = Py_NewRef((PyObject *)sc);
    ch->has_view = 0;
    ch->start = ch->end = start;
    ch->records = ch->endings = ch->quotes = ch->lfs = 0;
    ch->lines = 0;
    ch->status = SCAN_DONE;
    ch->out_of_memory = 0;
    ch->nunique = sc->nunique;
    ch->marks = NULL;
    ch->keys = NULL;
    ch->capacity = 0;
    if (PyObject_GetBuffer(buffer, &ch->view, PyBUF_SIMPLE) < 0) {
        Py_DECREF(ch);
        return NULL;
    }
    ch->has_view = 1;
    if (start < 0 || start > ch->view.len) {
        PyErr_SetString(PyExc_ValueError, "start outside the buffer");
        Py_DECREF(ch);
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    check_records(sc, ch, final);
    Py_END_ALLOW_THREADS
    if (ch->out_of_memory) {
        PyErr_NoMemory();
        Py_DECREF(ch);
        return NULL;
    }
    return ch;
}

static Py_ssize_t count_byte(const unsigned char *b, Py_ssize_t from, Py_ssize_t to,
                             unsigned char byte) {
    Py_ssize_t count = 0;
    const unsigned char *p = b + from, *end = b + to;
    while (p < end && (p = memchr(p, byte, (size_t)(end - p))) != NULL) {
        count++;
        p++;
    }
    return count;
}

/* Remembers the checked records' keys in order, up to the first key already seen. */
static PyObject *commit(Scanner *sc, Checked *ch, unsigned long long line) {
    const unsigned char *b = ch->view.buf;
    Py_ssize_t nunique = ch->nunique;
    for (Py_ssize_t rec = 0; rec < ch->records; rec++) {
        const KeyRef *keys = &ch->keys[rec * nunique];
        if (rec + 8 < ch->records)
            for (Py_ssize_t u = 0; u < nunique; u++) {
                const KeySet *set = sc->columns[u].keys;
                if (set->capacity)
                    __builtin_prefetch(&set->slots[slot_home(
                        (uint32_t)(keys[8 * nunique + u].hash >> 32), set->capacity)]);
            }
        int seen = 0;
        size_t free_slot[4] = {SIZE_MAX, SIZE_MAX, SIZE_MAX, SIZE_MAX};
        for (Py_ssize_t u = 0; u < nunique && !seen; u++) {
            const KeySet *set = sc->columns[u].keys;
            if (!set->count) continue;
            size_t slot = keyset_find(set, b + keys[u].offset, (size_t)keys[u].len, keys[u].hash);
            seen = set->slots[slot] != 0;
            if (u < 4) free_slot[u] = slot;
        }
        if (seen) {
            /* the record repeats a key: what precedes it is read, it is declined */
            Py_ssize_t pos = ch->marks[rec].start;
            unsigned long long at = line + ch->marks[rec].line;
            Py_ssize_t quotes = count_byte(b, ch->start, pos, sc->quote);
            Py_ssize_t lfs = count_byte(b, ch->start, pos, '\n');
            return Py_BuildValue("nnKinnn", pos, rec, at, SCAN_STOPPED, rec, quotes, lfs);
        }
        unsigned long long at = line + ch->marks[rec].line;
        uint32_t first = at > 0xFFFFFFFFULL ? 0xFFFFFFFFU : (uint32_t)at;
        for (Py_ssize_t u = 0; u < nunique; u++)
            if (keyset_insert_at(sc->columns[u].keys, b + keys[u].offset, (size_t)keys[u].len,
                                 first, keys[u].hash, u < 4 ? free_slot[u] : SIZE_MAX) < 0)
                return NULL;
    }
    return Py_BuildValue("nnKinnn", ch->end, ch->records, line + ch->lines, ch->status,
                         ch->endings, ch->quotes, ch->lfs);
}

static PyObject *scanner_check(Scanner *sc, PyObject *args) {
    PyObject *buffer;
    Py_ssize_t start;
    int final;
    if (!PyArg_ParseTuple(args, "Onp:check", &buffer, &start, &final)) return NULL;
    return (PyObject *)check(sc, buffer, start, final);
}

static PyObject *scanner_commit(Scanner *sc, PyObject *args) {
    Checked *ch;
    unsigned long long line;
    if (!PyArg_ParseTuple(args, "O!K:commit", &CheckedType, &ch, &line)) return NULL;
    if (ch->scanner != (PyObject *)sc) {
        PyErr_SetString(PyExc_ValueError, "records checked by another scanner");
        return NULL;
    }
    return commit(sc, ch, line);
}

/* scan(buffer, start, final, line) -> (end, records, line, status, endings, quotes, lfs) */
static PyObject *scanner_scan(Scanner *sc, PyObject *args) {
    PyObject *buffer;
    Py_ssize_t start;
    int final;
    unsigned long long line;
    if (!PyArg_ParseTuple(args, "OnpK:scan", &buffer, &start, &final, &line)) return NULL;
    Checked *ch = check(sc, buffer, start, final);
    if (ch == NULL) return NULL;
    PyObject *result = commit(sc, ch, line);
    Py_DECREF(ch);
    return result;
}

static void scanner_dealloc(Scanner *sc) {
    if (sc->columns) {
        for (Py_ssize_t k = 0; k < sc->ncolumns; k++) PyMem_Free(sc->columns[k].parts);
    }
    PyMem_Free(sc->columns);
    Py_XDECREF(sc->owned);
    Py_TYPE(sc)->tp_free((PyObject *)sc);
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

/* A column: (index, kind, unique keys, items, padding, formula, format) where format is
   (decimal, thousands, prefix, suffix, percent) for numbers, the parts ((code, literal), ...)
   for dates, the KeySet of words for booleans, and None otherwise. */
static int column_spec(PyObject *item, ColumnSpec *c, Py_ssize_t width) {
    PyObject *keys, *items, *format;
    memset(c, 0, sizeof(*c));
    if (!PyArg_ParseTuple(item, "niOOppO:column", &c->index, &c->kind, &keys, &items, &c->padding,
                          &c->formula, &format))
        return -1;
    if (c->index < 0 || c->index >= width) {
        PyErr_SetString(PyExc_ValueError, "column index outside the record");
        return -1;
    }
    if (keyset_or_none(keys, &c->keys, "keys") < 0 || keyset_or_none(items, &c->items, "items") < 0)
        return -1;
    if (c->items && keyset_freeze(c->items) < 0) return -1;
    c->unique = c->keys != NULL;
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

static int scanner_init(Scanner *sc, PyObject *args, PyObject *kwds) {
    static char *names[] = {"delimiter", "quote", "ending", "width", "size_limit", "columns", NULL};
    const char *d, *q, *ending;
    Py_ssize_t dlen, qlen, elen;
    PyObject *columns;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y#y#y#nnO!:Scanner", names, &d, &dlen, &q, &qlen,
                                     &ending, &elen, &sc->width, &sc->size_limit, &PyTuple_Type,
                                     &columns))
        return -1;
    if (dlen != 1 || qlen != 1 || d[0] == q[0] || strchr("\r\n", d[0]) || strchr("\r\n", q[0])) {
        PyErr_SetString(PyExc_ValueError, "delimiter and quote are two different single bytes");
        return -1;
    }
    if (sc->width < 1) {
        PyErr_SetString(PyExc_ValueError, "width must be positive");
        return -1;
    }
    sc->delimiter = (unsigned char)d[0];
    sc->quote = (unsigned char)q[0];
    if (elen == 1 && ending[0] == '\n') sc->ending = ENDING_LF;
    else if (elen == 2 && ending[0] == '\r' && ending[1] == '\n') sc->ending = ENDING_CRLF;
    else if (elen == 1 && ending[0] == '\r') sc->ending = ENDING_CR;
    else {
        PyErr_SetString(PyExc_ValueError, "ending must be LF, CRLF or CR");
        return -1;
    }
    memset(sc->special, 0, sizeof(sc->special));
    sc->special[sc->delimiter] = sc->special[sc->quote] = 1;
    sc->special['\r'] = sc->special['\n'] = 1;
    if (sc->columns != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "a Scanner is made once");
        return -1;
    }
    Py_ssize_t count = PyTuple_GET_SIZE(columns);
    sc->columns = PyMem_Calloc((size_t)(count ? count : 1), sizeof(ColumnSpec));
    if (sc->columns == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    /* the key columns first: a record's keys are then the first `nunique` columns */
    for (int keyed = 1; keyed >= 0; keyed--)
        for (Py_ssize_t k = 0; k < count; k++) {
            ColumnSpec spec;
            if (column_spec(PyTuple_GET_ITEM(columns, k), &spec, sc->width) < 0) {
                PyMem_Free(spec.parts);
                return -1;
            }
            if (spec.unique != keyed) {
                PyMem_Free(spec.parts);
                continue;
            }
            sc->columns[sc->ncolumns++] = spec;
            sc->nunique += keyed;
        }
    Py_XSETREF(sc->owned, Py_NewRef(columns));
    return 0;
}

static PyMethodDef scanner_methods[] = {
    {"check", (PyCFunction)scanner_check, METH_VARARGS,
     "check(buffer, start, final) -> Checked: read clean records from `start` as scan does, "
     "but leave the key sets alone (so any thread may run it, several at once, without the "
     "GIL); commit the result next, in the file's order."},
    {"commit", (PyCFunction)scanner_commit, METH_VARARGS,
     "commit(checked, line) -> what scan returns: remember the checked records' keys, the "
     "first record starting on `line`, up to the first record whose key was seen before."},
    {"scan", (PyCFunction)scanner_scan, METH_VARARGS,
     "scan(buffer, start, final, line) -> (end, records, line, status, endings, quotes, lfs): "
     "read clean records from `start` (on physical `line`); status 0: read to the end, 1: the "
     "buffer ends inside a record, 2: the record at `end` is not one the scanner can vouch for. "
     "`endings` counts the records read that had a line ending, `quotes` and `lfs` the quote "
     "and LF bytes read."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ScannerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "csvlint.reader._scan.Scanner",
    .tp_doc = "Reads runs of records it can vouch for are clean (see the module).",
    .tp_basicsize = sizeof(Scanner),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)scanner_init,
    .tp_dealloc = (destructor)scanner_dealloc,
    .tp_methods = scanner_methods,
};

/* Module-level helpers for the tests, which hold each check equal to its Python reference. */

static PyObject *check_value(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *column;
    Py_buffer value;
    if (!PyArg_ParseTuple(args, "Oy*:check_value", &column, &value)) return NULL;
    ColumnSpec c;
    PyObject *result = NULL;
    if (column_spec(column, &c, PY_SSIZE_T_MAX) == 0)
        result = PyBool_FromLong(value_ok(&c, value.buf, value.len));
    PyMem_Free(c.parts);
    PyBuffer_Release(&value);
    return result;
}

static PyObject *valid_utf8(PyObject *module, PyObject *arg) {
    (void)module;
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) return NULL;
    int bad;
    Py_ssize_t end = validate_utf8(view.buf, 0, view.len, &bad);
    PyBuffer_Release(&view);
    return PyBool_FromLong(end == view.len && !bad);
}

static PyMethodDef module_methods[] = {
    {"check_value", check_value, METH_VARARGS,
     "check_value(column, value) -> bool: whether the scanner accepts `value` (UTF-8 bytes) in a "
     "column described as Scanner takes it."},
    {"valid_utf8", valid_utf8, METH_O, "Whether bytes are strict UTF-8 without NUL."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef scan_module = {
    PyModuleDef_HEAD_INIT, "_scan",
    "The native fast path of the csvlint reader (see csvlint/reader/native.py).", -1,
    module_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__scan(void) {
    if (PyType_Ready(&KeySetType) < 0 || PyType_Ready(&ScannerType) < 0 ||
        PyType_Ready(&CheckedType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&scan_module);
    if (m == NULL) return NULL;
    if (PyModule_AddObjectRef(m, "KeySet", (PyObject *)&KeySetType) < 0 ||
        PyModule_AddObjectRef(m, "Scanner", (PyObject *)&ScannerType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
