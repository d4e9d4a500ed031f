/* KeyTrie: where registered keys start a word of a text (scan.Triggers.find), or occur
 * anywhere in it (scan.Needles.find), in one pass. */
#include "cscan.h"

typedef struct {
    Py_UCS4 ch;
    int32_t child;   /* first child, or -1 */
    int32_t sibling; /* next sibling, or -1 */
    int32_t key;     /* index in `keys` of the key ending here, or -1 */
} TNode;

typedef struct {
    PyObject_HEAD
    TNode *nodes;
    Py_ssize_t n_nodes, cap;
    int32_t root_ascii[128]; /* the root's children by ASCII character */
    PyObject *keys;          /* tuple of str */
    unsigned char edge_ascii[128];
    Py_UCS4 *edge_other; /* non-ASCII word edges */
    Py_ssize_t n_edge_other;
    /* The built trie, flattened for reading: the characters of the keys are numbered (the
     * alphabet, word edges read as a space), and `next[node * n_symbols + symbol]` is a child. */
    int32_t *next;
    Py_ssize_t n_symbols;
    int16_t symbol_ascii[128]; /* -1: in no key */
    Py_UCS4 *symbol_other;     /* non-ASCII characters of the keys, numbered after the ASCII ones */
    Py_ssize_t n_symbol_other;
    int anywhere; /* keys start anywhere, not only at word starts; no space after the end */
    /* A filter read before walking the trie from an ASCII character c0 followed by c1: walk
     * when a key is just c0 or goes on with a non-ASCII character (`walk_always`), else only
     * when a key starts with the pair (`pairs`; c1 read as a space where it is a word edge). */
    unsigned char walk_always[128];
    uint64_t pairs[128][2];
} KeyTrie;

static int is_edge(const KeyTrie *kt, Py_UCS4 c)
{
    if (c < 128)
        return kt->edge_ascii[c];
    for (Py_ssize_t i = 0; i < kt->n_edge_other; i++)
        if (kt->edge_other[i] == c)
            return 1;
    return 0;
}

