/* The Scanner: it vouches for runs of clean records.
 *
 * `Scanner.scan` reads records from a buffer of UTF-8 bytes (or of a single-byte encoding that
 * keeps ASCII as it is) for as long as each one is clean: valid in its encoding without NUL,
 * the strict grammar of csvlint/reader/grammar.py with no anomaly, the header's width, the
 * file's line ending, not blank, no field over the size limit, and every mapped value valid
 * under its column's format, known item, unpadded key, unique key. It stops
 * at the first record it cannot vouch for, and the Python reader (the exact path, which is the
 * reference) reads that record and reports what is wrong. So the scanner never reports: it may
 * only decline, and declining is always safe.
 *
 * One exception keeps a file with an invalid value on every row fast: in a column made
 * `deferred`, a value that fails the format (a column with no other check) or is an unknown
 * item (a column of items with no format and no keys) leaves its record clean in every other
 * way; the scanner reads on and hands the value over as a cell, which the rule of its problem
 * judges and reports exactly as on the exact path (csvlint/engine/cells.py).
 */

#include "scanner.h"

#include <string.h>
#include <structmember.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "cells.h"
#include "utf8.h"

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
    /* a single-byte encoding (windows-1252, latin-1, ...) instead of UTF-8: the bytes it
       decodes (NUL and undefined bytes not), each one character */
    int single_byte;
    unsigned char decodes[256];
} Scanner;

/* What one reading of a buffer needs for itself, so that readings can run in parallel. */
typedef struct {
    Span *fields;
    unsigned char *scratch;
    Py_ssize_t scratch_size;
} Reading;

static Py_ssize_t breaks_in(const unsigned char *s, Py_ssize_t from, Py_ssize_t to) {
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
        p = lf + 1;
    }
    return count;
}

/* Where the unquoted field at b[j] ends: the first delimiter, quote or line break from j, or n.
   Sixteen bytes at a time where SSE2 is at hand (every x86-64), as a field is a few bytes: a
   byte loop pays a mispredicted branch at each field's end, the vector compare one at most. */
static inline Py_ssize_t plain_end(const Scanner *sc, const unsigned char *b, Py_ssize_t j,
                                   Py_ssize_t n) {
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8((char)sc->delimiter), q = _mm_set1_epi8((char)sc->quote);
    const __m128i cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
    while (j + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + j));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, q)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask) return j + __builtin_ctz(mask);
        j += 16;
    }
#endif
    const unsigned char *special = sc->special;
    while (j < n && !special[b[j]]) j++;
    return j;
}

/* Reads the record at `pos`: on RECORD_OK, its fields are in sc->fields and *next, *breaks
   (line breaks inside quoted fields) and *ending are set. */
