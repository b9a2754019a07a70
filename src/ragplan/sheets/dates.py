"""Dates as trackers hold them: Excel dates, 31/12/2010 (UK order), 2010-12-31 (with a time
after it, as LibreOffice's CSV writes one), 31 Dec 2010 or 31-Dec-10, and `Dec 2010` or
`Dec-10` (read as the month's last day, which the caller says)."""

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
# A time after the date, as LibreOffice's CSV export writes a date cell (2024-06-30 0:00:00).
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME + "$")
_UK = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})" + _TIME + "$")
# 31 Mar 2024, 31-Mar-24 (Excel's d-mmm-yy), 31st March 2024
_DAY_MONTH_YEAR = re.compile(
    r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-/]+([A-Za-z]+)\.?,?[\s\-/]+(\d{4}|\d{2})$"
)
# Mar 2024, March-2024, Mar-24 (Excel's mmm-yy): a month, read as its last day. Two digits
# only after a dash or an apostrophe: "May 24" may be the 24th of May.
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?,?(?:[\s\-/]+(\d{4})|\s*[\-/']\s*(\d{2}))$")


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
            return ReadDate(date(_year(found[3]), int(found[2]), int(found[1])))
        if found := _DAY_MONTH_YEAR.match(text):
            month = _MONTHS.get(found[2].casefold())
            return ReadDate(date(_year(found[3]), month, int(found[1]))) if month else None
        if found := _MONTH_YEAR.match(text):
            month = _MONTHS.get(found[1].casefold())
            if month is None:
                return None
            year = _year(found[2] or found[3])
            return ReadDate(date(year, month, calendar.monthrange(year, month)[1]), True)
    except ValueError:  # 31/02/2010: no such day
        return None
    return None


def _year(text: str) -> int:
    """24 → 2024: a tracker's two-digit year is this century's."""
    return int(text) + (2000 if len(text) == 2 else 0)
