"""HTML from each job-board shape becomes clean text, one block a line, bullets as "- "."""

from __future__ import annotations

import pytest

from hireable.postings.text import html_to_text

GREENHOUSE = (
    "&lt;p&gt;&lt;strong&gt;About the role&lt;/strong&gt;&lt;/p&gt;"
    "&lt;p&gt;You will build models&amp;nbsp;for&amp;nbsp;fraud.&lt;/p&gt;"
    "&lt;ul&gt;&lt;li&gt;3+ years of Python&lt;/li&gt;"
    "&lt;li&gt;BS or equivalent&lt;/li&gt;&lt;/ul&gt;"
)
LEVER = (
    "<div>We are hiring.</div><div><b>Requirements</b></div>"
    "<ul><li>SQL &amp; Python</li>"
    "<li>Nice to have:<ul><li>Spark</li><li>Airflow</li></ul></li></ul>"
)


def test_greenhouse_escaped_html_is_unescaped_then_stripped() -> None:
    assert html_to_text(GREENHOUSE) == (
        "About the role\nYou will build models for fraud.\n- 3+ years of Python\n- BS or equivalent"
    )


def test_lever_lists_keep_one_bullet_a_line_and_nesting() -> None:
    assert html_to_text(LEVER).split("\n") == [
        "We are hiring.",
        "Requirements",
        "- SQL & Python",
        "- Nice to have:",
        "  - Spark",
        "  - Airflow",
    ]


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>one<br>two<br/>three</p>", "one\ntwo\nthree"),
        ("<p>a&nbsp;&nbsp;b\u00a0c</p>", "a b c"),
        ("<p>keep <em>inline</em> words</p>", "keep inline words"),
        ("<style>p{color:red}</style><script>x()</script><p>shown</p>", "shown"),
        ("<!-- hidden --><h2>Title</h2>body", "Title\nbody"),
        ("<table><tr><td>a</td><td>b</td></tr></table>", "a b"),
    ],
)
def test_markup_shapes(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_preformatted_lines_stay_lines() -> None:
    comment = (
        "We are hiring:<p><pre><code>  Backend Engineer\n  Vision Engineer\n</code></pre>\n"
        "Write to\njobs@example.com"
    )
    assert html_to_text(comment).split("\n") == [
        "We are hiring:",
        "Backend Engineer",
        "Vision Engineer",
        "Write to jobs@example.com",  # outside <pre>, a source newline is a space
    ]


def test_plain_text_keeps_its_lines_and_comparisons() -> None:
    plain = "Requirements:\n  x < 5 and y > 2   \n\n\n- Python &amp; SQL"
    assert html_to_text(plain) == "Requirements:\nx < 5 and y > 2\n- Python & SQL"


def test_empty_and_control_characters() -> None:
    assert html_to_text("") == ""
    assert html_to_text("a\x00b\u200bc\r\nd") == "abc\nd"


def test_the_lowercase_copy_keeps_every_offset_of_the_text() -> None:
    # "İ".lower() is two characters: without care every later offset of the lowercase copy
    # would point one character off in the text, and evidence would be quoted from the wrong place.
    from hireable.postings.analyse import analyse
    from hireable.postings.segment import make_doc

    doc = make_doc("İİİİ office in İzmir. Requirements: Bachelor's degree required.")
    assert len(doc.lower) == len(doc.text)
    assert [doc.lower[a:b] for a, b in zip(doc.starts, doc.ends, strict=True)] == [
        doc.segment(i).lower().replace("i̇", "i") for i in range(len(doc.starts))
    ]
    text = "İzmir, İstanbul, İİİİİİ offices. Bachelor's degree required. Go."
    quoted = analyse(text, "Analyst")["evidence"]["degree"]
    assert quoted == analyse(text.replace("İ", "I"), "Analyst")["evidence"]["degree"]
    assert quoted.startswith("Bachelor's")
