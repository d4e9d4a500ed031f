/* cut, segment and tidy: a description cut into segments, its lines stripped and rejoined,
 * lowercased (segment.make_doc), and text._tidy's common case. */
#include "cscan.h"

/* Parse (text, lined, camel_heads) for `cut` and `segment`. */
static int cut_args(PyObject *args, Text *t, int *lined, PyObject **camel_heads)
{
    PyObject *text;
    if (!PyArg_ParseTuple(args, "UpO!", &text, lined, &PyTuple_Type, camel_heads))
        return -1;
    for (Py_ssize_t h = 0; h < PyTuple_GET_SIZE(*camel_heads); h++)
        if (!PyUnicode_Check(PyTuple_GET_ITEM(*camel_heads, h))) {
            PyErr_SetString(PyExc_TypeError, "camel_heads must hold str");
            return -1;
        }
    if (text_init(t, text) < 0)
        return -1;
    if (t->n > PY_SSIZE_T_MAX / 16) { /* the buffers hold 2n + 2 characters of up to 4 bytes */
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

PyDoc_STRVAR(cut_doc,
"cut(text, lined, camel_heads) -> str\n\n"
"`text` with a line break at every segment boundary: segment._BOUNDARY.sub(_cut, text), or\n"
"segment._BOUNDARY_LINED.sub(_cut, text) when `lined`.");

static PyObject *cut(PyObject *module, PyObject *args)
{
    Text t;
    int lined;
    PyObject *camel_heads;
    if (cut_args(args, &t, &lined, &camel_heads) < 0)
        return NULL;
    void *out = PyMem_Malloc((size_t)(2 * t.n + 1) * (size_t)t.kind);
    if (out == NULL)
        return PyErr_NoMemory();
    Py_ssize_t o = cscan_cut_into(&t, lined, camel_heads, out);
    PyObject *result = o < 0 ? NULL : PyUnicode_FromKindAndData(t.kind, out, o);
    PyMem_Free(out);
    return result;
}

/* The lowercase of `n` characters of `kind` at `src` into `dst`, as str.lower gives it; 0 where
 * this simple per-character mapping would differ from it (U+0130 lowers to two characters, a
 * capital sigma's lowercase depends on its neighbours, a lowercase may not fit the kind). */
static ALWAYS_INLINE int lower_kind(const void *src, void *dst, Py_ssize_t n, const int kind)
{
    const Py_UCS4 limit = kind == PyUnicode_1BYTE_KIND   ? 0xFF
                          : kind == PyUnicode_2BYTE_KIND ? 0xFFFF
                                                         : 0x10FFFF;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, src, i), lc;
        if (c < 128)
            lc = (c >= 'A' && c <= 'Z') ? c + 32 : c;
        else if (c == 0x130 || c == 0x3A3 || (lc = Py_UNICODE_TOLOWER(c)) > limit)
            return 0;
        PyUnicode_WRITE(kind, dst, i, lc);
    }
    return 1;
}

/* Split `cut` (n characters) at line breaks, strip each line, drop the empty ones (and with
 * `drop_dash` those that are just "-") and join the rest with line breaks into `out`; each kept
 * line's start and end go to `bounds` (two entries a line) unless it is NULL. Returns the
 * joined length. */
static ALWAYS_INLINE Py_ssize_t join_lines_kind(const void *cut, Py_ssize_t n, void *out,
                                                Py_ssize_t *bounds, Py_ssize_t *n_lines,
                                                int drop_dash, const int kind)
{
    Py_ssize_t o = 0, lines = 0;
    for (Py_ssize_t a = 0; a <= n;) {
        Py_ssize_t b = a;
        while (b < n && PyUnicode_READ(kind, cut, b) != '\n')
            b++;
        Py_ssize_t lo = a, hi = b;
        while (lo < hi && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, cut, lo)))
            lo++;
        while (hi > lo && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, cut, hi - 1)))
            hi--;
        if (hi > lo && !(drop_dash && hi - lo == 1 && PyUnicode_READ(kind, cut, lo) == '-')) {
            if (o > 0)
                PyUnicode_WRITE(kind, out, o++, '\n');
            if (bounds != NULL)
                bounds[2 * lines] = o;
            memcpy((char *)out + o * kind, (const char *)cut + lo * kind, (size_t)(hi - lo) * kind);
            o += hi - lo;
            if (bounds != NULL)
                bounds[2 * lines + 1] = o;
            lines++;
        }
        a = b + 1;
    }
    *n_lines = lines;
    return o;
}

