"""iter_documents end to end on real-looking fixtures: every format, encoding and bad-input case."""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

import httpx
import pytest

from khabar.model import Document
from khabar.sources import Problem, SourceOptions, iter_documents
from tests.fixtures import builders as b


def _run(inputs: list[str | Path], **options: object) -> list[Document | Problem]:
    return list(iter_documents([str(i) for i in inputs], SourceOptions(**options)))  # type: ignore[arg-type]


def _one_doc(path: Path, **options: object) -> Document:
    (item,) = _run([path], **options)
    assert isinstance(item, Document), item
    return item


def _problems(items: list[Document | Problem]) -> list[str]:
    return [str(i) for i in items if isinstance(i, Problem)]


def test_html_page_is_decoded_with_cheap_metadata(tmp_path: Path) -> None:
    path = b.write_html_article(tmp_path)
    doc = _one_doc(path)
    assert doc.origin == str(path)
    assert doc.content_type == "text/html"
    assert isinstance(doc.content, str) and b.ARABIC_PARAGRAPHS[0] in doc.content
    assert doc.meta["url"] == b.CANONICAL_URL
    assert doc.meta["path"] == str(path)
    assert doc.meta["html_lang"] == "ar"


def test_plain_text_title_is_the_first_non_empty_line(tmp_path: Path) -> None:
    doc = _one_doc(b.write_text(tmp_path, text="\n\n  " + b.ARABIC_TEXT))
    assert (doc.content_type, doc.meta["title"]) == ("text/plain", b.ARABIC_TITLE)


def test_markdown_title_loses_its_heading_marks(tmp_path: Path) -> None:
    doc = _one_doc(b.write_markdown(tmp_path))
    assert (doc.content_type, doc.meta["title"]) == ("text/markdown", b.ARABIC_TITLE)


def test_markdown_is_recognised_by_content_under_any_name(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(f"## {b.ARABIC_TITLE} ##\n\n{b.ARABIC_PARAGRAPHS[0]}\n", "utf-8")
    doc = _one_doc(path)
    assert (doc.content_type, doc.meta["title"]) == ("text/markdown", b.ARABIC_TITLE)


def test_sidecar_metadata_merges_into_one_document(tmp_path: Path) -> None:
    b.write_sidecar_pair(tmp_path)
    (doc,) = _run([tmp_path])
    assert isinstance(doc, Document)
    assert doc.record_id == "sidecar-1"
    assert doc.meta["url"] == "https://www.alkhabar.example/yemen/1"
    assert doc.meta["published"] == "2024-03-10T14:30:00+03:00"
    assert doc.meta["outlet"] == "صحيفة الخبر"
    assert doc.meta["section"] == "world"


def test_broken_sidecar_is_a_problem(tmp_path: Path) -> None:
    text, meta = b.write_sidecar_pair(tmp_path)
    meta.write_text("{oops", "utf-8")
    (problem,) = _run([text])
    assert isinstance(problem, Problem) and "bad sidecar story.json" in problem.reason


def test_jsonl_reports_bad_lines_and_continues(tmp_path: Path) -> None:
    path = b.write_jsonl_with_bad_line(tmp_path)
    items = _run([path])
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.origin for d in docs] == [f"{path}:1", f"{path}:5"]
    first, second = docs
    assert first.record_id == "rec-1"
    assert first.meta["published"] == "2024-03-10T14:30:00"
    assert first.meta["outlet"] == "صحيفة الخبر"
    assert first.meta["file"] == str(path) and "path" not in first.meta
    assert second.content == b.PERSIAN_TEXT
    assert second.meta["published"] == "2024-03-10T18:00:00+03:30"
    assert second.meta["outlet"] == "ایرنا"
    assert _problems(items) == [
        f"{path}:2: malformed JSON: Unterminated string starting at (column 26)",
        f"{path}:3: record without text (text|content|body)",
    ]


def test_field_map_reads_other_field_names(tmp_path: Path) -> None:
    path = b.write_jsonl_mapped(tmp_path)
    (unmapped,) = _run([path])
    assert isinstance(unmapped, Problem) and unmapped.line == 1
    doc = _one_doc(path, field_map={"text": "article_body", "title": "headline", "url": "link", "id": "uid"})
    assert doc.content == b.ARABIC_TEXT
    assert (doc.record_id, doc.meta["title"], doc.meta["url"]) == (
        "m-1",
        b.ARABIC_TITLE,
        "https://news.example/m1",
    )


