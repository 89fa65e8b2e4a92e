import json
from pathlib import Path

import pytest

from mediane.synthesis.engine.cli import main
from mediane.synthesis.engine.readers import read_decidim, read_text

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
DECIDIM = DATA / "decidim-lille" / "propositions-libres.csv"

pytestmark = [
    pytest.mark.realdata,
    pytest.mark.skipif(not DECIDIM.exists(), reason="../shared/data is absent"),
]


def test_the_lille_decidim_export_is_read_whole():
    documents = read_decidim(read_text(DECIDIM))

    assert len(documents) > 150
    assert all(d.text for d in documents)
    assert len({d.id for d in documents}) == len(documents)


def test_the_lille_decidim_export_is_synthesised_from_the_command_line(tmp_path):
    output = tmp_path / "lille.json"

    assert main([str(DECIDIM), "--output", str(output), "--min-topics", "4", "--max-topics", "12"]) == 0

    data = json.loads(output.read_text(encoding="utf-8"))
    assert 4 <= len(data["topics"]) <= 12
    everyone = [i for t in data["topics"] for i in t["member_ids"]] + data["other"] + data["non_informative"]
    everyone += [i for answer in data["closed_answers"] for i in answer["member_ids"]]
    assert sorted(everyone) == sorted({i for i in everyone}) and len(everyone) == data["figures"]["documents"]
