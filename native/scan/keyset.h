/* A set of byte strings, each with the line it was first seen on (keyset.c). */
#ifndef CSVLINT_KEYSET_H
#define CSVLINT_KEYSET_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

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

extern PyTypeObject KeySetType;

uint64_t hash_bytes(const unsigned char *p, size_t n);
/* The slot a hash's top 32 bits call home in a table of `capacity` slots. */
size_t slot_home(uint32_t tag, size_t capacity);
/* The slot holding `key`, or the empty slot where it would go. */
size_t keyset_find(const KeySet *s, const unsigned char *key, size_t n, uint64_t h);
/* The line `key` was first seen on, or -1 when it is new. */
long keyset_get(const KeySet *s, const unsigned char *key, size_t n);
/* What keyset_add_new returns when it cannot add (no Python error is set). */
enum { KEYSET_NO_MEMORY = -1, KEYSET_TOO_BIG = -2, KEYSET_FROZEN = -3 };
/* Adds a new key (a frozen set refuses it), with hash `h` at `slot` (the free slot
   keyset_find gave, or SIZE_MAX); needs no GIL: 0, or a KEYSET_ failure. */
int keyset_add_new(KeySet *s, const unsigned char *key, size_t n, uint32_t line, uint64_t h,
                   size_t slot);
/* Sets the Python error for a KEYSET_ failure (with the GIL). */
void keyset_set_error(int failure);
/* Adds a new key with hash `h` at `slot` (the free slot keyset_find gave, or SIZE_MAX). */
int keyset_insert_at(KeySet *s, const unsigned char *key, size_t n, uint32_t line, uint64_t h,
                     size_t slot);
int keyset_insert_hashed(KeySet *s, const unsigned char *key, size_t n, uint32_t line,
                         uint64_t h);
/* Allows no more keys; a set of short keys is then looked up by the keys themselves. */
int keyset_freeze(KeySet *s);

#endif
