/* Compiled versions of the posting analyser's widest text passes.
 *
 * - KeyTrie.find: where every registered keyword starts a word (scan.Triggers.find), or where
 *   every registered literal occurs (scan.Needles.find).
 * - cut: where one segment ends and the next begins (segment._BOUNDARY.sub(_cut, text));
 *   segment: that cut, split into stripped lines, rejoined and lowercased (segment.make_doc).
 * - tidy: the common case of text._tidy (lines stripped, empty ones dropped).
 * - heading_candidates: the segments segment._tag_sections must read as possible headings.
 *
 * Each one gives exactly what its pure-Python reference gives (tests/test_cscan.py compares them
 * on the corpus and on generated text); the package uses the reference when this module is not
 * built. The Python regexes stay the readable specification: a change there must be made here
 * too, and the comparison tests say when the two disagree.
 *
 * Character classes follow Python's `re` on str patterns: [a-z], [A-Z] and [0-9] are ASCII only;
 * \s, \d and \w (so \b) are Unicode.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* Functions that read text through a `kind` known when they are compiled get one copy per kind
 * (direct array reads instead of a switch per character). */
#if defined(_MSC_VER)
#define ALWAYS_INLINE __forceinline
#else
#define ALWAYS_INLINE inline __attribute__((always_inline))
#endif

/* ------------------------------------------------------------------ character classes */

static inline int is_lower(Py_UCS4 c) { return c >= 'a' && c <= 'z'; }
static inline int is_upper(Py_UCS4 c) { return c >= 'A' && c <= 'Z'; }
static inline int is_digit09(Py_UCS4 c) { return c >= '0' && c <= '9'; }
static inline int is_space(Py_UCS4 c) { return Py_UNICODE_ISSPACE(c); }
static inline int is_word(Py_UCS4 c) { return c == '_' || Py_UNICODE_ISALNUM(c); }
static inline int is_decimal(Py_UCS4 c) { return Py_UNICODE_ISDECIMAL(c); }

/* A read-only view of a str: its characters by index; -1 (no character) outside it. */
typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
} Text;

static inline Py_UCS4 at(const Text *t, Py_ssize_t i)
{
    return (i >= 0 && i < t->n) ? PyUnicode_READ(t->kind, t->data, i) : (Py_UCS4)-1;
}

/* Does `t` hold the ASCII string `s` at `i`? */
static int holds(const Text *t, Py_ssize_t i, const char *s)
{
    if (i < 0)
        return 0;
    for (; *s; s++, i++)
        if (at(t, i) != (Py_UCS4)(unsigned char)*s)
            return 0;
    return 1;
}

/* \b before a word that starts at `i` with a word character: no word character before it. */
static inline int word_starts_at(const Text *t, Py_ssize_t i)
{
    return i == 0 || !is_word(at(t, i - 1));
}

/* \b after a word character that ends at `i`: no word character at `i`. */
static inline int word_ends_at(const Text *t, Py_ssize_t i)
{
    return i >= t->n || !is_word(at(t, i));
}

/* `(?<!\bword)` followed by what ends at `end`: the word ends at `end` and starts a word. */
static int word_before(const Text *t, Py_ssize_t end, const char *word)
{
    Py_ssize_t start = end - (Py_ssize_t)strlen(word);
    return start >= 0 && holds(t, start, word) && word_starts_at(t, start);
}

static int text_init(Text *t, PyObject *s)
{
    if (!PyUnicode_Check(s)) {
        PyErr_SetString(PyExc_TypeError, "expected a str");
        return -1;
    }
    if (PyUnicode_READY(s) < 0)
        return -1;
    t->kind = PyUnicode_KIND(s);
    t->data = PyUnicode_DATA(s);
    t->n = PyUnicode_GET_LENGTH(s);
    return 0;
}

/* ------------------------------------------------------------------ KeyTrie */

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
    int rc;
    switch (t.kind) {
    case PyUnicode_1BYTE_KIND:
        rc = find_in(kt, found, t.data, t.n, PyUnicode_1BYTE_KIND);
        break;
    case PyUnicode_2BYTE_KIND:
        rc = find_in(kt, found, t.data, t.n, PyUnicode_2BYTE_KIND);
        break;
    default:
        rc = find_in(kt, found, t.data, t.n, PyUnicode_4BYTE_KIND);
        break;
    }
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

