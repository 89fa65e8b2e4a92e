"""HTML to PDF with WeasyPrint, shared by the apps that print (meeting dossier, orientation slip).

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


def render_pdf(html: str, base_url: str) -> tuple[bytes, int]:
    """The PDF bytes of one HTML document, and its number of pages. Raises `PdfUnavailable`."""
    html_class = load_weasyprint()
    document = html_class(string=html, base_url=base_url, url_fetcher=refuse_fetch).render()
    return document.write_pdf(), len(document.pages)
