"""The entity, quote and gazetteer commands, run as the real binary."""

from __future__ import annotations

import json
from pathlib import Path

from .test_commands import run


def test_entities_by_type_and_language_with_spellings(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "k.db"
    run(db, "ingest", str(seeds_dir))
    persons = json.loads(run(db, "entities", "--json", "--type", "person").stdout)["items"]
    assert persons and all(e["type"] == "PERSON" for e in persons)
    putin = next(e for e in persons if e["id"] == "Q7747")
    assert {v["lang"] for v in putin["variants"].values()} >= {"ar", "fa"}
    persian = json.loads(run(db, "entities", "--json", "--lang", "fa").stdout)["items"]
    assert persian and all(any(v["lang"] == "fa" for v in e["variants"].values()) for e in persian)
    assert "spellings" in run(db, "entities").stdout


def test_entity_detail_and_unknown_entity(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "k.db"
    run(db, "ingest", str(seeds_dir))
    detail = json.loads(run(db, "entity", "--json", "Q7747").stdout)
    assert detail["name"] == "Vladimir Putin"
    assert detail["timeline"] and detail["events"]
    assert any(c["id"] == "Q159" for c in detail["cooccurring"])  # Russia
    missing = run(db, "entity", "nope", check=False)
    assert missing.returncode == 1 and "no entity 'nope'" in missing.stderr


def test_quotes_by_speaker(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "k.db"
    run(db, "ingest", str(seeds_dir))
    quotes = json.loads(run(db, "quotes", "--json", "--speaker", "Q7747", "-n", "100").stdout)
    assert len(quotes) >= 8 and all(q["speaker"]["id"] == "Q7747" for q in quotes)
    assert json.loads(run(db, "quotes", "--json", "--lang", "fa").stdout)


def test_no_curated_still_finds_and_links_persons(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "k.db"
    run(db, "ingest", "--no-curated", str(seeds_dir))
    persons = json.loads(run(db, "entities", "--json", "--type", "PERSON").stdout)["items"]
    luka = [e for e in persons if any("لوکاشنکو" in v or "لوكاشينكو" in v for v in e["variants"])]
    assert len(luka) == 1 and {v["lang"] for v in luka[0]["variants"].values()} >= {"ar", "fa"}
    assert not any(e["id"] == "Q7747" for e in persons)  # no curated id without the curated list


def test_gazetteer_import_then_reprocess_finds_the_new_name(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    text = "أعلنت شركة نفط الرميلة الجديدة اليوم عن اكتشاف حقل جديد في جنوب العراق، وقال مديرها إن الإنتاج سيبدأ قريبا."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    run(db, "ingest", str(tmp_path / "a.txt"))
    csv = tmp_path / "mine.csv"
    csv.write_text("id,type,name,variant,lang\nmy:rumaila,ORG,Rumaila Oil,نفط الرميلة,ar\n", encoding="utf-8")
    assert json.loads(run(db, "gazetteer", "import", "--json", str(csv)).stdout) == {"imported": 1}
    run(db, "reprocess", "--all")
    ents = json.loads(run(db, "export", "articles").stdout.splitlines()[0])["entities"]
    assert any(e["id"] == "my:rumaila" for e in ents)
    bad = tmp_path / "bad.csv"
    bad.write_text("id,type,name,variant,lang\nx,NOPE,,y,ar\n", encoding="utf-8")
    proc = run(db, "gazetteer", "import", str(bad), check=False)
    assert proc.returncode == 1 and "bad.csv:2" in proc.stderr
