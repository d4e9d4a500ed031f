/* The segment boundaries of segment._BOUNDARY, one matcher per alternative of the regex. */
#include "cscan.h"

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

void cscan_init_boundaries(void)
{
    for (int c = 0; c < 128; c++)
        cut_lead[c] = is_upper(c) ? LEAD_CAPITAL : is_digit09(c) ? LEAD_DIGIT : LEAD_NONE;
    for (const char *m = "\n.!?;:*-)"; *m; m++)
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
    if (c == ')' && (is_lower(before) || is_digit09(before) || before == '.' || before == '%'
                     || before == ']')
        && is_upper(at(t, j)) && is_lower(at(t, j + 1)))
        return j; /* _GLUED_PAREN */
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
        /* segment._cut: a sentence end (or a closing parenthesis) stays left of the break, a
         * glued word's capital right */
        if (c == '.' || c == '!' || c == '?' || c == ':' || c == ')') {
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

Py_ssize_t cscan_cut_into(const Text *t, int lined, PyObject *camel_heads, void *out)
{
    return BY_KIND(t->kind, cut_into_kind, t, lined, camel_heads, out);
}

