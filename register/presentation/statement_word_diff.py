"""A word-level diff of two published statements (policy revisions), as unified text and as HTML
with insertions and deletions marked.

A published statement is prose, where one changed word in a long paragraph matters, so a line
diff would show whole paragraphs replaced. The diff is computed with diff-match-patch (Google's
Myers diff with semantic clean-up) on words: each word, run of spaces and punctuation mark is
coded as one character, the coded texts are diffed, and the codes decoded. Its time limit is
switched off, so the same two texts always give the same diff.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Any

from diff_match_patch import diff_match_patch

DELETE, EQUAL, INSERT = -1, 0, 1
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]")
# Codes start past the Basic Multilingual Plane: no surrogate and no character of the text.
_FIRST_CODE = 0x10000


@dataclass(frozen=True)
class WordDiff:
    """The two texts as runs of equal, deleted and inserted words, in order."""

    runs: tuple[tuple[int, str], ...]

    def count(self, operation: int) -> int:
        return sum(len(re.findall(r"\w+", text)) for op, text in self.runs if op == operation)

    @property
    def unified(self) -> str:
        """As ``git diff --word-diff=plain`` writes it: [-deleted-] and {+inserted+}."""
        marks = {DELETE: "[-{}-]", EQUAL: "{}", INSERT: "{{+{}+}}"}
        return "".join(marks[op].format(text) for op, text in self.runs)

    @property
    def html(self) -> str:
        """An HTML fragment keeping the text's line breaks, with <del> and <ins>."""
        tags = {DELETE: "<del>{}</del>", EQUAL: "{}", INSERT: "<ins>{}</ins>"}
        body = "".join(tags[op].format(escape(text)) for op, text in self.runs)
        return f'<div class="word-diff" style="white-space:pre-wrap">{body}</div>'

    def as_json(self) -> dict[str, Any]:
        return {
            "unified": self.unified,
            "html": self.html,
            "inserted_words": self.count(INSERT),
            "deleted_words": self.count(DELETE),
        }


def word_diff(before: str, after: str) -> WordDiff:
    codes: dict[str, str] = {}
    tokens: list[str] = []

    def coded(text: str) -> str:
        out = []
        for token in _TOKENS.findall(text):
            if token not in codes:
                codes[token] = chr(_FIRST_CODE + len(tokens))
                tokens.append(token)
            out.append(codes[token])
        return "".join(out)

    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    runs = engine.diff_main(coded(before), coded(after), False)
    engine.diff_cleanupSemantic(runs)
    return WordDiff(
        tuple(
            (op, "".join(tokens[ord(c) - _FIRST_CODE] for c in text)) for op, text in runs if text
        )
    )


def word_diff_page(title: str, diff: WordDiff) -> str:
    """The diff as a self-contained HTML page."""
    style = (
        "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;"
        "line-height:1.5}del{background:#fdd;color:#900}ins{background:#dfd;color:#060;"
        "text-decoration:none}"
    )
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n{diff.html}\n</body>\n</html>\n"
    )