/* Whether `n` characters of `kind` hold no two spaces in a row and no unprintable character
 * but line breaks: the text text._tidy may tidy line by line. */
static ALWAYS_INLINE int plain_lines_kind(const void *data, Py_ssize_t n, const int kind)
{
    Py_UCS4 prev = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c < 128) {
            if ((c < 0x20 && c != '\n') || c == 0x7F || (c == ' ' && prev == ' '))
                return 0;
        } else if (!Py_UNICODE_ISPRINTABLE(c)) {
            return 0;
        }
        prev = c;
    }
    return 1;
}

/* text._ZERO_WIDTH: characters dropped before anything else. */
static int is_zero_width(Py_UCS4 c)
{
    return c <= 0x08 || (c >= 0x0E && c <= 0x1F) || c == 0x7F || (c >= 0x200B && c <= 0x200D)
        || c == 0x2060 || c == 0xFEFF;
}

/* text._tidy_full on `t`: zero-width characters dropped, "\r\n" and "\r" read as line breaks,
 * then each line stripped, its whitespace runs made one space where it has two spaces in a row
 * or other whitespace than a space, empty lines and lines that are just "-" dropped, and a
 * "- " bullet indented as its line was (at most 8). */
static PyObject *tidy_full(const Text *t)
{
    Py_ssize_t n = t->n, m = 0;
    Py_UCS4 *a = PyMem_Malloc((size_t)(n + 1) * sizeof(Py_UCS4));
    Py_UCS4 *out = PyMem_Malloc((size_t)(5 * n + 16) * sizeof(Py_UCS4));
    PyObject *result = NULL;
    if (a == NULL || out == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = at(t, i);
        if (!is_zero_width(c))
            a[m++] = c;
    }
    Py_ssize_t k = 0; /* "\r\n" and then "\r" to "\n", in place */
    for (Py_ssize_t i = 0; i < m; i++) {
        if (a[i] == '\r' && i + 1 < m && a[i + 1] == '\n')
            continue;
        a[k++] = a[i] == '\r' ? '\n' : a[i];
    }
    m = k;
    int collapse_all = 0; /* two spaces in a row, or whitespace other than a space */
    for (Py_ssize_t i = 0; i < m && !collapse_all; i++)
        collapse_all = (a[i] == ' ' && i + 1 < m && a[i + 1] == ' ')
                       || (a[i] != ' ' && a[i] != '\n' && is_space(a[i]));
    Py_ssize_t o = 0;
    for (Py_ssize_t ls = 0; ls <= m;) {
        Py_ssize_t le = ls;
        while (le < m && a[le] != '\n')
            le++;
        int collapse = 0;
        for (Py_ssize_t i = ls; collapse_all && i < le && !collapse; i++)
            collapse = (a[i] == ' ' && i + 1 < le && a[i + 1] == ' ')
                       || (a[i] != ' ' && is_space(a[i]));
        Py_ssize_t indent = 0;
        while (ls + indent < le && is_space(a[ls + indent]))
            indent++;
        Py_ssize_t body = o + 8 + 1; /* the body goes after room for a separator and indent */
        Py_ssize_t b = body;
        if (collapse) { /* " ".join(line.split()) */
            for (Py_ssize_t i = ls; i < le;) {
                while (i < le && is_space(a[i]))
                    i++;
                if (i == le)
                    break;
                if (b > body)
                    out[b++] = ' ';
                while (i < le && !is_space(a[i]))
                    out[b++] = a[i++];
            }
        } else { /* line.strip() */
            Py_ssize_t lo = ls, hi = le;
            while (lo < hi && is_space(a[lo]))
                lo++;
            while (hi > lo && is_space(a[hi - 1]))
                hi--;
            for (Py_ssize_t i = lo; i < hi; i++)
                out[b++] = a[i];
        }
        Py_ssize_t len = b - body;
        ls = le + 1;
        if (len == 0 || (len == 1 && out[body] == '-'))
            continue;
        int bullet = collapse_all && len >= 2 && out[body] == '-' && out[body + 1] == ' ';
        Py_ssize_t pad = bullet ? (indent < 8 ? indent : 8) : 0;
        if (o > 0)
            out[o++] = '\n';
        for (Py_ssize_t i = 0; i < pad; i++)
            out[o++] = ' ';
        memmove(out + o, out + body, (size_t)len * sizeof(Py_UCS4));
        o += len;
    }
    result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, o);
