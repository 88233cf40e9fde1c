"""Memory as the store keeps growing: SaudiNewsNet ingested twice over, end to end, in one run.

    python -m bench.twice [--workers N]

The second pass repeats every record under a new id and url, its date a year later, so the store ends
with 62,060 records. Its texts are the first pass's, so they are stored as copies and join the events of
their originals: the second half measures memory as the store, the index and the clustering state grow,
not the clustering of new happenings. Prints the end-to-end result (blocks of 5,000) as JSON.
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
from pathlib import Path

from .__main__ import end_to_end
from .common import SAUDI, SAUDI_SIZE, require


def write_twice(out: Path) -> Path:
    """SaudiNewsNet, then every record again with a new id and url and its date a year later, as JSONL."""
    with gzip.open(require(SAUDI), "rt", encoding="utf-8") as fh:
        lines = fh.readlines()
    with out.open("w", encoding="utf-8") as dst:
        dst.writelines(lines)
        for line in lines:
            record = json.loads(line)
            record["id"] = f"again-{record['id']}"
            record["url"] = f"{record.get('url') or ''}#again"
            if record.get("date_extracted"):
                record["date_extracted"] = (
                    f"{int(record['date_extracted'][:4]) + 1}{record['date_extracted'][4:]}"
                )
            dst.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=0, help="processes for the stages (0: one per core)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        src = write_twice(Path(d) / "saudinewsnet-twice.jsonl")
        result = end_to_end(2 * SAUDI_SIZE, Path(d), workers=args.workers or None, engine="local", source=src)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
