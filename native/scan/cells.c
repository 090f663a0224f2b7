/* The invalid values the scanner hands over: a growable list of cells, filled without the GIL
 * while records are checked, and turned into Python values when they are committed.
 */

#include "cells.h"

int cells_push(Cells *cells, const Cell *cell) {
    if (cells->count == cells->capacity) {
        Py_ssize_t capacity = cells->capacity ? cells->capacity * 2 : 256;
        Cell *grown = PyMem_RawRealloc(cells->cells, (size_t)capacity * sizeof(Cell));
        if (grown == NULL) return -1;
        cells->cells = grown;
        cells->capacity = capacity;
    }
    cells->cells[cells->count++] = *cell;
    return 0;
}

void cells_free(Cells *cells) {
    PyMem_RawFree(cells->cells);
    cells->cells = NULL;
    cells->count = cells->capacity = 0;
}

/* The bytes of a cell's value, with doubled quotes undone. */
static PyObject *cell_value(const Cell *cell, const unsigned char *buffer, unsigned char quote) {
    const unsigned char *raw = buffer + cell->start;
    if (!cell->escaped) return PyBytes_FromStringAndSize((const char *)raw, cell->len);
    Py_ssize_t out = 0;
    for (Py_ssize_t i = 0; i < cell->len; i++, out++)
        if (raw[i] == quote) i++;
    PyObject *value = PyBytes_FromStringAndSize(NULL, out);
    if (value == NULL) return NULL;
    char *into = PyBytes_AS_STRING(value);
    for (Py_ssize_t i = 0; i < cell->len; i++) {
        *into++ = (char)raw[i];
        if (raw[i] == quote) i++;
    }
    return value;
}

PyObject *cells_list(const Cells *cells, const unsigned char *buffer, unsigned char quote,
                     Py_ssize_t records, unsigned long long line) {
    Py_ssize_t count = 0;
    while (count < cells->count && cells->cells[count].record < records) count++;
    PyObject *list = PyList_New(count);
    if (list == NULL) return NULL;
    for (Py_ssize_t i = 0; i < count; i++) {
        const Cell *cell = &cells->cells[i];
        PyObject *value = cell_value(cell, buffer, quote);
        PyObject *item = value == NULL ? NULL
                                       : Py_BuildValue("inKN", cell->column, cell->record,
                                                       line + cell->line, value);
        if (item == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, item);
    }
    return list;
}
