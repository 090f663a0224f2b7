/* KeySet: byte strings with the line each was first seen on, in an arena and a table of
 * 8-byte slots (about 30 bytes for a 12-byte key): a file's unique keys (shared by the
 * scanner and the exact path's duplicate-key rule), a dimension's items, a column's words.
 */

#include "keyset.h"

#include <string.h>
#if defined(__linux__)
#include <stdint.h>
#include <sys/mman.h>
#endif

#define ARENA_PAGE (1 << 20)

/* An entry reference: an arena offset, or (with this bit) the index of a long entry. */
#define BIG_ENTRY 0x80000000ULL

/* The n < 8 bytes at p as one word, the first byte lowest: fixed-size loads, where a memcpy
   of a variable length is a library call, paid on every key and item looked up. */
static inline uint64_t word_of(const unsigned char *p, size_t n) {
    uint64_t w = 0;
    size_t i = 0;
    if (n & 4) {
        uint32_t x;
        memcpy(&x, p, 4);
        w = x;
        i = 4;
    }
    if (n & 2) {
        uint16_t x;
        memcpy(&x, p + i, 2);
        w |= (uint64_t)x << (8 * i);
        i += 2;
    }
    if (n & 1) w |= (uint64_t)p[i] << (8 * i);
    return w;
}

uint64_t hash_bytes(const unsigned char *p, size_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t)n;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
        p += 8;
        n -= 8;
    }
    if (n) h = (h ^ word_of(p, n)) * 0x94D049BB133111EBULL;
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
size_t slot_home(uint32_t tag, size_t capacity) {
    return (size_t)(((uint64_t)tag * capacity) >> 32);
}