done:
    PyMem_Free(a);
    PyMem_Free(out);
    return result;
}

PyDoc_STRVAR(tidy_doc,
"tidy(text) -> str\n\n"
"text._tidy: the lines of `text` stripped, with the empty ones and those that are just \"-\"\n"
"dropped, joined by line breaks; text with zero-width characters, \"\\r\", two spaces in a row\n"
"or other whitespace is tidied as text._tidy_full does.");

static PyObject *tidy(PyObject *module, PyObject *arg)
{
    Text t;
    if (text_init(&t, arg) < 0)
        return NULL;
    int plain = BY_KIND(t.kind, plain_lines_kind, t.data, t.n);
    if (!plain)
        return tidy_full(&t);
    void *out = PyMem_Malloc((size_t)(t.n + 1) * (size_t)t.kind);
    if (out == NULL)
        return PyErr_NoMemory();
    Py_ssize_t n_lines;
    Py_ssize_t n = BY_KIND(t.kind, join_lines_kind, t.data, t.n, out, NULL, &n_lines, 1);
    PyObject *result = PyUnicode_FromKindAndData(t.kind, out, n);
    PyMem_Free(out);
    return result;
}

/* A list of the even (`which` 0) or odd (1) entries of `bounds`. */
static PyObject *bound_list(const Py_ssize_t *bounds, Py_ssize_t n_lines, int which)
{
    PyObject *list = PyList_New(n_lines);
    for (Py_ssize_t i = 0; list != NULL && i < n_lines; i++) {
        PyObject *v = PyLong_FromSsize_t(bounds[2 * i + which]);
        if (v == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, v);
    }
    return list;
}

PyDoc_STRVAR(segment_doc,
"segment(text, lined, camel_heads) -> (joined, lower, starts, ends)\n\n"
"The segments of `text`: cut as `cut` does, each line stripped, empty ones dropped, rejoined\n"
"one a line (`joined`), its lowercase (as str.lower) and where each segment starts and ends.");

static PyObject *segment(PyObject *module, PyObject *args)
{
    Text t;
    int lined;
    PyObject *camel_heads;
    if (cut_args(args, &t, &lined, &camel_heads) < 0)
        return NULL;
    const int kind = t.kind;
    size_t room = (size_t)(2 * t.n + 2);
    void *cut = PyMem_Malloc(room * (size_t)kind);
    void *joined = PyMem_Malloc(room * (size_t)kind);
    void *low = PyMem_Malloc(room * (size_t)kind);
    Py_ssize_t *bounds = PyMem_Malloc(room * sizeof(Py_ssize_t)); /* a line takes 2+ chars */
    PyObject *text = NULL, *lower = NULL, *starts = NULL, *ends = NULL, *result = NULL;
    if (cut == NULL || joined == NULL || low == NULL || bounds == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t n_cut = cscan_cut_into(&t, lined, camel_heads, cut);
    if (n_cut < 0)
        goto done;
    Py_ssize_t n_lines;
    Py_ssize_t n = BY_KIND(kind, join_lines_kind, cut, n_cut, joined, bounds, &n_lines, 0);
    if (n_lines == 0) { /* no segment: one empty one */
        bounds[0] = bounds[1] = 0;
        n_lines = 1;
    }
    text = PyUnicode_FromKindAndData(kind, joined, n);
    if (text == NULL)
        goto done;
    lower = BY_KIND(kind, lower_kind, joined, low, n) ? PyUnicode_FromKindAndData(kind, low, n)
                                             : PyObject_CallMethod(text, "lower", NULL);
    starts = bound_list(bounds, n_lines, 0);
    ends = bound_list(bounds, n_lines, 1);
    if (lower != NULL && starts != NULL && ends != NULL)
        result = PyTuple_Pack(4, text, lower, starts, ends);
done:
    PyMem_Free(cut);
    PyMem_Free(joined);
    PyMem_Free(low);
    PyMem_Free(bounds);
    Py_XDECREF(text);
    Py_XDECREF(lower);
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    return result;
}


PyMethodDef cscan_lines_methods[] = {
    {"cut", cut, METH_VARARGS, cut_doc},
    {"segment", segment, METH_VARARGS, segment_doc},
    {"tidy", tidy, METH_O, tidy_doc},
    {NULL, NULL, 0, NULL},
};
