"""The SVG bar charts of `mediane/charts.py`: bars in proportion, values written for people, totals for the table."""

from decimal import Decimal

from mediane import charts


def test_a_stacked_chart_puts_each_label_above_its_bar_within_the_width():
    rows = [("DGD Bibliothèques", Decimal("50000"), "/a"), ("CTL", Decimal("12500.50"), "/b"), ("Vide", 0, "")]

    chart = charts.stacked_bar_chart("s", "Par dispositif", rows, "Dispositif", "Montant", show=lambda v: f"{v} €")

    first, second, empty = chart.bars
    assert chart.label_width == 0 and chart.width == charts.PAGE_WIDTH
    assert first.width == charts.PAGE_WIDTH - charts.PAGE_VALUE_WIDTH > second.width > 0 and empty.width == 0
    assert all(bar.text_y < bar.y for bar in chart.bars)  # the label's line comes before its bar
    assert first.value_x + 6 <= chart.width - 80 + 6  # room left for the value after the longest bar
    assert (first.shown, chart.total_shown) == ("50000 €", "62500.50 €")
    assert first.share == "80,0\u00a0%"
    assert chart.height == 2 * charts.CHART_PADDING + 3 * charts.PAGE_ROW_HEIGHT


def test_a_chart_without_show_writes_nothing_more():
    chart = charts.bar_chart("d", "Par type", [("Propositions", 3, "/p")], "Type")
    assert chart.bars[0].shown == "" and chart.total_shown == "" and chart.total == 3
