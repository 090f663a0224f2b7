/* A mapped column's checks, as the scanner applies them to one value (values.c). */
#ifndef CSVLINT_VALUES_H
#define CSVLINT_VALUES_H

#include "keyset.h"

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
    int required;     /* a blank value is declined (a dimension: the row cannot be placed) */
    int padding;
    int formula;
    int deferred;     /* a format failure becomes a cell (VALUE_INVALID), not a decline */
    int order;        /* the column's position in the tuple the Scanner was made with */
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

/* What the scanner makes of a value: valid; invalid in its format alone, reported from the
   scanner's cells; or one the exact path must read. */
enum { VALUE_OK = 0, VALUE_INVALID = 1, VALUE_DECLINED = 2 };

/* Whether a value is valid in its column; a key's uniqueness is judged apart. */
int value_ok(const ColumnSpec *c, const unsigned char *s, Py_ssize_t n);
/* value_ok's verdict, with a deferred column's failure as VALUE_INVALID. */
int value_verdict(const ColumnSpec *c, const unsigned char *s, Py_ssize_t n);
/* Reads a column's description (see Scanner) into `c`, for records of `width` fields. */
int column_spec(PyObject *item, ColumnSpec *c, Py_ssize_t width);

#endif