static int32_t new_node(KeyTrie *kt, Py_UCS4 ch)
{
    if (kt->n_nodes == kt->cap) {
        Py_ssize_t cap = kt->cap ? kt->cap * 2 : 256;
        TNode *nodes = PyMem_Realloc(kt->nodes, (size_t)cap * sizeof(TNode));
        if (nodes == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        kt->nodes = nodes;
        kt->cap = cap;
    }
    TNode *node = &kt->nodes[kt->n_nodes];
    node->ch = ch;
    node->child = node->sibling = node->key = -1;
    return (int32_t)kt->n_nodes++;
}

/* The child of `node` (0: the root) reached by `ch`, or -1. */
static inline int32_t child_of(const KeyTrie *kt, int32_t node, Py_UCS4 ch)
{
    if (node == 0)
        return ch < 128 ? kt->root_ascii[ch] : -1;
    for (int32_t c = kt->nodes[node].child; c >= 0; c = kt->nodes[c].sibling)
        if (kt->nodes[c].ch == ch)
            return c;
    return -1;
}

static int32_t add_child(KeyTrie *kt, int32_t node, Py_UCS4 ch)
{
    int32_t c = new_node(kt, ch);
    if (c < 0)
        return -1;
    if (node == 0 && ch < 128) {
        kt->root_ascii[ch] = c;
    } else {
        kt->nodes[c].sibling = kt->nodes[node].child;
        kt->nodes[node].child = c;
    }
    return c;
}

static void keytrie_dealloc(KeyTrie *kt)
{
    PyMem_Free(kt->nodes);
    PyMem_Free(kt->next);
    PyMem_Free(kt->symbol_other);
    PyMem_Free(kt->edge_other);
    Py_XDECREF(kt->keys);
    Py_TYPE(kt)->tp_free((PyObject *)kt);
}

/* The symbol of a text character, word edges read as a space; -1 when no key holds it. */
static inline Py_ssize_t symbol_of(const KeyTrie *kt, Py_UCS4 ch)
{
    if (ch < 128)
        return kt->symbol_ascii[ch];
    if (is_edge(kt, ch))
        return kt->symbol_ascii[' '];
    for (Py_ssize_t i = 0; i < kt->n_symbol_other; i++)
        if (kt->symbol_other[i] == ch)
            return kt->n_symbols - kt->n_symbol_other + i;
    return -1;
}

/* Number the characters of the keys (ASCII ones first, by a table; the others after them, from
 * a list) and fill the dense table `next` from the linked trie. */
static int flatten(KeyTrie *kt)
{
    int16_t ascii_number[128];
    Py_ssize_t n_ascii = 0;
    for (int c = 0; c < 128; c++)
        ascii_number[c] = -1;
    PyMem_Free(kt->symbol_other);
    kt->symbol_other = PyMem_Malloc((size_t)kt->n_nodes * sizeof(Py_UCS4));
    if (kt->symbol_other == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    kt->n_symbol_other = 0;
    for (Py_ssize_t i = 1; i < kt->n_nodes; i++) {
        Py_UCS4 ch = kt->nodes[i].ch;
        if (ch < 128) {
            if (ascii_number[ch] < 0)
                ascii_number[ch] = (int16_t)n_ascii++;
            continue;
        }
        Py_ssize_t k = 0;
        while (k < kt->n_symbol_other && kt->symbol_other[k] != ch)
            k++;
        if (k == kt->n_symbol_other)
            kt->symbol_other[kt->n_symbol_other++] = ch;
    }
    Py_ssize_t n = n_ascii + kt->n_symbol_other;
    kt->n_symbols = n;
    memset(kt->walk_always, 0, sizeof kt->walk_always);
    memset(kt->pairs, 0, sizeof kt->pairs);
    for (int c0 = 0; c0 < 128; c0++) {
        int32_t first = kt->root_ascii[c0];
        if (first < 0)
            continue;
        if (kt->nodes[first].key >= 0) { /* a one-character key: walk whatever follows */
            kt->walk_always[c0] = 1;
            kt->pairs[c0][0] = kt->pairs[c0][1] = ~(uint64_t)0;
        }
        for (int32_t c = kt->nodes[first].child; c >= 0; c = kt->nodes[c].sibling) {
            Py_UCS4 c1 = kt->nodes[c].ch;
            if (c1 < 128)
                kt->pairs[c0][c1 >> 6] |= (uint64_t)1 << (c1 & 63);
            else
                kt->walk_always[c0] = 1;
        }
    }
    for (int c = 0; c < 128; c++)
        kt->symbol_ascii[c] = kt->edge_ascii[c] ? ascii_number[' '] : ascii_number[c];
    PyMem_Free(kt->next);
    kt->next = NULL;
    if (n > 0 && kt->n_nodes > (PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(int32_t) - 1) / n) {
        PyErr_NoMemory(); /* a table this size could not be addressed */
        return -1;
    }
    kt->next = PyMem_Malloc((size_t)(kt->n_nodes * n + 1) * sizeof(int32_t));
    if (kt->next == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < kt->n_nodes * n; i++)
        kt->next[i] = -1;
    for (int c = 0; c < 128; c++)
        if (kt->root_ascii[c] >= 0)
            kt->next[ascii_number[c]] = kt->root_ascii[c];
    for (Py_ssize_t node = 0; node < kt->n_nodes; node++) {
        for (int32_t c = kt->nodes[node].child; c >= 0; c = kt->nodes[c].sibling) {
            Py_UCS4 ch = kt->nodes[c].ch;
            Py_ssize_t sym = ch < 128 ? ascii_number[ch] : -1;
            for (Py_ssize_t k = 0; sym < 0 && k < kt->n_symbol_other; k++)
                if (kt->symbol_other[k] == ch)
                    sym = n_ascii + k;
            kt->next[node * n + sym] = c;
        }
    }
    return 0;
}

static int keytrie_init(KeyTrie *kt, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"keys", "edges", "anywhere", NULL};
    PyObject *keys_arg, *edges;
    int anywhere = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OU|$p", kwlist, &keys_arg, &edges, &anywhere))
        return -1;
    kt->anywhere = anywhere;
    PyMem_Free(kt->next); /* unusable until this init succeeds (find checks) */
    kt->next = NULL;
    PyObject *keys = PySequence_Tuple(keys_arg);
    if (keys == NULL)
        return -1;
    Py_XSETREF(kt->keys, keys);
    kt->n_nodes = 0;
    for (int i = 0; i < 128; i++)
        kt->root_ascii[i] = -1;
    if (new_node(kt, 0) < 0) /* the root */
        return -1;

    Text e;
    if (text_init(&e, edges) < 0)
        return -1;
    memset(kt->edge_ascii, 0, sizeof kt->edge_ascii);
    PyMem_Free(kt->edge_other);
    kt->edge_other = PyMem_Malloc((size_t)(e.n + 1) * sizeof(Py_UCS4));
    if (kt->edge_other == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    kt->n_edge_other = 0;
    for (Py_ssize_t i = 0; i < e.n; i++) {
        Py_UCS4 c = at(&e, i);
        if (c < 128)
            kt->edge_ascii[c] = 1;
        else
            kt->edge_other[kt->n_edge_other++] = c;
    }

    Py_ssize_t n_keys = PyTuple_GET_SIZE(keys);
    if (n_keys > INT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "too many keys");
        return -1;
    }
    for (Py_ssize_t k = 0; k < n_keys; k++) {
        Text key;
        if (text_init(&key, PyTuple_GET_ITEM(keys, k)) < 0)
            return -1;
        if (key.n == 0) {
            PyErr_SetString(PyExc_ValueError, "a key is empty");
            return -1;
        }
        int32_t node = 0;
        for (Py_ssize_t i = 0; i < key.n; i++) {
            Py_UCS4 ch = at(&key, i);
            int32_t next = child_of(kt, node, ch);
            if (next < 0 && (next = add_child(kt, node, ch)) < 0)
                return -1;
            node = next;
        }
        if (kt->nodes[node].key < 0) /* a repeated key keeps its first index */
            kt->nodes[node].key = (int32_t)k;
    }
    return flatten(kt);
}

static int record(PyObject *found, PyObject *key, Py_ssize_t pos)
{
    PyObject *p = PyLong_FromSsize_t(pos);
    if (p == NULL)
        return -1;
    PyObject *list = PyDict_GetItemWithError(found, key); /* borrowed */
    int rc;
    if (list != NULL) {
        rc = PyList_Append(list, p);
    } else if (PyErr_Occurred()) {
        rc = -1;
    } else {
        list = PyList_New(1);
        if (list == NULL) {
            Py_DECREF(p);
            return -1;
        }
        Py_INCREF(p);
        PyList_SET_ITEM(list, 0, p);
        rc = PyDict_SetItem(found, key, list);
        Py_DECREF(list);
    }
    Py_DECREF(p);
    return rc;
}

PyDoc_STRVAR(keytrie_find_doc,
"find(text) -> {key: [position, ...]}\n\n"
"Every position where a key starts a word of `text`, with the word edges read as spaces and\n"
"one space after the end (with `anywhere`: every position where a key starts, overlapping\n"
"ones included); keys in order of first position, then of length.");


/* Record every key that starts at `s`, reading at most up to `last` (`n`: a space after the
 * text's end). */
static ALWAYS_INLINE int walk_from(const KeyTrie *kt, PyObject *found, const void *data,
                                   Py_ssize_t n, Py_ssize_t s, Py_ssize_t last, const int kind)
{
    Py_ssize_t node = 0;
    for (Py_ssize_t i = s; i <= last; i++) {
        Py_ssize_t sym = symbol_of(kt, i < n ? PyUnicode_READ(kind, data, i) : ' ');
        if (sym < 0 || (node = kt->next[node * kt->n_symbols + sym]) < 0)
            break;
        int32_t key = kt->nodes[node].key;
        if (key >= 0 && record(found, PyTuple_GET_ITEM(kt->keys, key), s) < 0)
            return -1;
    }
    return 0;
}

/* Whether a key may start at `s` (ASCII character c followed by c1), from the pair filter. */
static ALWAYS_INLINE int may_start(const KeyTrie *kt, Py_UCS4 c, Py_UCS4 c1)
{
    if (c1 < 128) {
        c1 = kt->edge_ascii[c1] ? ' ' : c1;
        return (int)(kt->pairs[c][c1 >> 6] >> (c1 & 63) & 1);
    }
    return kt->walk_always[c] | (is_edge(kt, c1) && (kt->pairs[c][0] >> ' ' & 1));
}

/* Word keys: jump from word start to word start (a word starts after an edge character), so the
 * characters inside words cost one table read each and no branch the processor mispredicts. */
static ALWAYS_INLINE int find_words_in(const KeyTrie *kt, PyObject *found, const void *data,
                                       Py_ssize_t n, const int kind)
{
    Py_ssize_t s = 0;
    for (;;) {
        while (s < n && is_edge(kt, PyUnicode_READ(kind, data, s)))
            s++;
        if (s >= n)
            return 0;
        Py_UCS4 c = PyUnicode_READ(kind, data, s);
        int may;
        if (c < 128) {
            may = kt->root_ascii[c] >= 0
                  && may_start(kt, c, s + 1 < n ? PyUnicode_READ(kind, data, s + 1) : ' ');
        } else {
            Py_ssize_t sym = symbol_of(kt, c);
            may = sym >= 0 && kt->next[sym] >= 0;
        }
        if (may && walk_from(kt, found, data, n, s, n, kind) < 0)
            return -1;
        s++;
        while (s < n && !is_edge(kt, PyUnicode_READ(kind, data, s)))
            s++;
    }
}

/* Keys anywhere: every position, decided by the pair filter's table reads where it can be. */
static ALWAYS_INLINE int find_anywhere_in(const KeyTrie *kt, PyObject *found, const void *data,
                                          Py_ssize_t n, const int kind)
{
    for (Py_ssize_t s = 0; s < n; s++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, s);
        int may;
        if (c < 128) {
            Py_UCS4 c1 = s + 1 < n ? PyUnicode_READ(kind, data, s + 1) : 0;
            may = may_start(kt, c, c1); /* 0 after the end: only one-character keys */
        } else {
            Py_ssize_t sym = symbol_of(kt, c);
            may = sym >= 0 && kt->next[sym] >= 0;
        }
        if (may && walk_from(kt, found, data, n, s, n - 1, kind) < 0)
            return -1;
    }
    return 0;
}

