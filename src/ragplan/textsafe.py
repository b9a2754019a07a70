"""Text from plan files made safe where it lands: a terminal, a Markdown table, a spreadsheet.

Plan text is pasted from Word and email; it may hold escape sequences, bells,
table pipes and formula starters. Every output format passes it through one of
these functions. (HTML is escaped by Jinja's autoescape and html.escape.)
"""

from __future__ import annotations

import re

# Line breaks of every kind, including the Unicode ones a pasted note may carry.
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Control characters a terminal would act on: C0 (but tab and newline), DEL, C1.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Characters with inline meaning in (GitHub-flavoured) Markdown; block syntax
# cannot start inside a table cell, so only these need a backslash.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")
# An '&' that would start an HTML entity such as '&copy;' or '&#169;'.
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def unify_line_breaks(text: str) -> str:
    """Every kind of line break as '\\n'."""
    return _LINE_BREAKS.sub("\n", text)


def show_controls(text: str) -> str:
    """Control characters made visible (ESC as '\\x1b'), so a terminal prints, not obeys, them."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", unify_line_breaks(text))


def drop_controls(text: str) -> str:
    return _CONTROLS.sub("", unify_line_breaks(text).replace("\t", " "))


def md_cell(value: object) -> str:
    """`value` as one Markdown table cell: no '|' or line break can split the row.

    Markdown characters are backslash-escaped so the words print as written,
    line breaks become '<br>', and control characters are dropped.
    """
    if value is None:
        return ""
    text = drop_controls(str(value)).strip()
    text = _MD_ENTITY.sub("\\&", _MD_SPECIAL.sub(r"\\\1", text))
    return "<br>".join(line.strip() for line in text.split("\n"))


def md_text(value: object) -> str:
    """`value` as one line of Markdown text (a heading, a bullet), escaped like a cell."""
    return md_cell(value).replace("<br>", " ")


# Characters that print as nothing or as an ordinary space: format characters (zero-width
# space, direction marks, byte-order marks) and every space but the ordinary one.
INVISIBLE = re.compile(
    "[\u00a0\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u1680\u180e"
    "\u2000-\u200f\u202a-\u202f\u205f-\u2064\u2066-\u206f\u3000\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)


def char_name(char: str) -> str:
    """'U+200B ZERO WIDTH SPACE'."""
    import unicodedata

    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED CHARACTER')}"


def name_invisible(text: str) -> str:
    """Invisible characters named where they are: 'amber<U+200B ZERO WIDTH SPACE>'."""
    return INVISIBLE.sub(lambda m: f"<{char_name(m.group())}>", text)


def one_line(text: str) -> str:
    """`text` for a one-line message: controls and line breaks shown, not obeyed, and
    invisible characters named, so a message never hides what is wrong."""
    shown = show_controls(name_invisible(text)).replace("\t", "\\t")
    return shown.replace("\n", "\\n")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")  # CR arrives as "\n"


def csv_cell(value: object) -> object:
    """A cell a spreadsheet shows as written, and a terminal prints without obeying.

    Text that could start a formula gets a leading ' (so '=SUM(A1)' is not run);
    line breaks become '\n' and other control characters but tab are dropped.
    """
    if not isinstance(value, str):
        return value
    # Drop controls first: "\x10\t=1" must not become a cell that starts with a tab.
    value = _CONTROLS.sub("", unify_line_breaks(value))
    if value.startswith(_FORMULA_START):
        value = "'" + value
    return value
