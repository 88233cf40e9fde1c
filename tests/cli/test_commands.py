"""Each CLI command, run as the real ``khabar`` binary on the founding articles and on built fixtures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

BIN = Path(sys.executable).with_name("khabar")


def run(
    db: Path, *args: str, input: bytes | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run ``khabar --db DB ARGS`` and return the finished process (text mode)."""
    env = {**os.environ, "COLUMNS": "200"}
    proc = subprocess.run(
        [str(BIN), "--db", str(db), *args],
        input=input.decode() if input is not None else None,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"khabar {' '.join(args)} exited {proc.returncode}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("cli") / "seeds.db"
    run(db, "ingest", str(seeds_dir))
    return db


def test_binary_exists() -> None:
    assert BIN.exists(), f"{BIN} missing: install the package (make test does)"


def test_ingest_summary_json_and_idempotence(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "k.db"
    first = json.loads(run(db, "ingest", "--json", str(seeds_dir)).stdout)
    assert first["ingested"] == 5 and first["skipped"] == {}
    second = run(db, "ingest", str(seeds_dir))
    assert "0 ingested, 5 already present" in second.stderr


def test_ingest_exit_status_1_when_nothing_could_be_ingested(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run(tmp_path / "k.db", "ingest", str(tmp_path / "empty.txt"), check=False)
    assert proc.returncode == 1
    assert "empty.txt" in proc.stderr and "1 skipped" in proc.stderr


def test_usage_error_exits_2(tmp_path: Path) -> None:
    assert run(tmp_path / "k.db", "ingest", check=False).returncode == 2
    assert run(tmp_path / "k.db", "ingest", "--map", "nonsense", "x", check=False).returncode == 2


def test_stdin_is_a_source(tmp_path: Path, seeds_dir: Path) -> None:
    data = (seeds_dir / "002_9022c90057377cdd.txt").read_bytes()
    out = json.loads(run(tmp_path / "k.db", "ingest", "--json", "-", input=data).stdout)
    assert out["ingested"] == 1


def test_articles_lists_newest_first_with_filters(seeded: Path) -> None:
    rows = json.loads(run(seeded, "articles", "--json").stdout)
    assert len(rows) == 5
    table = run(seeded, "articles").stdout
    assert "sha1:" in table


def test_show_prints_one_article_and_fails_cleanly_on_unknown_ids(seeded: Path) -> None:
    rows = json.loads(run(seeded, "articles", "--json").stdout)
    one = json.loads(run(seeded, "show", "--json", rows[0]["id"]).stdout)
    assert one["id"] == rows[0]["id"] and one["text"]
    missing = run(seeded, "show", "nope", check=False)
    assert missing.returncode == 1 and "no article 'nope'" in missing.stderr


def test_search_across_spellings(seeded: Path) -> None:
    hits = json.loads(run(seeded, "search", "--json", "لوکاشنکو").stdout)
    assert len(hits) >= 2  # Persian ک query finds the Arabic ك spelling too
    assert all(h["snippet"] for h in hits)


def test_export_formats(seeded: Path, tmp_path: Path) -> None:
    lines = run(seeded, "export", "articles").stdout.splitlines()
    assert len(lines) == 5
    rec = json.loads(lines[0])
    for key in ("id", "path", "url", "outlet", "lang", "title", "text", "published", "dateline", "removed",
                "repairs", "entities", "quotes", "sources", "event", "story", "duplicate_of"):  # fmt: skip
        assert key in rec
    run(seeded, "export", "articles", "--format", "csv", "-o", str(tmp_path / "a.csv"))
    assert (tmp_path / "a.csv").read_text(encoding="utf-8").count("\n") >= 6
    run(seeded, "export", "articles", "--format", "parquet", "-o", str(tmp_path / "a.parquet"))
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "a.parquet").num_rows == 5
    assert run(seeded, "export", "events").returncode == 0


def test_stats_and_reprocess(seeded: Path) -> None:
    stats = json.loads(run(seeded, "stats", "--json").stdout)
    assert stats["articles"] == 5 and stats["schema_version"] >= 1
    assert json.loads(run(seeded, "reprocess", "--json").stdout) == {"reprocessed": 0}


def test_db_from_environment(tmp_path: Path, seeds_dir: Path) -> None:
    env = {**os.environ, "KHABAR_DB": str(tmp_path / "env.db")}
    subprocess.run([str(BIN), "ingest", "-q", str(seeds_dir)], env=env, check=True, capture_output=True)
    assert (tmp_path / "env.db").exists()


def test_a_reader_searches_while_ingest_writes(tmp_path: Path, seeds_dir: Path) -> None:
    src = tmp_path / "many"
    src.mkdir()
    base = (seeds_dir / "004_cf6fa2405558f434.txt").read_text(encoding="utf-8")
    for i in range(400):
        (src / f"{i:04d}.txt").write_text(f"خبر رقم {i}\n\n{base}\n{i}", encoding="utf-8")
    db = tmp_path / "busy.db"
    run(db, "ingest", str(seeds_dir))
    writer = subprocess.Popen([str(BIN), "--db", str(db), "ingest", "-q", str(src)], stderr=subprocess.PIPE)
    searches = 0
    try:
        while writer.poll() is None or searches == 0:
            proc = run(db, "search", "--json", "بوتين")
            assert json.loads(proc.stdout)
            searches += 1
            time.sleep(0.05)
    finally:
        writer.wait(timeout=300)
    assert writer.returncode == 0, writer.stderr.read() if writer.stderr else ""
    assert searches >= 1
    assert json.loads(run(db, "stats", "--json").stdout)["articles"] == 405


def test_events_and_stories_after_ingest(seeded: Path) -> None:
    events = json.loads(run(seeded, "events", "--json").stdout)
    assert events and all(e["articles"] for e in events)
    stories = json.loads(run(seeded, "stories", "--json").stdout)
    assert {e["story"] for e in events} == {s["id"] for s in stories}
    assert "event" in run(seeded, "events").stdout
    exported = [json.loads(line) for line in run(seeded, "export", "events").stdout.splitlines()]
    assert sorted(e["id"] for e in exported) == sorted(e["id"] for e in events)


def test_show_event_and_story_with_their_timelines(seeded: Path) -> None:
    events = json.loads(run(seeded, "events", "--json").stdout)
    minsk = max(events, key=lambda e: len(e["articles"]))
    shown = json.loads(run(seeded, "show", "event", minsk["id"], "--json").stdout)
    assert shown["id"] == minsk["id"] and shown["places"] == minsk["places"]
    stamps = [a["published"] or "~" for a in shown["timeline"]]
    assert sorted(a["id"] for a in shown["timeline"]) == sorted(minsk["articles"] + minsk["copies"])
    assert stamps == sorted(stamps)
    text = run(seeded, "show", "event", minsk["id"]).stdout
    assert "timeline" in text and minsk["articles"][0][:12] in text
    story = json.loads(run(seeded, "show", "story", minsk["story"], "--json").stdout)
    assert minsk["id"] in [e["id"] for e in story["timeline"]]
    assert sorted(e["id"] for e in story["timeline"]) == sorted(story["events"])
    assert "timeline" in run(seeded, "show", "story", minsk["story"]).stdout
    missing = run(seeded, "show", "event", "nope", check=False)
    assert missing.returncode == 1 and "no event 'nope'" in missing.stderr
    assert run(seeded, "show", "venue", "x", check=False).returncode == 2


def test_recluster_and_batch_cluster_rebuild_the_same_articles(seeded: Path) -> None:
    before = {a["id"]: a["event"] for a in json.loads(run(seeded, "articles", "--json").stdout)}
    assert json.loads(run(seeded, "recluster", "--json").stdout)["clustered"] == 5
    after = {a["id"]: a["event"] for a in json.loads(run(seeded, "articles", "--json").stdout)}
    groups = lambda m: sorted(sorted(k for k in m if m[k] == v) for v in set(m.values()))  # noqa: E731
    assert groups(after) == groups(before)
    assert json.loads(run(seeded, "cluster", "--batch", "--json").stdout)["clustered"] == 5
    assert json.loads(run(seeded, "cluster", "--json").stdout)["clustered"] == 0  # nothing left unclustered


def test_eval_scores_khabar_beside_the_baselines(tmp_path: Path, seeds_dir: Path) -> None:
    labeled = tmp_path / "labeled.jsonl"
    rows = []
    for p in sorted(seeds_dir.glob("*.txt")):
        event = {"000": "spb", "002": "moscow"}.get(p.name[:3], "minsk")
        rows.append({"id": p.stem, "text": p.read_text(encoding="utf-8"), "event": event, "story": "belarus"})
    labeled.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = json.loads(run(tmp_path / "k.db", "eval", "--json", str(labeled)).stdout)
    assert result["articles"] == 5
    for system in ("khabar", "baseline_tfidf_agglomerative", "baseline_copies"):
        assert 0.0 <= result[system]["events"]["bcubed"]["f1"] <= 1.0
    assert "B³ F1" in run(tmp_path / "k.db", "eval", str(labeled)).stdout


def test_stages_lists_the_configured_pipeline_in_order_then_the_optional_stages(tmp_path: Path) -> None:
    from khabar.config import DEFAULT_PIPELINE

    db = tmp_path / "k.db"
    rows = json.loads(run(db, "stages", "--json").stdout)
    n = len(DEFAULT_PIPELINE)
    assert [(r["name"], r["position"]) for r in rows[:n]] == [
        (s, i + 1) for i, s in enumerate(DEFAULT_PIPELINE)
    ]
    assert {r["name"]: r["position"] for r in rows[n:]}["khabar.neural.embeddings.v1"] is None
    assert not db.exists()  # nothing to read from a corpus
    config = tmp_path / "k.toml"
    config.write_text(f"pipeline = {json.dumps([*DEFAULT_PIPELINE, 'khabar.neural.embeddings.v1'])}\n")
    rows = json.loads(run(db, "--config", str(config), "stages", "--json").stdout)
    assert {r["name"]: r["position"] for r in rows}["khabar.neural.embeddings.v1"] == n + 1
    # a cell is text, not rich markup: the sentences stage's "[start, end]" is printed as written
    assert "[start, end]" in run(db, "stages").stdout