def test_json_array(tmp_path: Path) -> None:
    path = b.write_json_array(tmp_path)
    doc, problem = _run([path])
    assert isinstance(doc, Document) and doc.origin == f"{path}#1" and doc.record_id == "rec-1"
    assert str(problem) == f"{path}: record 2: record without text (text|content|body)"


def test_json_object_wrapping_a_list_of_records(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('{"status": "ok", "articles": [{"id": "w1", "body": "نص الخبر"}]}', "utf-8")
    assert _one_doc(path).record_id == "w1"


def test_record_with_html_text_is_html(tmp_path: Path) -> None:
    path = tmp_path / "h.jsonl"
    path.write_text('{"id": "h", "text": "<div><p>قال الوزير</p></div>"}\n', "utf-8")
    assert _one_doc(path).content_type == "text/html"


def test_gzipped_jsonl_is_detected_by_magic_bytes(tmp_path: Path) -> None:
    path = b.write_jsonl_gz(tmp_path)
    renamed = path.rename(tmp_path / "records.bin")
    items = _run([renamed])
    assert [d.record_id for d in items if isinstance(d, Document)] == ["rec-1", "rec-2"]
    assert len(_problems(items)) == 2


def test_truncated_gzip_jsonl_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    lines = b"".join(b'{"id": "%d", "text": "%s"}\n' % (i, b"x" * 200) for i in range(2000))
    data = gzip.compress(lines, compresslevel=1)
    path.write_bytes(data[: len(data) // 2])
    items = _run([path])
    assert 0 < sum(isinstance(i, Document) for i in items) < 2000
    assert _problems(items) == [f"{path}: truncated gzip"]


def test_warc_yields_only_the_html_response(tmp_path: Path) -> None:
    path = b.write_warc(tmp_path)
    doc = _one_doc(path)
    assert doc.origin == b.CANONICAL_URL
    assert doc.content_type == "text/html"
    assert b.ARABIC_PARAGRAPHS[1] in doc.content
    assert doc.meta["url"] == b.CANONICAL_URL
    assert doc.meta["file"] == str(path)
    assert "crawled" in doc.meta and "published" not in doc.meta


def test_uncompressed_warc(tmp_path: Path) -> None:
    assert _one_doc(b.write_warc(tmp_path, "crawl.warc")).origin == b.CANONICAL_URL


@pytest.mark.parametrize("writer", [b.write_rss, b.write_atom])
def test_feed_entries_use_content_or_fetch_the_linked_page(tmp_path: Path, writer) -> None:
    path = writer(tmp_path)
    full, linked = _run([path], transport=b.web_with_linked_page())
    assert isinstance(full, Document) and isinstance(linked, Document)
    assert full.origin == b.FEED_FULL_URL
    assert full.content_type == "text/html" and b.ARABIC_PARAGRAPHS[0] in full.content
    assert full.meta["title"] == b.ARABIC_TITLE
    assert full.meta["published"] == "2024-03-10T14:30:00+03:00"
    assert full.meta["outlet"] in ("صحيفة الخبر", "وكالة الأنباء")
    assert linked.origin == b.LINKED_URL
    assert b.ARABIC_PARAGRAPHS[2] in linked.content and "<html" in linked.content
    assert linked.meta["title"] == b.LINKED_TITLE
    assert linked.meta["published"] == "2024-03-11T09:00:00+03:00"
    assert linked.meta["summary"].startswith("حذرت الأمم المتحدة")


def test_feed_summary_is_used_without_fetching_or_when_the_fetch_fails(tmp_path: Path) -> None:
    path = b.write_rss(tmp_path)
    _, offline = _run([path], fetch_linked=False)
    _, dead = _run([path], transport=b.mock_transport({}))
    for doc in (offline, dead):
        assert isinstance(doc, Document)
        assert doc.content == "حذرت الأمم المتحدة من تفاقم الأزمة الإنسانية في اليمن."
    assert dead.meta["fetch_error"] == "HTTP 404 Not Found"


def test_feed_without_entries_and_entry_without_text(tmp_path: Path) -> None:
    empty = tmp_path / "empty.rss"
    empty.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>', "utf-8"
    )
    bare = tmp_path / "bare.rss"
    bare.write_text(
        '<rss version="2.0"><channel><title>t</title><item><title>x</title></item></channel></rss>', "utf-8"
    )
    assert _problems(_run([empty, bare])) == [
        f"{empty}: feed without entries",
        f"{bare}: entry 1: no content or summary",
    ]


@pytest.mark.parametrize(
    ("writer", "text"),
    [
        (b.write_cp1256, b.ARABIC_TEXT),
        (b.write_iso8859_6, b.ARABIC_TEXT),
        (b.write_utf16, b.PERSIAN_TEXT),
    ],
)
def test_encodings_come_in_as_unicode(tmp_path: Path, writer, text: str) -> None:
    doc = _one_doc(writer(tmp_path))
    assert doc.content == text
    assert doc.meta["title"] == text.split("\n")[0]


def test_persian_cp1256_file(tmp_path: Path) -> None:
    path = b.write_cp1256(tmp_path, "fa.txt", b.PERSIAN_TEXT_ARABIC_LETTERS)
    assert _one_doc(path).content == b.PERSIAN_TEXT_ARABIC_LETTERS


def test_html_in_cp1256_with_meta_charset(tmp_path: Path) -> None:
    page = b.html_page(b.ARABIC_TITLE, b.ARABIC_PARAGRAPHS).replace(
        'charset="utf-8"', 'charset="windows-1256"'
    )
    path = tmp_path / "legacy.htm"
    path.write_bytes(page.replace("©", "(c)").encode("cp1256"))
    assert b.ARABIC_PARAGRAPHS[3] in _one_doc(path).content


def test_bad_inputs_are_one_line_problems_and_the_run_continues(tmp_path: Path) -> None:
    good = b.write_text(tmp_path, "good.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    bad = [
        b.write_binary(tmp_path),
        b.write_empty(tmp_path),
        b.write_truncated_gzip(tmp_path),
        b.write_oversized(tmp_path, 5000),
        tmp_path / "dangling.txt",
        tmp_path / "missing.txt",
    ]
    (tmp_path / "blank.txt").write_text("  \n\n ", "utf-8")
    items = _run([*bad, tmp_path / "blank.txt", good], max_bytes=4000)
    assert _problems(items) == [
        f"{bad[0]}: binary content (NUL bytes)",
        f"{bad[1]}: empty file",
        f"{bad[2]}: truncated gzip",
        f"{bad[3]}: file larger than 4000 bytes",
        f"{bad[4]}: broken symlink",
        f"{bad[5]}: no such file or directory",
        f"{tmp_path / 'blank.txt'}: empty file",
    ]
    assert isinstance(items[-1], Document) and items[-1].origin == str(good)


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 9)) * 300)
    (problem,) = _run([path])
    assert isinstance(problem, Problem) and "binary content" in problem.reason


