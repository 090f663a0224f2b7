/* Strict UTF-8 validation (utf8.c). */
#ifndef CSVLINT_UTF8_H
#define CSVLINT_UTF8_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Validates s[from:to] as strict UTF-8 without NUL. Returns where validation stopped: `to`, or
   the start of a sequence that is invalid (*bad = 1) or runs past `to` (*bad = 0). */
Py_ssize_t validate_utf8(const unsigned char *s, Py_ssize_t from, Py_ssize_t to, int *bad);

#endif
