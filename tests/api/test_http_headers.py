"""What every answer says to browsers and caches, and the Markdown register that a name cannot
restructure (issue 7, HTTP)."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from register.presentation.markdown import render, text
from tests.api.client import ApiClient, activity_body, recipient_body

HOSTILE_NAME = "# Evil\n- item [x](http://a)"


def test_every_answer_is_nosniff_and_every_authenticated_one_no_store(
    api: ApiClient, tokens: dict[str, str]
) -> None:
    entry = api.register("activities", activity_body())
    authenticated = [
        api.get("/api/v1/register"),
        api.get("/api/v1/register", format="md"),
        api.get(f"/api/v1/activities/{entry['id']}"),
        api.get("/api/v1/nothing-here"),
        api.post("/api/v1/activities", {"name": ""}),
        api.with_token(tokens["admin"]).post("/api/v1/tokens", {"name": "New", "role": "dpo"}),
        api.with_token(tokens["bad"]).get("/api/v1/register"),
    ]
    for response in authenticated:
        assert response.headers["X-Content-Type-Options"] == "nosniff", response.status_code
        assert response.headers["Cache-Control"] == "no-store", response.status_code
    open_answers = [api.with_token(None).get(path) for path in ("/health", "/openapi.json")]
    open_answers.append(api.with_token(None).get("/api/v1/register"))
    for response in open_answers:
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def structure(markdown: str) -> list[str]:
    """The kinds of block and inline element a Markdown document is made of."""
    found = []
    for token in MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(markdown):
        found.append(token.type)
        found += [child.type for child in token.children or []]
    return found


@pytest.mark.parametrize(
    "name",
    [
        HOSTILE_NAME,
        "<b>bold</b> &amp; <script>x</script>",
        "```\ncode\n```",
        "a | b\n--|--\nc | d",
        "- list",
        "1. ordered",
        "> quote",
        "**strong** _em_ ~~gone~~ `code`",
        "Name\n===",
        "![img](http://a/x.png)",
        "<http://a>",
        "trailing backslash \\",
    ],
)
def test_user_text_renders_as_itself_and_adds_no_structure(name: str) -> None:
    rendered = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    line = f"### {text(name)}"
    assert structure(line) == ["heading_open", "inline", "text", "heading_close"], line
    heading = rendered.parseInline(text(name))[0].children
    assert "".join(child.content for child in heading) == " ".join(name.split())


def test_names_with_markdown_in_them_leave_the_register_as_it_is_built(api: ApiClient) -> None:
    recipient = api.register("recipients", recipient_body(name="[Mail](http://evil) | x"))
    api.register("activities", activity_body(name=HOSTILE_NAME, recipients=[recipient["id"]]))
    markdown = api.get("/api/v1/register", format="md").get_data(as_text=True)
    document = api.get("/api/v1/register").get_json()
    for entry in (*document["activities"], *document["recipients"]):
        entry["name"] = "Plain"
    assert structure(markdown) == structure(render(document))
    assert "### \\# Evil - item \\[x\\](http://a)" in markdown.splitlines()


def test_terminal_control_characters_are_shown_not_obeyed() -> None:
    assert text("\x1b[2Jred\x07") == "\ufffd\\[2Jred\ufffd"
    assert text("abc\u202edef") == "abc\ufffddef"