/* The slot holding `key`, or the empty slot where it would go. */
size_t keyset_find(const KeySet *s, const unsigned char *key, size_t n, uint64_t h) {
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

/* A table of a million keys is 16 MB, whose 4 KiB pages the kernel faults in one by one as
   keys land on them at random: tens of thousands of faults, as long as the scan of the keys.
   Asking for huge pages (Linux; a hint the kernel may ignore) makes them a handful. */
static void want_huge_pages(void *at, size_t size) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t start = ((uintptr_t)at + huge - 1) & ~(huge - 1);
    uintptr_t end = ((uintptr_t)at + size) & ~(huge - 1);
    if (end > start) (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
    (void)at;
    (void)size;
#endif
}

static int keyset_grow(KeySet *s) {
    size_t capacity = s->capacity ? s->capacity * 2 : 1024;
    uint64_t *slots = PyMem_RawCalloc(capacity, sizeof(uint64_t));
    if (slots == NULL) return -1;
    want_huge_pages(slots, capacity * sizeof(uint64_t));
    size_t mask = capacity - 1;
    for (size_t j = 0; j < s->capacity; j++) {
        uint64_t slot = s->slots[j];
        if (slot == 0) continue;
        size_t i = slot_home((uint32_t)(slot >> 32), capacity);
        while (slots[i]) i = (i + 1) & mask;
        slots[i] = slot;
    }
    PyMem_RawFree(s->slots);
    s->slots = slots;
    s->capacity = capacity;
    return 0;
}

static uint64_t short_word(const unsigned char *key, size_t n) {
    if (n < 8) return word_of(key, n);
    uint64_t w;
    memcpy(&w, key, 8);
    return w;
}

static size_t word_home(uint64_t w, size_t mask) {
    return (size_t)((w * 0x9E3779B97F4A7C15ULL) >> 40) & mask;
}

/* The line `key` was first seen on, or -1 when it is new. */
long keyset_get(const KeySet *s, const unsigned char *key, size_t n) {
    if (s->count == 0) return -1;
    if (s->words) {
        /* a frozen set of short keys without NUL: the zero-padded key is the key */
        /* no key holds NUL, and zero padding would make "a" and "a\0" one word */
        if (n > 8 || n == 0) return -1;
        for (size_t i = 0; i < n; i++)
            if (key[i] == 0) return -1;
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

/* Room for an entry of `need` bytes: its reference, or KEYSET_NO_MEMORY / KEYSET_TOO_BIG
   (no Python error is set: this may run without the GIL). */
static int64_t keyset_reserve_entry(KeySet *s, size_t need, unsigned char **at) {
    if (need > ARENA_PAGE / 16) {
        unsigned char **big = PyMem_RawRealloc(s->big, (s->nbig + 1) * sizeof(*big));
        if (big == NULL) return KEYSET_NO_MEMORY;
        s->big = big;
        if ((s->big[s->nbig] = PyMem_RawMalloc(need)) == NULL) return KEYSET_NO_MEMORY;
        *at = s->big[s->nbig];
        return (int64_t)(BIG_ENTRY | s->nbig++);
    }
    if (s->npages == 0 || s->page_used + need > ARENA_PAGE) {
        if ((s->npages + 1) * (uint64_t)ARENA_PAGE >= BIG_ENTRY) return KEYSET_TOO_BIG;
        unsigned char **pages = PyMem_RawRealloc(s->pages, (s->npages + 1) * sizeof(*pages));
        if (pages == NULL) return KEYSET_NO_MEMORY;
        s->pages = pages;
        if ((s->pages[s->npages] = PyMem_RawMalloc(ARENA_PAGE)) == NULL) return KEYSET_NO_MEMORY;
        s->npages++;
        s->page_used = 0;
    }
    *at = s->pages[s->npages - 1] + s->page_used;
    s->page_used += need; /* given back below by the caller when the entry is shorter */
    return (int64_t)((uint64_t)(s->npages - 1) * ARENA_PAGE + s->page_used - need);
}

/* Adds a key known to be new, whose hash is `h`, at `slot` when it is the free slot
   keyset_find gave (else pass SIZE_MAX): 0, or a KEYSET_ failure (a frozen set takes no key)
   with no Python error set, so that a commit may add keys without the GIL. */
int keyset_add_new(KeySet *s, const unsigned char *key, size_t n, uint32_t line, uint64_t h,
                   size_t slot) {
    if (s->frozen) return KEYSET_FROZEN;
    if ((s->count + 1) * 10 > s->capacity * 7) {
        if (keyset_grow(s) < 0) return KEYSET_NO_MEMORY;
        slot = SIZE_MAX;
    }
    size_t need = 4 + 10 + n;
    unsigned char *e;
    int64_t ref = keyset_reserve_entry(s, need, &e);
    if (ref < 0) return (int)ref;
    size_t used = write_entry(e, key, n, line);
    if (!((uint64_t)ref & BIG_ENTRY)) s->page_used -= need - used;
    if (slot == SIZE_MAX) slot = keyset_find(s, key, n, h);
    s->slots[slot] = ((h >> 32) << 32) | ((uint64_t)ref + 1);
    s->count++;
    return 0;
}

/* The Python error for a failure of keyset_add_new (the GIL held). */
void keyset_set_error(int failure) {
    if (failure == KEYSET_FROZEN)
        PyErr_SetString(PyExc_ValueError, "this key set is frozen");
    else if (failure == KEYSET_TOO_BIG)
        PyErr_SetString(PyExc_MemoryError, "key set over 2 GiB");
    else
        PyErr_NoMemory();
}

int keyset_insert_at(KeySet *s, const unsigned char *key, size_t n, uint32_t line,
                     uint64_t h, size_t slot) {
    int failure = keyset_add_new(s, key, n, line, h, slot);
    if (failure < 0) {
        keyset_set_error(failure);
        return -1;
    }
    return 0;
}

int keyset_insert_hashed(KeySet *s, const unsigned char *key, size_t n, uint32_t line,
                                uint64_t h) {
    return keyset_insert_at(s, key, n, line, h, SIZE_MAX);
}

static int keyset_insert(KeySet *s, const unsigned char *key, size_t n, uint32_t line) {
    return keyset_insert_hashed(s, key, n, line, hash_bytes(key, n));
}

static void keyset_dealloc(KeySet *s) {
    for (size_t i = 0; i < s->npages; i++) PyMem_RawFree(s->pages[i]);
    PyMem_RawFree(s->pages);
    for (size_t i = 0; i < s->nbig; i++) PyMem_RawFree(s->big[i]);
    PyMem_RawFree(s->big);
    PyMem_RawFree(s->words);
    PyMem_RawFree(s->slots);
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
int keyset_freeze(KeySet *s) {
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
    uint64_t *words = PyMem_RawCalloc(size, sizeof(uint64_t));
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

PyTypeObject KeySetType = {
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

