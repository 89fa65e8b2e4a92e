"""HTML to PDF with WeasyPrint, shared by the apps that print (meeting dossier, orientation slip).

Every PDF is tagged and accessible (PDF/UA-1): its structure tree follows the HTML (headings, paragraphs,
lists, tables with their header cells, links, figures with the `<title>` of an SVG or the `alt` of an image), its
language comes from `<html lang>` and its title, shown by readers instead of the file name, from `<title>`. A
document without either is refused here rather than printed inaccessible.

WeasyPrint needs system libraries (Pango); when they are missing the platform keeps working and says so in
French (`PdfUnavailable`). A PDF never embeds anything fetched from outside: fonts come from the system and
every other resource must be inline, so no address in a rendered text can make the server fetch it.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any, NoReturn

PDF_UNAVAILABLE = (
    "Le PDF n'a pas pu être produit : la bibliothèque de mise en page WeasyPrint ne trouve pas ses "
    "bibliothèques système (Pango). Pour l'obtenir, installez Pango sur le serveur (paquet Debian "
    "libpango-1.0-0, voir docs/deployment.md)."
)


class PdfUnavailable(Exception):
    """WeasyPrint or its system libraries cannot load. The message is French and says what to install."""


def refuse_fetch(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    """WeasyPrint's URL fetcher: every external resource is refused."""
    raise ValueError(f"Ressource externe refusée dans le PDF : {url}")


def load_weasyprint() -> Callable[..., Any]:
    """WeasyPrint's HTML class, or `PdfUnavailable` when it or its system libraries (Pango) cannot load."""
    try:
        with warnings.catch_warnings():
            # WeasyPrint warns, at import, when HarfBuzz's subsetting library is missing (Debian
            # libharfbuzz-subset0): PDFs are still produced, with whole fonts embedded.
            warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=DeprecationWarning)
            from weasyprint import HTML
    except (ImportError, OSError) as error:
        raise PdfUnavailable(PDF_UNAVAILABLE) from error
    return HTML


def pdf_available() -> bool:
    try:
        load_weasyprint()
    except PdfUnavailable:
        return False
    return True


# PDF/UA-1: tagged (WeasyPrint's `pdf_tags`), PDF 1.7, the title displayed by readers, the conformance declared in
# the XMP metadata.
PDF_VARIANT = "pdf/ua-1"


def render_pdf(html: str, base_url: str) -> tuple[bytes, int]:
    """The tagged PDF of one HTML document, and its number of pages. Raises `PdfUnavailable`.

    Precondition: the document has `<html lang="…">` and a `<title>` (`ValueError` otherwise), the language and the
    title an accessible PDF declares.
    """
    html_class = load_weasyprint()
    document = html_class(string=html, base_url=base_url, url_fetcher=refuse_fetch).render(pdf_variant=PDF_VARIANT)
    if not document.metadata.lang or not (document.metadata.title or "").strip():
        raise ValueError("Un PDF accessible demande une langue (<html lang>) et un titre (<title>).")
    return document.write_pdf(pdf_variant=PDF_VARIANT), len(document.pages)
