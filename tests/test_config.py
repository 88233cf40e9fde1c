"""Configuration: defaults, TOML overrides, environment, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar import config


def test_defaults_are_copied_not_shared() -> None:
    a = config.load()
    a["pipeline"].append("x")
    assert "x" not in config.load()["pipeline"]


def test_toml_overrides_merge_deeply(tmp_path: Path) -> None:
    f = tmp_path / "k.toml"
    f.write_text('[ingest]\nmax_bytes = 10\n[stages."khabar.text.html.v1"]\nfoo = 1\n', encoding="utf-8")
    cfg = config.load(f)
    assert cfg["ingest"]["max_bytes"] == 10
    assert cfg["ingest"]["timeout"] == config.DEFAULTS["ingest"]["timeout"]
    assert cfg["stages"]["khabar.text.html.v1"] == {"foo": 1}


def test_environment_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "k.toml"
    f.write_text("pipeline = ['khabar.text.html.v1']\n", encoding="utf-8")
    monkeypatch.setenv("KHABAR_CONFIG", str(f))
    assert config.load()["pipeline"] == ["khabar.text.html.v1"]


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    f = tmp_path / "bad.toml"
    f.write_text("pipeline = [", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.toml: cannot read config"):
        config.load(f)


def test_the_store_section_sizes_the_writers_page_cache(tmp_path: Path) -> None:
    import khabar
    from khabar.store.sqlite import DEFAULT_CACHE_MIB

    def cache_kib(k: khabar.Khabar) -> int:
        return -k.store._writer.execute("PRAGMA cache_size").fetchone()[0]

    with khabar.open(tmp_path / "default.db") as k:
        assert cache_kib(k) == DEFAULT_CACHE_MIB * 1024
    with khabar.open(tmp_path / "small.db", store={"cache_mib": 8}) as k:
        assert cache_kib(k) == 8 * 1024