static int parse_record(const Scanner *sc, Reading *r, const unsigned char *b, Py_ssize_t pos,
                        Py_ssize_t n, int final, Py_ssize_t *next, Py_ssize_t *breaks,
                        int *ending) {
    const unsigned char d = sc->delimiter, q = sc->quote;
    Py_ssize_t i = pos, nf = 0, brk = 0;
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
                    brk += breaks_in(b, j, k);
                if (k + 1 < n && b[k + 1] == q) {
                    escaped = 1;
                    j = k + 2;
                    continue;
                }
                if (k + 1 >= n && !final) return RECORD_MORE;
                f.start = i + 1;
                f.len = k - i - 1;
                f.escaped = escaped;
                i = k + 1;
                break;
            }
            if (i < n && b[i] != d && b[i] != '\r' && b[i] != '\n') return RECORD_DECLINED;
        } else {
            Py_ssize_t j = plain_end(sc, b, i, n);
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

/* Whether a value is all ASCII, which reads the same in UTF-8 and any single-byte encoding
   the scanner takes. */
static int ascii(const unsigned char *s, Py_ssize_t n) {
    for (Py_ssize_t i = 0; i < n; i++)
        if (s[i] & 0x80) return 0;
    return 1;
}

/* In a single-byte encoding, keys and items are compared with the UTF-8 the sets hold, and
   whitespace and boolean words are judged in UTF-8: such values are checked only in ASCII. */
static int needs_ascii(const ColumnSpec *c) {
    return c->unique || c->items != NULL || c->padding || c->kind == KIND_BOOLEAN;
}

/* Whether the scanner may read a record with these fields: each mapped value valid, or
   invalid in a deferred column, where it becomes a cell like `at` (nothing of a record the
   scanner declines stays in `cells`). */
static int record_values_ok(const Scanner *sc, Reading *r, const unsigned char *b, Cells *cells,
                            const Cell *at) {
    Py_ssize_t before = cells->count;
    for (Py_ssize_t k = 0; k < sc->ncolumns; k++) {
        const ColumnSpec *c = &sc->columns[k];
        const Span *f = &r->fields[c->index];
        if (c->unique && f->escaped) goto declined; /* a key with doubled quotes: left alone */
        Py_ssize_t n;
        const unsigned char *v = field_value(r, sc->quote, b, f, &n);
        if (v == NULL || (sc->single_byte && needs_ascii(c) && !ascii(v, n))) goto declined;
        int verdict = value_verdict(c, v, n);
        if (verdict == VALUE_OK) continue;
        if (verdict != VALUE_INVALID) goto declined;
        Cell cell = *at;
        cell.column = c->order;
        cell.start = f->start;
        cell.len = f->len;
        cell.escaped = f->escaped;
        if (cells_push(cells, &cell) < 0) goto declined; /* out of memory: the exact path's */
    }
    return 1;
declined:
    cells->count = before;
    return 0;
}

/* Validates s[from:to] in the scanner's encoding, as validate_utf8 does. */
static Py_ssize_t validate_text(const Scanner *sc, const unsigned char *s, Py_ssize_t from,
                                Py_ssize_t to, int *bad) {
    if (!sc->single_byte) return validate_utf8(s, from, to, bad);
    *bad = 0;
    for (Py_ssize_t i = from; i < to; i++)
        if (!sc->decodes[s[i]]) {
            *bad = 1;
            return i;
        }
    return to;
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
    Py_ssize_t start, end, records, endings;
    unsigned long long lines;
    int status;
    int out_of_memory;
    Py_ssize_t nunique;
    Mark *marks;
    KeyRef *keys;
    Py_ssize_t capacity;
    Cells cells; /* the invalid values of deferred columns, in record order */
} Checked;

static void checked_dealloc(Checked *ch) {
    if (ch->has_view) PyBuffer_Release(&ch->view);
    PyMem_RawFree(ch->marks);
    PyMem_RawFree(ch->keys);
    cells_free(&ch->cells);
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

PyTypeObject CheckedType = {
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
            valid = validate_text(sc, b, valid, to, &bad);
        }
        Py_ssize_t next, breaks;
        int ending;
        int whole = valid == n && !bad;
        int got = parse_record(sc, &r, b, pos, valid, final && whole, &next, &breaks, &ending);
        if (got == RECORD_MORE && !whole && !bad) {
            /* the record runs past the validated bytes: validate further and read it again */
            Py_ssize_t before = valid;
            Py_ssize_t to = valid + VALIDATE_WINDOW < n ? valid + VALIDATE_WINDOW : n;
            valid = validate_text(sc, b, valid, to, &bad);
            if (valid > before || bad) continue;
            /* no progress: a sequence cut by the end of the buffer is all that is left */
            ch->status = final || to < n ? SCAN_STOPPED : SCAN_MORE;
            break;
        }
        if (got == RECORD_MORE) {
            ch->status = bad ? SCAN_STOPPED : SCAN_MORE;
            break;
        }
        Cell at = {ch->records, ch->lines, 0, 0, 0, 0};
        if (got == RECORD_DECLINED || !record_values_ok(sc, &r, b, &ch->cells, &at)) {
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
        ch->lines += (unsigned long long)breaks + (ending != ENDING_NONE);
        pos = next;
    }
    ch->end = pos;
    PyMem_RawFree(r.fields);
    PyMem_RawFree(r.scratch);
}

/* Bytes below which a check keeps the GIL: the seam between two blocks is a record or two,
   read in microseconds, and giving the GIL away for it made the thread that commits the blocks
   wait to take it back from the threads checking ahead, each time (about half a millisecond a
   block on a busy machine). */
#define HOLD_GIL_BELOW (16 * 1024)

static Checked *check(Scanner *sc, PyObject *buffer, Py_ssize_t start, int final) {
    Checked *ch = PyObject_New(Checked, &CheckedType);
    if (ch == NULL) return NULL;
    ch->scanner = Py_NewRef((PyObject *)sc);
    ch->has_view = 0;
    ch->start = ch->end = start;
    ch->records = ch->endings = 0;
    ch->lines = 0;
    ch->status = SCAN_DONE;
    ch->out_of_memory = 0;
    ch->nunique = sc->nunique;
    ch->marks = NULL;
    ch->keys = NULL;
    ch->capacity = 0;
    ch->cells = (Cells){NULL, 0, 0};
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
    if (ch->view.len - start > HOLD_GIL_BELOW) {
        Py_BEGIN_ALLOW_THREADS
        check_records(sc, ch, final);
        Py_END_ALLOW_THREADS
    } else {
        check_records(sc, ch, final);
    }
    if (ch->out_of_memory) {
        PyErr_NoMemory();
        Py_DECREF(ch);
        return NULL;
    }
    return ch;
}

/* Remembers the checked records' keys in order (their first lines counted from `line`), up
   to the first record with a key already seen; returns how many records were remembered, or a
   KEYSET_ failure. Touches no Python object: runs without the GIL. */
static Py_ssize_t remember_in_order(Scanner *sc, const Checked *ch, unsigned long long line,
                                    int *failure) {
    const unsigned char *b = ch->view.buf;
    Py_ssize_t nunique = ch->nunique;
    *failure = 0;
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
        if (seen) return rec; /* the record repeats a key: what precedes it is read */
        unsigned long long at = line + ch->marks[rec].line;
        uint32_t first = at > 0xFFFFFFFFULL ? 0xFFFFFFFFU : (uint32_t)at;
        for (Py_ssize_t u = 0; u < nunique; u++) {
            *failure = keyset_add_new(sc->columns[u].keys, b + keys[u].offset, (size_t)keys[u].len,
                                      first, keys[u].hash, u < 4 ? free_slot[u] : SIZE_MAX);
            if (*failure < 0) return rec;
        }
    }
    return ch->records;
}

