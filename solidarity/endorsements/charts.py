"""The growth chart, drawn on the server as SVG geometry (the template adds title, desc and a
table with the same numbers)."""

from dataclasses import dataclass

from django.utils.formats import date_format

from solidarity.endorsements.selectors import Month

WIDTH, HEIGHT, BASELINE = 600, 200, 180


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    total: int
    new: int


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int = WIDTH
    height: int = HEIGHT
    baseline: int = BASELINE
    peak: int = 0
    first: str = ""
    last: str = ""


def growth_chart(months: list[Month]) -> Chart | None:
    """One bar per month, as tall as the cumulative number of verified endorsers."""
    if not months:
        return None
    peak = max(month.total for month in months) or 1
    step = WIDTH / len(months)
    bars = [
        Bar(
            x=round(index * step + step * 0.1, 1),
            y=round(BASELINE - BASELINE * 0.9 * month.total / peak, 1),
            width=round(step * 0.8, 1),
            height=round(BASELINE * 0.9 * month.total / peak, 1),
            label=date_format(month.month, "YEAR_MONTH_FORMAT"),
            total=month.total,
            new=month.new,
        )
        for index, month in enumerate(months)
    ]
    return Chart(bars=bars, peak=peak, first=bars[0].label, last=bars[-1].label)
