/* csvlint.reader._scan: the native fast path of the csvlint reader (see scanner.c, and
 * csvlint/reader/native.py for how Python uses it).
 */

#include "scanner.h"
#include "utf8.h"

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
