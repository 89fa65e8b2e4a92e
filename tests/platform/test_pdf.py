"""`mediane/pdf.py`: every PDF is tagged and accessible (PDF/UA-1), with its title and its language."""

import logging
import re
import zlib

import pytest

from mediane import pdf
from tests.platform.pdf_structure import read_structure

needs_pdf = pytest.mark.skipif(
    not pdf.pdf_available(), reason="WeasyPrint ne trouve pas Pango : apt-get install libpango-1.0-0"
)

DOCUMENT = """<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Fiche d'orientation — Lyon 3e Arrondissement</title></head>
<body>
  <h1>Votre fiche d'orientation</h1>
  <p>Un lieu près de chez vous : <a href="https://example.org/lieux/1/">Médiathèque Jean Macé</a>.</p>
  <table><caption>Horaires</caption>
    <thead><tr><th scope="col">Jour</th><th scope="col">Heures</th></tr></thead>
    <tbody><tr><td>Lundi</td><td>9 h – 12 h</td></tr></tbody>
  </table>
  <svg xmlns="http://www.w3.org/2000/svg" width="40" height="10" role="img" aria-label="Contributions par sujet">
    <title>Contributions par sujet</title><rect width="40" height="10"/>
  </svg>
</body>
</html>"""


@needs_pdf
def test_a_pdf_is_tagged_with_its_title_its_language_and_its_structure(caplog):
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        data, pages = pdf.render_pdf(DOCUMENT, "http://localhost:8000")

    structure = read_structure(data)
    assert pages == structure.pages == 1
    assert structure.tagged
    assert structure.title == "Fiche d'orientation — Lyon 3e Arrondissement"
    assert structure.lang == "fr"
    assert {"Document", "H1", "P", "Link", "Table", "THead", "TH", "TD", "Caption", "Figure"} <= structure.tags
    assert structure.figure_alts == ["Contributions par sujet"]
    # WeasyPrint logs an error for each thing PDF/UA misses (a figure without alternative, no language).
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


def xmp_metadata(data: bytes) -> bytes:
    """The XMP packet of a PDF, wherever it is and however its stream is compressed."""
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(match.group(1))
        except zlib.error:
            content = match.group(1)
        if b"<x:xmpmeta" in content:
            return content
    return b""


@needs_pdf
def test_the_pdf_declares_pdf_ua_1_in_its_metadata():
    data, _ = pdf.render_pdf(DOCUMENT, "http://localhost:8000")

    assert data.startswith(b"%PDF-1.7")
    xmp = xmp_metadata(data)
    assert b'pdfuaid:part="1"' in xmp
    assert "Fiche d'orientation — Lyon 3e Arrondissement" in xmp.decode()


@pytest.mark.parametrize(
    "document",
    [
        DOCUMENT.replace(' lang="fr"', ""),
        DOCUMENT.replace("<title>Fiche d'orientation — Lyon 3e Arrondissement</title>", ""),
    ],
    ids=["sans langue", "sans titre"],
)
@needs_pdf
def test_a_document_without_language_or_title_is_refused_rather_than_printed_inaccessible(document, caplog):
    with caplog.at_level(logging.CRITICAL, logger="weasyprint"), pytest.raises(ValueError, match="langue"):
        pdf.render_pdf(document, "http://localhost:8000")
