/* The Scanner: reads records it can vouch for are clean (scanner.c). */
#ifndef CSVLINT_SCANNER_H
#define CSVLINT_SCANNER_H

#include "values.h"

extern PyTypeObject ScannerType;
extern PyTypeObject CheckedType;

#endif
