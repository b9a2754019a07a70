"""Dates as trackers hold them: Excel dates, 31/12/2010 (UK order), 2010-12-31, 31 Dec 2010,
and `Dec 2010` (read as the month's last day, which the caller warns about)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime

from ragplan.sheets.grid import Value

_MONTHS = {
    name.casefold(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTHS["sept"] = 9
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_UK = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?,?\s+(\d{4})$")


@dataclass(frozen=True)
class ReadDate:
    """A date read from a cell; `month_only` when the cell named only a month."""

    day: date
    month_only: bool = False


def read_date(value: Value) -> ReadDate | None:
    """The date a cell holds, or None when it holds none ragplan can be sure of."""
    if isinstance(value, datetime):
        return ReadDate(value.date())
    if isinstance(value, date):
        return ReadDate(value)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    try:
        if found := _ISO.match(text):
            return ReadDate(date(int(found[1]), int(found[2]), int(found[3])))
        if found := _UK.match(text):
            year = int(found[3])
            year += 2000 if len(found[3]) == 2 else 0
            return ReadDate(date(year, int(found[2]), int(found[1])))
        if found := _DAY_MONTH_YEAR.match(text):
            month = _MONTHS.get(found[2].casefold())
            return ReadDate(date(int(found[3]), month, int(found[1]))) if month else None
        if found := _MONTH_YEAR.match(text):
            month = _MONTHS.get(found[1].casefold())
            if month is None:
                return None
            year = int(found[2])
            return ReadDate(date(year, month, calendar.monthrange(year, month)[1]), True)
    except ValueError:  # 31/02/2010: no such day
        return None
    return None
