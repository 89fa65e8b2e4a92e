"""Server-side horizontal bar charts in SVG: the geometry of the bars, for a template to draw, and the rows of the
data table that follows every chart. Used by the working group's dossier (printed) and the funding figures (pages).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format

CHART_LABEL_LENGTH = 44
# Geometry of the horizontal bar charts, in SVG user units (1 unit ≈ 0.26 mm on the A4 page).
CHART_WIDTH = 600
CHART_LABEL_WIDTH = 262
CHART_VALUE_WIDTH = 50
CHART_ROW_HEIGHT = 22
CHART_BAR_HEIGHT = 14
CHART_PADDING = 6


@dataclass(frozen=True)
class Bar:
    label: str
    short_label: str
    value: int
    share: str
    url: str
    y: int
    text_y: int
    width: int
    value_x: int
    # The value as the chart and its table write it (« 12 500 € »); empty: the number itself.
    shown: str = ""


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    label_header: str
    value_header: str
    bars: list[Bar]
    height: int
    total: int
    note: str = ""
    label_width: int = CHART_LABEL_WIDTH
    width: int = CHART_WIDTH
    bar_height: int = CHART_BAR_HEIGHT
    rest: Bar | None = None
    total_shown: str = ""

    @property
    def table_rows(self) -> list[Bar]:
        return [*self.bars, self.rest] if self.rest else self.bars


def shorten(label: str, length: int = CHART_LABEL_LENGTH) -> str:
    return label if len(label) <= length else label[: length - 1].rstrip() + "…"


def percent(value: int, total: int) -> str:
    """« 61,0 % » with a non-breaking space, so that a narrow table cell never puts the « % » on a line of its own."""
    # number_format cuts decimals off: round first, so that 36.99 reads 37,0 and not 36,9.
    return f"{number_format(round(100 * value / total, 1), 1)}\u00a0%" if total else "—"


def _bars(
    rows: list[tuple[str, Any, str]],
    total: Any,
    area: int,
    place: Callable[[int, int], tuple[int, int, int]],
    write: Callable[[Any], str],
) -> list[Bar]:
    """The bars of `rows`, the largest `area` wide; `place(index, width)` gives a bar's (y, text_y, value_x)."""
    largest = max((value for _, value, _ in rows), default=0) or 1
    bars = []
    for index, (label, value, url) in enumerate(rows):
        width = max(1, round(area * value / largest)) if value else 0
        y, text_y, value_x = place(index, width)
        share = percent(value, total)
        bars.append(Bar(label, shorten(label), value, share, url, y, text_y, width, value_x, write(value)))
    return bars


def bar_chart(
    slug: str,
    title: str,
    rows: list[tuple[str, int, str]],
    label_header: str,
    value_header: str = "Contributions",
    note: str = "",
    others: tuple[str, int, str] | None = None,
    show: Callable[[Any], str] | None = None,
) -> Chart:
    """A horizontal bar chart of `rows` (label, value, address of what is counted), each label beside its bar.

    `others` is a row that groups the rest: in the data table and its total, not drawn (it would dwarf the bars).
    `show` writes a value for people (an amount in euros); without it the number is written as it is.
    """
    write = show or (lambda value: "")
    total = sum(value for _, value, _ in rows) + (others[1] if others else 0)

    def place(index: int, width: int) -> tuple[int, int, int]:
        top = CHART_PADDING + index * CHART_ROW_HEIGHT
        return (
            top + (CHART_ROW_HEIGHT - CHART_BAR_HEIGHT) // 2,
            top + CHART_ROW_HEIGHT // 2 + 4,
            CHART_LABEL_WIDTH + width + 6,
        )

    bars = _bars(rows, total, CHART_WIDTH - CHART_LABEL_WIDTH - CHART_VALUE_WIDTH, place, write)
    height = 2 * CHART_PADDING + len(rows) * CHART_ROW_HEIGHT
    rest = None
    if others is not None:
        label, value, url = others
        rest = Bar(label, label, value, percent(value, total), url, 0, 0, 0, 0, write(value))
    return Chart(
        slug, title, label_header, value_header, bars, height, total, note, rest=rest, total_shown=write(total)
    )


# A page's chart on a phone: each label on its own line above its bar, in user units close to CSS pixels at 375 px.
PAGE_WIDTH = 340
PAGE_VALUE_WIDTH = 96
PAGE_ROW_HEIGHT = 40
PAGE_BAR_HEIGHT = 14


def stacked_bar_chart(
    slug: str,
    title: str,
    rows: list[tuple[str, Any, str]],
    label_header: str,
    value_header: str,
    show: Callable[[Any], str] | None = None,
) -> Chart:
    """The same chart as `bar_chart`, for a web page that must read on a 375 px phone: each label is written above
    its bar (`Bar.text_y` is the label's line, `Bar.y` the bar's top, `Bar.value_x` where the value is written, on
    the bar's line), so that the bars have the whole width. `Chart.label_width` is 0."""
    write = show or (lambda value: "")
    total = sum(value for _, value, _ in rows)

    def place(index: int, width: int) -> tuple[int, int, int]:
        top = CHART_PADDING + index * PAGE_ROW_HEIGHT
        return top + 18, top + 12, width + 6

    bars = _bars(rows, total, PAGE_WIDTH - PAGE_VALUE_WIDTH, place, write)
    height = 2 * CHART_PADDING + len(rows) * PAGE_ROW_HEIGHT
    return Chart(
        slug,
        title,
        label_header,
        value_header,
        bars,
        height,
        total,
        label_width=0,
        width=PAGE_WIDTH,
        bar_height=PAGE_BAR_HEIGHT,
        total_shown=write(total),
    )
