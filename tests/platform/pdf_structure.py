"""What an accessible PDF declares, read back from its bytes with pdfium: title, language, tags and alternatives.

Used by the tests of `mediane/pdf.py` and of the two documents it prints (the orientation slip, the meeting dossier).
"""

from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass, field


@dataclass
class PdfStructure:
    title: str
    lang: str
    tagged: bool
    # Every structure type met in the tag tree of every page (« H1 », « P », « Table », « TH », « Figure »…).
    tags: set[str] = field(default_factory=set)
    # The alternative text of each figure, in order.
    figure_alts: list[str] = field(default_factory=list)
    pages: int = 0


def _utf16(function, *args) -> str:
    size = function(*args, None, 0)
    buffer = (ctypes.c_ushort * (size // 2 + 1))()
    function(*args, buffer, size)
    return bytes(buffer)[:size].decode("utf-16-le").rstrip("\x00")


def read_structure(data: bytes) -> PdfStructure:
    import pypdfium2
    import pypdfium2.raw as raw

    document = pypdfium2.PdfDocument(io.BytesIO(data))
    found = PdfStructure(
        title=document.get_metadata_dict().get("Title", ""),
        lang=_utf16(raw.FPDFCatalog_GetLanguage, document.raw),
        tagged=bool(raw.FPDFCatalog_IsTagged(document.raw)),
        pages=len(document),
    )

    def walk(element) -> None:
        kind = _utf16(raw.FPDF_StructElement_GetType, element)
        found.tags.add(kind)
        if kind == "Figure":
            found.figure_alts.append(_utf16(raw.FPDF_StructElement_GetAltText, element))
        for index in range(raw.FPDF_StructElement_CountChildren(element)):
            child = raw.FPDF_StructElement_GetChildAtIndex(element, index)
            if child:
                walk(child)

    for page_index in range(len(document)):
        page = document[page_index]
        tree = raw.FPDF_StructTree_GetForPage(page.raw)
        for index in range(raw.FPDF_StructTree_CountChildren(tree)):
            walk(raw.FPDF_StructTree_GetChildAtIndex(tree, index))
        raw.FPDF_StructTree_Close(tree)
    return found