static ALWAYS_INLINE int find_in(const KeyTrie *kt, PyObject *found, const void *data,
                                 Py_ssize_t n, const int kind)
{
    return kt->anywhere ? find_anywhere_in(kt, found, data, n, kind)
                        : find_words_in(kt, found, data, n, kind);
}

static PyObject *keytrie_find(KeyTrie *kt, PyObject *arg)
{
    Text t;
    if (kt->next == NULL || kt->keys == NULL) { /* made by __new__ alone, or init failed */
        PyErr_SetString(PyExc_ValueError, "KeyTrie was not initialised");
        return NULL;
    }
    if (text_init(&t, arg) < 0)
        return NULL;
    PyObject *found = PyDict_New();
    if (found == NULL)
        return NULL;
    int rc = BY_KIND(t.kind, find_in, kt, found, t.data, t.n);
    if (rc < 0) {
        Py_DECREF(found);
        return NULL;
    }
    return found;
}

static PyMethodDef keytrie_methods[] = {
    {"find", (PyCFunction)keytrie_find, METH_O, keytrie_find_doc},
    {NULL, NULL, 0, NULL},
};

PyDoc_STRVAR(keytrie_doc,
"KeyTrie(keys, edges, *, anywhere=False)\n\n"
"Finds where any of `keys` starts a word; a word starts at the text's start or after one of\n"
"the characters of `edges`, which are read as spaces inside the keys too. With `anywhere`,\n"
"finds every occurrence of the keys (give no edges to read the text as it is).");

PyTypeObject cscan_KeyTrieType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "hireable.postings._cscan.KeyTrie",
    .tp_basicsize = sizeof(KeyTrie),
    .tp_dealloc = (destructor)keytrie_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = keytrie_doc,
    .tp_methods = keytrie_methods,
    .tp_init = (initproc)keytrie_init,
    .tp_new = PyType_GenericNew,
};