def test_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = gzip.compress(b.write_jsonl_with_bad_line(tmp_path).read_bytes())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = _run(["-"])
    assert [i.origin for i in items if isinstance(i, Document)] == ["<stdin>:1", "<stdin>:5"]
    assert _problems(items)[0].startswith("<stdin>:2: malformed JSON")


def test_glob_input(tmp_path: Path) -> None:
    b.write_cp1256(tmp_path)
    b.write_utf16(tmp_path)
    b.write_html_article(tmp_path)
    items = _run([f"{tmp_path}/*.txt"])
    assert [Path(i.origin).name for i in items] == ["legacy-cp1256.txt", "utf16.txt"]


def test_url_input_is_fetched_and_sniffed(tmp_path: Path) -> None:
    feed = b.write_atom(tmp_path).read_bytes()
    routes = {
        "https://news.example/feed": httpx.Response(
            200, headers={"content-type": "application/atom+xml"}, content=feed
        ),
        b.LINKED_URL: httpx.Response(200, headers={"content-type": "text/html"}, text=b.linked_page()),
        "https://news.example/page": httpx.Response(
            200, headers={"content-type": "text/html"}, text=b.linked_page()
        ),
    }
    items = _run(
        ["https://news.example/page", "https://news.example/feed"], transport=b.mock_transport(routes)
    )
    page, full, linked = items
    assert isinstance(page, Document) and page.meta["url"] == "https://news.example/page"
    assert page.content_type == "text/html" and "path" not in page.meta
    assert isinstance(full, Document) and full.origin == b.FEED_FULL_URL
    assert isinstance(linked, Document) and linked.origin == b.LINKED_URL


def test_problem_str() -> None:
    assert str(Problem("a.jsonl", "malformed JSON: x", 12)) == "a.jsonl:12: malformed JSON: x"
    assert (
        str(Problem("https://x.example/", "HTTP 404 Not Found")) == "https://x.example/: HTTP 404 Not Found"
    )
