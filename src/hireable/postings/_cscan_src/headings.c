/* heading_candidates: the segments segment._tag_sections must read as possible headings. */
#include "cscan.h"

/* `(?:\S++\s++){1,2}(?:word|...)` matched at `i` of `t`: one or two words, each followed by
 * whitespace, then one of `words` (str). */
static int soft_lead_at(const Text *t, Py_ssize_t i, PyObject *words)
{
    Py_ssize_t after[2];
    int runs = 0;
    while (runs < 2) {
        Py_ssize_t k = i;
        while (k < t->n && !is_space(at(t, k)))
            k++;
        if (k == i || k == t->n)
            break; /* no word, or no whitespace after it */
        while (k < t->n && is_space(at(t, k)))
            k++;
        after[runs++] = i = k;
    }
    for (int r = runs - 1; r >= 0; r--) { /* two words first, as the greedy regex tries */
        for (Py_ssize_t w = 0; w < PyTuple_GET_SIZE(words); w++) {
            Text word;
            if (text_init(&word, PyTuple_GET_ITEM(words, w)) < 0)
                return -1;
            Py_ssize_t k = 0;
            while (k < word.n && at(t, after[r] + k) == at(&word, k))
                k++;
            if (k == word.n)
                return 1;
        }
    }
    return 0;
}

PyDoc_STRVAR(heading_candidates_doc,
"heading_candidates(lower, starts, ends, heading_chars, soft_words) -> [index, ...]\n\n"
"The segments of `lower` (a description's lowercase text) that may be headings: at most\n"
"`heading_chars` long, or with a \":\" in their first `heading_chars` characters, or starting\n"
"with one or two words before one of `soft_words`. segment._tag_sections reads the others as\n"
"sentences.");

static PyObject *heading_candidates(PyObject *module, PyObject *args)
{
    PyObject *lower, *starts, *ends, *words;
    Py_ssize_t heading_chars;
    if (!PyArg_ParseTuple(args, "UO!O!nO!", &lower, &PyList_Type, &starts, &PyList_Type, &ends,
                          &heading_chars, &PyTuple_Type, &words))
        return NULL;
    Text t;
    if (text_init(&t, lower) < 0)
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(starts);
    if (PyList_GET_SIZE(ends) != n) {
        PyErr_SetString(PyExc_ValueError, "starts and ends differ in length");
        return NULL;
    }
    for (Py_ssize_t w = 0; w < PyTuple_GET_SIZE(words); w++)
        if (!PyUnicode_Check(PyTuple_GET_ITEM(words, w))) {
            PyErr_SetString(PyExc_TypeError, "soft_words must hold str");
            return NULL;
        }
    PyObject *found = PyList_New(0);
    for (Py_ssize_t i = 0; found != NULL && i < n; i++) {
        Py_ssize_t a = PyLong_AsSsize_t(PyList_GET_ITEM(starts, i));
        Py_ssize_t b = PyLong_AsSsize_t(PyList_GET_ITEM(ends, i));
        if ((a == -1 || b == -1) && PyErr_Occurred()) {
            Py_CLEAR(found);
            break;
        }
        if (a < 0 || b > t.n || a > b) {
            PyErr_SetString(PyExc_ValueError, "a segment lies outside the text");
            Py_CLEAR(found);
            break;
        }
        int candidate = b - a <= heading_chars;
        for (Py_ssize_t k = a; !candidate && k < a + heading_chars && k < t.n; k++)
            candidate = PyUnicode_READ(t.kind, t.data, k) == ':';
        if (!candidate) {
            candidate = soft_lead_at(&t, a, words);
            if (candidate < 0) {
                Py_CLEAR(found);
                break;
            }
        }
        if (candidate) {
            PyObject *index = PyLong_FromSsize_t(i);
            if (index == NULL || PyList_Append(found, index) < 0)
                Py_CLEAR(found);
            Py_XDECREF(index);
        }
    }
    return found;
}

PyMethodDef cscan_headings_methods[] = {
    {"heading_candidates", heading_candidates, METH_VARARGS, heading_candidates_doc},
    {NULL, NULL, 0, NULL},
};