/* Keys below which a commit keeps the GIL (a seam's record or two). */
#define HOLD_GIL_FOR_KEYS 256

/* Remembers the checked records' keys in order, up to the first key already seen. The keys
   are added without the GIL, so that the threads checking ahead take it back at once when
   they end a block, instead of waiting for the commit to end: only the thread that commits
   touches the key sets (the checks read the columns' frozen items and words alone). */
static PyObject *commit(Scanner *sc, Checked *ch, unsigned long long line) {
    const unsigned char *b = ch->view.buf;
    int failure;
    Py_ssize_t done;
    if (ch->nunique && ch->records > HOLD_GIL_FOR_KEYS) {
        Py_BEGIN_ALLOW_THREADS
        done = remember_in_order(sc, ch, line, &failure);
        Py_END_ALLOW_THREADS
    } else {
        done = ch->nunique ? remember_in_order(sc, ch, line, &failure) : ch->records;
        failure = ch->nunique ? failure : 0;
    }
    if (failure < 0) {
        keyset_set_error(failure);
        return NULL;
    }
    if (done < ch->records) {
        /* the record repeats a key: what precedes it is read, it is declined */
        Py_ssize_t pos = ch->marks[done].start;
        unsigned long long at = line + ch->marks[done].line;
        return Py_BuildValue("nnKinN", pos, done, at, SCAN_STOPPED, done,
                             cells_list(&ch->cells, b, sc->quote, done, line));
    }
    return Py_BuildValue("nnKinN", ch->end, ch->records, line + ch->lines, ch->status,
                         ch->endings, cells_list(&ch->cells, b, sc->quote, ch->records, line));
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

/* scan(buffer, start, final, line) -> (end, records, line, status, endings) */
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

static int scanner_init(Scanner *sc, PyObject *args, PyObject *kwds) {
    static char *names[] = {"delimiter", "quote",   "ending",        "width",
                            "size_limit", "columns", "single_byte", NULL};
    const char *d, *q, *ending;
    Py_ssize_t dlen, qlen, elen;
    PyObject *columns, *single = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y#y#y#nnO!|O:Scanner", names, &d, &dlen, &q,
                                     &qlen, &ending, &elen, &sc->width, &sc->size_limit,
                                     &PyTuple_Type, &columns, &single))
        return -1;
    if (single != Py_None) {
        if (!PyBytes_Check(single) || PyBytes_GET_SIZE(single) != 256) {
            PyErr_SetString(PyExc_ValueError, "single_byte is 256 bytes: which bytes decode");
            return -1;
        }
        const unsigned char *table = (const unsigned char *)PyBytes_AS_STRING(single);
        for (int i = 0; i < 256; i++) sc->decodes[i] = table[i] != 0;
        sc->decodes[0] = 0; /* a NUL is binary data */
        sc->single_byte = 1;
    }
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
            spec.order = (int)k;
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
     "scan(buffer, start, final, line) -> (end, records, line, status, endings, cells): read "
     "clean records from `start` (on physical `line`); status 0: read to the end, 1: the "
     "buffer ends inside a record, 2: the record at `end` is not one the scanner can vouch for. "
     "`endings` counts the records read that had a line ending; `cells` lists the invalid "
     "values of deferred columns in the records read, as (column, record, line, value): the "
     "column's position in `columns`, the record's among those read, its line, the bytes."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject ScannerType = {
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

