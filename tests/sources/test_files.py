"""Input expansion: directories, globs, hidden files, sidecars, missing paths."""

from __future__ import annotations

from pathlib import Path

from khabar.sources import Problem
from khabar.sources.files import expand, find_sidecar
from tests.fixtures.builders import write_jsonl_with_bad_line, write_sidecar_pair, write_text


def _tree(root: Path) -> None:
    (root / "b").mkdir()
    (root / ".hidden").mkdir()
    write_text(root, "z.txt")
    write_text(root / "b", "a.txt")
    write_text(root / ".hidden", "secret.txt")
    write_text(root, ".dotfile.txt")
    write_sidecar_pair(root, "story")
    write_jsonl_with_bad_line(root, "records.jsonl")
    (root / "records.json").write_text('{"not": "a sidecar of records.jsonl"}', "utf-8")


def test_directory_is_walked_sorted_without_hidden_files_or_sidecars(tmp_path: Path) -> None:
    _tree(tmp_path)
    names = [p.relative_to(tmp_path).as_posix() for p in expand([str(tmp_path)])]
    assert names == ["b/a.txt", "records.json", "records.jsonl", "story.txt", "z.txt"]


def test_glob_is_recursive_sorted_and_drops_sidecars(tmp_path: Path) -> None:
    _tree(tmp_path)
    got = [p.name for p in expand([f"{tmp_path}/**/*"])]
    assert got == ["a.txt", "records.json", "records.jsonl", "story.txt", "z.txt"]
    assert [p.name for p in expand([f"{tmp_path}/*.txt"])] == ["story.txt", "z.txt"]


def test_urls_stdin_and_duplicates_pass_in_order(tmp_path: Path) -> None:
    path = write_text(tmp_path)
    got = list(expand(["https://a.example/x", "-", str(path), str(tmp_path)]))
    assert got == ["https://a.example/x", "-", path]


def test_missing_inputs_are_problems(tmp_path: Path) -> None:
    got = list(expand([str(tmp_path / "nope.txt"), f"{tmp_path}/*.xml"]))
    assert got == [
        Problem(str(tmp_path / "nope.txt"), "no such file or directory"),
        Problem(f"{tmp_path}/*.xml", "no files match"),
    ]


def test_broken_symlink_is_listed_so_it_can_be_reported(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    assert list(expand([str(tmp_path)])) == [tmp_path / "dangling.txt"]


def test_find_sidecar(tmp_path: Path) -> None:
    text, meta = write_sidecar_pair(tmp_path)
    assert find_sidecar(text) == meta
    assert find_sidecar(write_text(tmp_path, "alone.txt")) is None
    named = write_text(tmp_path, "page.html")
    (tmp_path / "page.html.json").write_text("{}", "utf-8")
    assert find_sidecar(named) == tmp_path / "page.html.json"
