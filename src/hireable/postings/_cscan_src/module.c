/* Compiled versions of the posting analyser's widest text passes.
 *
 * - KeyTrie.find: where every registered keyword starts a word (scan.Triggers.find), or where
 *   every registered literal occurs (scan.Needles.find).
 * - cut: where one segment ends and the next begins (segment._BOUNDARY.sub(_cut, text));
 *   segment: that cut, split into stripped lines, rejoined and lowercased (segment.make_doc).
 * - tidy: the common case of text._tidy (lines stripped, empty ones dropped).
 * - heading_candidates: the segments segment._tag_sections must read as possible headings.
 *
 * Each one gives exactly what its pure-Python reference gives (tests/postings/test_cscan.py
 * compares them on the corpus and on generated text); the package uses the reference when this
 * module is not built. The Python regexes stay the readable specification: a change there must be
 * made here too, and the comparison tests say when the two disagree.
 *
 * Files: cscan.h (character classes, a view of a str), trie.c (KeyTrie), boundaries.c (the cut
 * rules), lines.c (cut, segment, tidy), headings.c (heading_candidates), module.c (this).
 */
#include "cscan.h"

/* accel.py loads this module only when the numbers match: a build left over from older sources
 * (an editable install not rebuilt after a pull) is skipped, not half-used. Change both when
 * the module's functions change. */
#define CSCAN_VERSION 3

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "hireable.postings._cscan",
    .m_doc = "Compiled keyword finder and segment cutter for the posting analyser.",
    .m_size = -1,
};

PyMODINIT_FUNC PyInit__cscan(void)
{
    cscan_init_boundaries();
    if (PyType_Ready(&cscan_KeyTrieType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module_def);
    if (m == NULL)
        return NULL;
    if (PyModule_AddFunctions(m, cscan_lines_methods) < 0
        || PyModule_AddFunctions(m, cscan_headings_methods) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddIntConstant(m, "VERSION", CSCAN_VERSION) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&cscan_KeyTrieType);
    if (PyModule_AddObject(m, "KeyTrie", (PyObject *)&cscan_KeyTrieType) < 0) {
        Py_DECREF(&cscan_KeyTrieType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
