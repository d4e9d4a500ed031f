/* Shared by the compiled scanner's files: character classes and a read-only view of a str.
 *
 * Character classes follow Python's `re` on str patterns: [a-z], [A-Z] and [0-9] are ASCII only;
 * \s, \d and \w (so \b) are Unicode.
 */
#ifndef HIREABLE_CSCAN_H
#define HIREABLE_CSCAN_H

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

/* `fn(args..., kind)` called with each string width as a constant, so the compiler makes one
 * copy of an ALWAYS_INLINE `fn` per width: BY_KIND(t.kind, lower_kind, src, dst, n). */
#define BY_KIND(kind, fn, ...)                                                                \
    ((kind) == PyUnicode_1BYTE_KIND   ? fn(__VA_ARGS__, PyUnicode_1BYTE_KIND)                 \
     : (kind) == PyUnicode_2BYTE_KIND ? fn(__VA_ARGS__, PyUnicode_2BYTE_KIND)                 \
                                      : fn(__VA_ARGS__, PyUnicode_4BYTE_KIND))

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
static inline int holds(const Text *t, Py_ssize_t i, const char *s)
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
static inline int word_before(const Text *t, Py_ssize_t end, const char *word)
{
    Py_ssize_t start = end - (Py_ssize_t)strlen(word);
    return start >= 0 && holds(t, start, word) && word_starts_at(t, start);
}

static inline int text_init(Text *t, PyObject *s)
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


/* What each file gives the module (module.c). */
extern PyTypeObject cscan_KeyTrieType;                                   /* trie.c */
extern PyMethodDef cscan_lines_methods[];                                /* lines.c */
extern PyMethodDef cscan_headings_methods[];                             /* headings.c */
void cscan_init_boundaries(void);                                        /* boundaries.c */
Py_ssize_t cscan_cut_into(const Text *t, int lined, PyObject *camel_heads, void *out);

#endif
