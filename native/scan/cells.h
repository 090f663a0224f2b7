/* The invalid values the scanner hands over instead of declining their records (cells.c). */
#ifndef CSVLINT_CELLS_H
#define CSVLINT_CELLS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* A value that fails only its column's format, in a record otherwise clean: the format rules
   report it from here, and the record needs no reading on the exact path. */
typedef struct {
    Py_ssize_t record;       /* the record's position among the checked records */
    unsigned long long line; /* the record's line, counted from the first checked record's */
    Py_ssize_t start, len;   /* the field's bytes in the buffer, without its quotes */
    int column;              /* the column's position in the tuple the Scanner was made with */
    int escaped;             /* a quoted field holding doubled quotes */
} Cell;

typedef struct {
    Cell *cells;
    Py_ssize_t count, capacity;
} Cells;

/* Appends a cell (no GIL needed); -1 when out of memory. */
int cells_push(Cells *cells, const Cell *cell);
void cells_free(Cells *cells);
/* The cells of the first `records` records, as a list of (column, record, line, value): the
   record's position, its line counted from `line`, and the value's bytes, doubled quotes
   undone. */
PyObject *cells_list(const Cells *cells, const unsigned char *buffer, unsigned char quote,
                     Py_ssize_t records, unsigned long long line);

#endif