static PyTypeObject KeyTrieType = {
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

/* ------------------------------------------------------------------ cut */

/* Each matcher below is one alternative of segment._BOUNDARY, tried where its lead character
 * stands at `i`. It returns the end of the match, or -1 when the alternative does not match.
 * The lead character is always consumed, so every match is at least one character long. */

/* The end of the whitespace run starting at `i`. */
static Py_ssize_t skip_space(const Text *t, Py_ssize_t i)
{
    while (i < t->n && is_space(at(t, i)))
        i++;
    return i;
}

static int is_bullet(Py_UCS4 c)
{
    switch (c) {
    case 0x2022: case 0x25CF: case 0x25AA: case 0x25A0: case 0x25E6: case 0x2023: /* •●▪■◦‣ */
    case 0x25CB: case 0x25C6: case 0x27A2: case 0x25BA: case 0x2713: case 0x2714: /* ○◆➢►✓✔ */
        return 1;
    default:
        return 0;
    }
}

/* What an ASCII character can lead: a cut at a mark, at a capital, at a digit (or nothing). */
enum { LEAD_NONE, LEAD_MARK, LEAD_CAPITAL, LEAD_DIGIT };
static unsigned char cut_lead[128];

static void init_cut_lead(void)
{
    for (int c = 0; c < 128; c++)
        cut_lead[c] = is_upper(c) ? LEAD_CAPITAL : is_digit09(c) ? LEAD_DIGIT : LEAD_NONE;
    for (const char *m = "\n.!?;:*-"; *m; m++)
        cut_lead[(unsigned char)*m] = LEAD_MARK;
}

/* "Ph.", "vs.", "Sr.", "e.g.", "i.e." ending with the "." at `i`. */
static int abbreviation_dot(const Text *t, Py_ssize_t i)
{
    return holds(t, i - 2, "Ph.") || holds(t, i - 2, "vs.") || holds(t, i - 2, "Sr.")
        || holds(t, i - 3, "e.g.") || holds(t, i - 3, "i.e.");
}

static Py_ssize_t match_mark(const Text *t, Py_ssize_t i)
{
    Py_UCS4 c = at(t, i), before = at(t, i - 1);
    Py_ssize_t j = i + 1;
    if (c == '\n') /* _LINE_BREAK */
        return skip_space(t, j);
    if (c == '.' || c == '!' || c == '?') { /* _SENTENCE_END */
        int lead = is_lower(before) || is_digit09(before) || before == ')' || before == '%'
            || before == ']';
        if (lead && !abbreviation_dot(t, i) && is_space(at(t, j))) {
            Py_ssize_t e = skip_space(t, j);
            Py_UCS4 next = at(t, e);
            if (is_upper(next) || is_digit09(next))
                return e;
            if ((next == '"' || next == 0x201C || next == '(')
                && (is_upper(at(t, e + 1)) || is_digit09(at(t, e + 1))))
                return e;
        }
    }
    if (c == '.' || c == '!' || c == '?' || c == ':') { /* _GLUED_SENTENCE_END */
        Py_UCS4 next = at(t, j);
        if ((is_lower(before) || before == ')') && !holds(t, i - 2, "Ph.")
            && (is_upper(next) || is_digit09(next)))
            return j;
    }
    if (c == ';') {
        Py_UCS4 next = at(t, j);
        if ((is_lower(before) || before == ')') && (is_upper(next) || is_digit09(next)))
            return j; /* _GLUED_SEMICOLON */
        if (is_space(next))
            return skip_space(t, j); /* _SEMICOLON */
    }
    if (is_bullet(c)) /* _BULLET */
        return skip_space(t, j);
    if ((c == '-' || c == '*') && before == ' ' && is_space(at(t, j)) && is_upper(at(t, j + 1)))
        return j + 1; /* _DASH_ITEM */
    return -1;
}

/* _GLUED_WORD, then _GLUED_DEGREE, at the capital at `i`. */
static Py_ssize_t match_capital(const Text *t, Py_ssize_t i, PyObject *camel_heads)
{
    Py_UCS4 c = at(t, i);
    Py_ssize_t j = i + 1;
    if (!(is_lower(at(t, i - 2)) && is_lower(at(t, i - 1))))
        return -1;
    Py_UCS4 next = at(t, j);
    if (is_lower(next) || (next != (Py_UCS4)-1 && is_space(next))) {
        int glued = !word_before(t, i, "or") && !holds(t, i - 3, "/or") && !word_before(t, i, "and");
        Py_ssize_t n_heads = PyTuple_GET_SIZE(camel_heads);
        for (Py_ssize_t h = 0; glued && h < n_heads; h++) {
            Text head;
            if (text_init(&head, PyTuple_GET_ITEM(camel_heads, h)) < 0)
                return -2;
            Py_ssize_t start = i - head.n;
            if (start < 0 || !word_starts_at(t, start))
                continue;
            Py_ssize_t k = 0;
            while (k < head.n && at(t, start + k) == at(&head, k))
                k++;
            if (k == head.n)
                glued = 0;
        }
        if (glued)
            return j;
    }
    if (c == 'B' || c == 'M' || c == 'P') {
        Py_UCS4 n1 = at(t, j + 1);
        if ((next == '.' && (n1 == 'S' || n1 == 'A' || n1 == 'E'))
            || ((next == 'S' || next == 'A') && word_ends_at(t, j + 1))
            || ((holds(t, j, "BA") || holds(t, j, "Sc")) && word_ends_at(t, j + 2))
            || (next == 'h' && (n1 == 'D' || (n1 == '.' && at(t, j + 2) == 'D'))))
            return j;
    }
    return -1;
}

/* Words that lead into a years figure ("with 4+ years"): no cut before the figure. */
static const char *const YEARS_LEADS[] = {"with", "least", "mum", "have", "has", "plus", "ire",
                                          "ires", "than", "ding", "over", NULL};
static const char *const YEARS_LEAD_WORDS[] = {"of", "and", "or", "for", NULL}; /* after \b */

static int years_word_ends(const Text *t, Py_ssize_t k)
{
    if (holds(t, k, "to"))
        return word_ends_at(t, k + 2);
    if (holds(t, k, "yrs"))
        return word_ends_at(t, k + 3);
    if (holds(t, k, "year"))
        return (at(t, k + 4) == 's' && word_ends_at(t, k + 5)) || word_ends_at(t, k + 4);
    return 0;
}

/* _GLUED_YEARS, then _SPACED_YEARS, at the digit at `i`. */
static Py_ssize_t match_digit(const Text *t, Py_ssize_t i)
{
    Py_ssize_t j = i + 1;
    Py_UCS4 a = at(t, i - 3), b = at(t, i - 2), c = at(t, i - 1);
    if ((is_lower(a) || is_upper(a)) && (is_lower(b) || is_upper(b)) && (is_lower(c) || is_upper(c))
        && !(is_lower(a) && is_upper(b) && is_upper(c))
        && !(is_upper(a) && is_lower(b) && is_lower(c))) {
        Py_ssize_t k = j;
        if (k < t->n && is_decimal(at(t, k)))
            k++;
        k = skip_space(t, k);
        Py_UCS4 m = at(t, k);
        if (m == '+' || m == '-' || m == 0x2013 || years_word_ends(t, k))
            return j;
    }
    if (c == ' ' && is_lower(at(t, i - 4)) && is_lower(a) && is_lower(b)) {
        for (const char *const *w = YEARS_LEADS; *w; w++)
            if (holds(t, i - 1 - (Py_ssize_t)strlen(*w), *w))
                return -1;
        for (const char *const *w = YEARS_LEAD_WORDS; *w; w++)
            if (word_before(t, i - 1, *w))
                return -1;
        Py_ssize_t k = j;
        if (k < t->n && is_decimal(at(t, k)))
            k++;
        if (holds(t, k, "+ years"))
            return j;
    }
    return -1;
}

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

/* Write `t` cut at every segment boundary into `out` (room for 2 * t->n characters of
 * t->kind: every match puts at most one character more than it consumes); its length, or -1. */
static ALWAYS_INLINE Py_ssize_t cut_into_kind(const Text *t, int lined, PyObject *camel_heads,
                                              void *out, const int kind)
{
    Py_ssize_t o = 0, i = 0;
    while (i < t->n) {
        Py_UCS4 c = PyUnicode_READ(kind, t->data, i);
        Py_ssize_t end = -1;
        int lead = c < 128 ? cut_lead[c] : is_bullet(c) ? LEAD_MARK : 0;
        if (lead == LEAD_MARK)
            end = match_mark(t, i);
        else if (lead == LEAD_CAPITAL && !lined)
            end = match_capital(t, i, camel_heads);
        else if (lead == LEAD_DIGIT && !lined)
            end = match_digit(t, i);
        if (end == -2)
            return -1;
        if (end < 0) {
            PyUnicode_WRITE(kind, out, o++, c);
            i++;
            continue;
        }
        /* segment._cut: a sentence end stays left of the break, a glued word's capital right */
        if (c == '.' || c == '!' || c == '?' || c == ':') {
            PyUnicode_WRITE(kind, out, o++, c);
            PyUnicode_WRITE(kind, out, o++, '\n');
        } else if (is_upper(c) || is_digit09(c)) {
            PyUnicode_WRITE(kind, out, o++, '\n');
            PyUnicode_WRITE(kind, out, o++, c);
        } else {
            PyUnicode_WRITE(kind, out, o++, '\n');
        }
        i = end;
    }
    return o;
}

static Py_ssize_t cut_into(const Text *t, int lined, PyObject *camel_heads, void *out)
{
    switch (t->kind) {
    case PyUnicode_1BYTE_KIND:
        return cut_into_kind(t, lined, camel_heads, out, PyUnicode_1BYTE_KIND);
    case PyUnicode_2BYTE_KIND:
        return cut_into_kind(t, lined, camel_heads, out, PyUnicode_2BYTE_KIND);
    default:
        return cut_into_kind(t, lined, camel_heads, out, PyUnicode_4BYTE_KIND);
    }
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
    Py_ssize_t o = cut_into(&t, lined, camel_heads, out);
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

static int lower_into(const void *src, void *dst, Py_ssize_t n, int kind)
{
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        return lower_kind(src, dst, n, PyUnicode_1BYTE_KIND);
    case PyUnicode_2BYTE_KIND:
        return lower_kind(src, dst, n, PyUnicode_2BYTE_KIND);
    default:
        return lower_kind(src, dst, n, PyUnicode_4BYTE_KIND);
    }
}

static Py_ssize_t join_lines(const void *cut, Py_ssize_t n, void *out, Py_ssize_t *bounds,
                             Py_ssize_t *n_lines, int drop_dash, int kind)
{
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        return join_lines_kind(cut, n, out, bounds, n_lines, drop_dash, PyUnicode_1BYTE_KIND);
    case PyUnicode_2BYTE_KIND:
        return join_lines_kind(cut, n, out, bounds, n_lines, drop_dash, PyUnicode_2BYTE_KIND);
    default:
        return join_lines_kind(cut, n, out, bounds, n_lines, drop_dash, PyUnicode_4BYTE_KIND);
    }
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

PyDoc_STRVAR(tidy_doc,
"tidy(text) -> str | None\n\n"
"text._tidy's common case: None when `text` holds two spaces in a row or an unprintable\n"
"character other than a line break; else its lines stripped, with the empty ones and those\n"
"that are just \"-\" dropped, joined by line breaks.");

static PyObject *tidy(PyObject *module, PyObject *arg)
{
    Text t;
    if (text_init(&t, arg) < 0)
        return NULL;
    int plain;
    switch (t.kind) {
    case PyUnicode_1BYTE_KIND:
        plain = plain_lines_kind(t.data, t.n, PyUnicode_1BYTE_KIND);
        break;
    case PyUnicode_2BYTE_KIND:
        plain = plain_lines_kind(t.data, t.n, PyUnicode_2BYTE_KIND);
        break;
    default:
        plain = plain_lines_kind(t.data, t.n, PyUnicode_4BYTE_KIND);
        break;
    }
    if (!plain)
        Py_RETURN_NONE;
    void *out = PyMem_Malloc((size_t)(t.n + 1) * (size_t)t.kind);
    if (out == NULL)
        return PyErr_NoMemory();
    Py_ssize_t n_lines;
    Py_ssize_t n = join_lines(t.data, t.n, out, NULL, &n_lines, 1, t.kind);
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
    Py_ssize_t n_cut = cut_into(&t, lined, camel_heads, cut);
    if (n_cut < 0)
        goto done;
    Py_ssize_t n_lines;
    Py_ssize_t n = join_lines(cut, n_cut, joined, bounds, &n_lines, 0, kind);
    if (n_lines == 0) { /* no segment: one empty one */
        bounds[0] = bounds[1] = 0;
        n_lines = 1;
    }
    text = PyUnicode_FromKindAndData(kind, joined, n);
    if (text == NULL)
        goto done;
    lower = lower_into(joined, low, n, kind) ? PyUnicode_FromKindAndData(kind, low, n)
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

/* ------------------------------------------------------------------ heading candidates */

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

/* ------------------------------------------------------------------ module */

static PyMethodDef module_methods[] = {
    {"cut", cut, METH_VARARGS, cut_doc},
    {"segment", segment, METH_VARARGS, segment_doc},
    {"tidy", tidy, METH_O, tidy_doc},
    {"heading_candidates", heading_candidates, METH_VARARGS, heading_candidates_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "hireable.postings._cscan",
    .m_doc = "Compiled keyword finder and segment cutter for the posting analyser.",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC PyInit__cscan(void)
{
    init_cut_lead();
    if (PyType_Ready(&KeyTrieType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module_def);
    if (m == NULL)
        return NULL;
    Py_INCREF(&KeyTrieType);
    if (PyModule_AddObject(m, "KeyTrie", (PyObject *)&KeyTrieType) < 0) {
        Py_DECREF(&KeyTrieType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
