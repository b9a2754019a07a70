"""Filling a paper's names in: each part of it (narrative, cover, appendix texts) is a
template rendered in Jinja's sandbox, with the plan's data as values only.

A value from the plan is Markdown-escaped as it is printed, so a note holding `**`,
`<script>` or `{{ 7 * 7 }}` prints as written: the output of a template is never
rendered again. A name that does not exist, a filter misspelt, an expression that fails:
each is a problem with the file, line and nearest names, and the paper is not made.
"""

from __future__ import annotations

import inspect
import re
import secrets
import traceback
from datetime import date
from typing import Any

import jinja2
from jinja2 import nodes
from markupsafe import Markup

from ragplan.model import PlanSet
from ragplan.output import wording
from ragplan.output.sandbox import LimitedSandbox
from ragplan.papers import kind as _kind  # noqa: F401  (the paper's report kind, registered)
from ragplan.papers import names as paper_names
from ragplan.papers.made import Paper, PaperAppendix, Rendered
from ragplan.papers.names import Names, PaperNameError, nearest
from ragplan.papers.source import OUTSTANDING_FILTERS, AppendixSource, PaperSource, Part
from ragplan.problems import Problem
from ragplan.rules.paper import RULE
from ragplan.textsafe import md_text

# The Jinja filters a paper may use: ours, then Jinja's everyday ones.
FILTERS = {
    "count_words": paper_names.count_words,
    "count": paper_names.count,
    "summaries": paper_names.summaries,
    "long_date": wording.long_date,
    "month": wording.month,
    "plural": wording.plural,
}
JINJA_FILTERS = (
    "capitalize",
    "default",
    "first",
    "join",
    "last",
    "length",
    "lower",
    "map",
    "round",
    "selectattr",
    "rejectattr",
    "sort",
    "title",
    "upper",
)
FUNCTIONS = ("appendix", "table", "status_sentence", "indicator")


class _Reported(jinja2.ChainableUndefined):
    """What stands for a value whose problem is already noted: it prints nothing, and
    anything of it is itself, so one mistake is reported once and the rest of the text
    is still checked."""


class _Missing(jinja2.Undefined):
    """A name that does not exist: noted, with the nearest names, where it is used."""

    known: tuple[str, ...] = ()
    note: Any = None  # the renderer's note(message), set for each paper's sandbox

    def _message(self) -> str:
        owner = self._undefined_obj
        name = str(self._undefined_name)
        if name.startswith("_"):
            return f"'{name}': names that start with '_' are not allowed in a paper"
        if isinstance(owner, Names):
            return owner.missing(name)
        if owner is jinja2.utils.missing:
            return f"'{name}' is not a name a paper has{nearest(name, self.known)}"
        return f"{type(owner).__name__} has no '{name}'"

    def _noted(self) -> None:
        type(self).note(self._message())

    def __str__(self) -> str:
        self._noted()
        return ""

    def __iter__(self) -> Any:
        self._noted()
        return iter(())

    def __bool__(self) -> bool:
        self._noted()
        return False

    def __len__(self) -> int:
        self._noted()
        return 0

    def __getattr__(self, name: str) -> Any:
        if name[:2] == "__":
            raise AttributeError(name)
        self._noted()
        return _Reported()

    def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> Any:
        # Noted, and the text goes on: `counts.totl + 1` is one mistake, not the last found.
        self._noted()
        return _Reported()

    # Jinja binds these to its own method, which raises: each is this class's instead.
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _fail_with_undefined_error
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = _fail_with_undefined_error
    __mod__ = __rmod__ = __pos__ = __neg__ = __pow__ = __rpow__ = _fail_with_undefined_error
    __lt__ = __le__ = __gt__ = __ge__ = __call__ = __getitem__ = _fail_with_undefined_error


def _lenient(function: Any) -> Any:
    """A filter that passes over a value already noted as missing."""

    def filtered(value: Any, *args: Any) -> Any:
        if isinstance(value, jinja2.Undefined):
            str(value)  # notes a missing name, once
            return _Reported()
        return function(value, *args)

    filtered.__name__ = function.__name__
    filtered.__doc__ = function.__doc__
    return filtered


def _passed_over(value: Any, *args: Any, **kwargs: Any) -> Any:
    """What a filter or test that does not exist (already reported) does: nothing."""
    return _Reported()


def sandbox(known: tuple[str, ...], note: Any, finalize: Any) -> jinja2.Environment:
    """The environment a paper's text is rendered in: the one sandbox every template is
    rendered in, with its limits (output/sandbox.py), noting every name that does not
    exist."""
    undefined = type("Missing", (_Missing,), {"known": known, "note": staticmethod(note)})
    env = LimitedSandbox(
        undefined=undefined,
        finalize=finalize,
        autoescape=False,
        trim_blocks=True,  # a {% for %} alone on its line leaves no blank line
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    keep = {name: env.filters[name] for name in JINJA_FILTERS}
    env.globals.clear()  # range, lipsum, dict...: a paper needs none of them
    env.filters.clear()
    env.filters.update(keep)
    env.filters.update({name: _lenient(f) for name, f in FILTERS.items()})
    return env


def _template_line(exc: BaseException) -> int | None:
    """The line of the template where `exc` was raised, from Jinja's rewritten traceback."""
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == "<template>":
            found = frame.lineno
    return found


class _Renderer:
    """Renders the parts of one paper against one plan set, noting every problem: a part
    with one is rendered on to its end, so one run reports all it can."""

    def __init__(self, source: PaperSource, plan_set: PlanSet, as_of: date) -> None:
        self.source = source
        self.plan_set = plan_set
        self.as_of = as_of
        self.problems: list[Problem] = []
        self.letters = {a.name: a.letter for a in source.appendices}
        self.names = paper_names.plan_names(plan_set, as_of)
        given = ("title", "meeting", "date", "author", "role", "contact")
        self.names["paper"] = Names(
            "paper",
            {key: value for key in given if (value := getattr(source, key)) is not None},
            {key: f"add '{key}: ...' to the front matter" for key in given},
        )
        known = (*self.names, *FUNCTIONS)
        self.env = sandbox(tuple(known), self.note, self.finalize)
        self.tables: dict[str, Any] = {}
        self.quiet: set[tuple[int, str]] = set()
        self.part: Part | None = None
        self.template: jinja2.Template | None = None

    def note(self, message: str) -> None:
        """A problem at the line of the part being rendered that is running now."""
        assert self.part is not None
        line = 1
        frame = inspect.currentframe()
        while frame is not None:
            if frame.f_code.co_filename == "<template>" and self.template is not None:
                line = self.template.get_corresponding_lineno(frame.f_lineno)
                break
            frame = frame.f_back
        if any(line == at and message.startswith(said) for at, said in self.quiet):
            return  # the first half of a hyphenated name, reported as that
        self._problem(self.part, line, message)

    def finalize(self, value: Any) -> Any:
        """How a value prints: a plan's text Markdown-escaped, a date in words, nothing
        for None; a group or a list is a problem (it would print as gibberish)."""
        if isinstance(value, Markup | jinja2.Undefined):
            return value
        if value is None:
            return ""
        if isinstance(value, Names):
            self.note(value.not_a_value())
            return ""
        if isinstance(value, list | tuple):
            self.note(
                "a list of actions does not print: count it (| count_words, | length), "
                "join its summaries (| summaries), or go through it with {% for %}"
            )
            return ""
        if isinstance(value, date):
            return wording.long_date(value)
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, int | float):
            return str(value)
        return md_text(value)

    # The functions a paper may call: a wrong argument is noted, and prints nothing.

    def appendix(self, name: str) -> Any:
        if name in self.letters:
            return f"Appendix {self.letters[name]}"
        if not self.letters:
            return self._noted(
                f'appendix("{name}"): the paper has no appendices; list them under '
                "'appendices:' in its front matter"
            )
        return self._noted(
            f"appendix(\"{name}\"): no appendix is named '{name}'"
            f"{nearest(name, list(self.letters))}"
        )

    def indicator(self, ident: str) -> Any:
        found: Names = self.names["indicators"]
        if ident in found:
            return found[ident]
        if not len(found):
            return self._noted(
                f'indicator("{ident}"): the plan set has no indicators (they are the files '
                "of its indicators/ folder)"
            )
        return self._noted(
            f"indicator(\"{ident}\"): no indicator has the id '{ident}'"
            f"{nearest(ident, paper_names.keys_of(found))}"
        )

    def status_sentence(self, key: str) -> Any:
        try:
            return paper_names.status_sentence(self.names["statuses"], key)
        except PaperNameError as exc:
            return self._noted(str(exc))

    def table(self, report: str, **options: Any) -> Any:
        try:
            found = self.report(report, options, f'table("{report}")')
        except PaperNameError as exc:
            return self._noted(str(exc))
        token = f"RAGPLAN-TABLE-{secrets.token_hex(8)}"
        self.tables[token] = found
        return Markup(f"\n\n{token}\n\n")

    def _noted(self, message: str) -> _Reported:
        self.note(message)
        return _Reported()

    def report(self, kind: str, options: dict[str, Any], what: str) -> Any:
        """The report `kind` with `options` (an appendix's filters), as of the paper's date."""
        from ragplan.errors import UsageError

        try:
            return build_report(self.plan_set, self.as_of, kind, options)
        except UsageError as exc:
            shown = exc.shown(lambda f: _OPTION_NAMES.get(f, f))
            raise PaperNameError(f"{what}: {shown}") from None

    # Rendering.

    def render(self, part: Part) -> Rendered | None:
        """`part` with its names filled in, or None after noting its problems."""
        env = self.env
        try:
            ast = env.parse(part.text)
        except jinja2.TemplateSyntaxError as exc:
            self._problem(part, exc.lineno, _syntax_words(exc))
            return None
        before = len(self.problems)
        self._images_fetched(part)
        self.quiet = set()
        filters, tests = self._unknown_filters(part, ast)
        unknown = self._unknown_names(part, ast)
        if filters or tests:
            # Rendered all the same, each filter that does not exist passing over its value,
            # so that every other mistake of the part is found in the same run.
            env = env.overlay()
            env.filters = {**env.filters, **dict.fromkeys(filters, _passed_over)}
            env.tests = {**env.tests, **dict.fromkeys(tests, _passed_over)}
        try:
            template = env.from_string(part.text)
        except jinja2.TemplateError as exc:  # what the checks above did not foresee
            self._problem(part, getattr(exc, "lineno", None) or 1, _assertion_words(exc))
            return None
        self.part, self.template, self.tables = part, template, {}
        context = {
            **self.names,
            "appendix": self.appendix,
            "table": self.table,
            "status_sentence": self.status_sentence,
            "indicator": self.indicator,
            # A name already reported stands for nothing, and nothing of it is reported again.
            **{name: _Reported() for name in unknown},
        }
        try:
            text = template.render(context)
        except PaperNameError as exc:
            self._problem(part, _template_line(exc) or 1, str(exc))
            return None
        except jinja2.exceptions.SecurityError as exc:
            self._problem(part, _template_line(exc) or 1, f"not allowed in a paper: {exc}")
            return None
        except Exception as exc:  # an expression that fails: 1 / 0, "a" + 1
            line = _template_line(exc) or 1
            self._problem(part, line, f"this expression fails: {exc}")
            return None
        finally:
            self.part = self.template = None
        if len(self.problems) > before:
            return None
        return Rendered(text, self.tables)

    def _images_fetched(self, part: Part) -> None:
        """An image the text names by an address (http://, or a file) is a problem: the PDF
        cannot fetch it, and the HTML would fetch it whenever it is opened."""
        if "![" not in part.text:
            return
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark", {"html": False}).enable("table")
        for token in md.parse(part.text):
            for child in token.children or ():
                source = str(child.attrGet("src") or "")
                if child.type != "image" or source[:5].lower() == "data:":
                    continue
                line = token.map[0] + 1 if token.map else 1
                self._problem(
                    part,
                    line,
                    f"the image '{source[:80]}' would be fetched from "
                    f"{'the network' if '://' in source else 'a file'}: a paper fetches "
                    "nothing (its PDF cannot); put the image in as a data: URI",
                )

    def _unknown_filters(self, part: Part, ast: nodes.Template) -> tuple[set[str], set[str]]:
        """The filters and the tests the part uses that do not exist, each a problem."""
        unknown: tuple[set[str], set[str]] = (set(), set())
        for node in ast.find_all((nodes.Filter, nodes.Test)):
            is_filter = isinstance(node, nodes.Filter)
            known = list(self.env.filters if is_filter else self.env.tests)
            if node.name in known:
                continue
            what = "filter" if is_filter else "test"
            self._problem(
                part, node.lineno, f"there is no {what} '{node.name}'{nearest(node.name, known)}"
            )
            unknown[0 if is_filter else 1].add(node.name)
        return unknown

    def _unknown_names(self, part: Part, ast: nodes.Template) -> set[str]:
        """The names the part uses that are neither one a paper has nor one it sets itself
        ({% for a in ... %}, {% set %}), each a problem at its first use."""
        used = [n for n in ast.find_all(nodes.Name) if n.ctx == "load"]
        own = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
        own |= {"loop", "caller", "varargs", "kwargs"}  # Jinja's own, inside loops and macros
        known = (*self.names, *FUNCTIONS)
        hyphenated = self._hyphenated(ast, {*known, *own})
        seen: set[str] = set()
        for node in used:
            if node.name in own or node.name in known:
                continue
            if id(node) in hyphenated:
                seen.add(node.name)
                self._problem(part, node.lineno, hyphenated[id(node)])
                continue
            if node.name in seen:
                continue
            seen.add(node.name)
            self._problem(
                part,
                node.lineno,
                f"'{node.name}' is not a name a paper has{nearest(node.name, known)}",
            )
        return seen

    def _hyphenated(self, ast: nodes.Template, names: set[str]) -> dict[int, str]:
        """`counts.at-risk` is `counts.at` minus `risk`: for the name after each such minus
        that is not one of `names`, the message that says how a key with a hyphen is
        written. The part before it is then not reported again (quiet)."""
        found = {}
        for sub in ast.find_all(nodes.Sub):
            left, right = _dotted(sub.left), _dotted(sub.right)
            root = sub.right
            while isinstance(root, nodes.Getattr):
                root = root.node
            if not isinstance(sub.left, nodes.Getattr) or left is None or right is None:
                continue
            if not isinstance(root, nodes.Name) or root.name in names:
                continue
            owner = _dotted(sub.left.node)
            bracket = f' (or {owner}["{sub.left.attr}-{right}"])' if "." not in right else ""
            found[id(root)] = (
                f"'{left}-{right}' reads as {left} minus {right}: a name with a hyphen is "
                f"written with an underscore, {left}_{right}{bracket}"
            )
            self.quiet.add((sub.lineno, f"{owner} has no '{sub.left.attr}'"))
        return found

    def _problem(self, part: Part, line: int, message: str) -> None:
        column = _column(part.text.split("\n")[line - 1] if line >= 1 else "", message)
        found = RULE.problem(part.file, part.line + line - 1, column, message)
        if found not in self.problems:  # a name used twice on a line is one problem
            self.problems.append(found)


def _dotted(node: nodes.Node) -> str | None:
    """`counts.at` for the expression that reads it; None for any other expression."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        owner = _dotted(node.node)
        return None if owner is None else f"{owner}.{node.attr}"
    return None


def _column(text: str, message: str) -> int:
    """Where on its line a problem is: the first name the message quotes, else the first
    {{ or {%, else the line's start."""
    quoted = re.findall(r"'([^'\s]+)'", message) + re.findall(r'"([^"\s]+)"', message)
    subject = re.match(r"([\w.]+) is ", message)  # 'paper.role is not set'
    if subject:
        quoted.insert(0, subject.group(1))
    for word in quoted:
        for written in (f'"{word}"', f"'{word}'"):  # as an argument: appendix("x")
            at = text.find(written)
            if at >= 0:
                return at + 2
        found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
        if found:
            return found.start() + 1
    starts = [at for at in (text.find("{{"), text.find("{%")) if at >= 0]
    return min(starts) + 1 if starts else 1


_OPTION_NAMES = {
    "statuses": "status",
    "themes": "theme",
    "sections": "section",
    "leads": "lead",
    "lead_bodies": "lead_body",
}


def _syntax_words(exc: jinja2.TemplateSyntaxError) -> str:
    return (
        f"the {{{{ ... }}}} or {{% ... %}} here cannot be read: {exc.message}; check that "
        "each one is closed and its quotes match"
    )


def _assertion_words(exc: jinja2.TemplateError) -> str:
    return f"this cannot be used in a paper: {exc.message or exc}"


def split_list(values: str | None) -> tuple[str, ...]:
    """'amber, red' -> (amber, red), blanks dropped."""
    return tuple(v.strip() for v in (values or "").split(",") if v.strip())


def build_report(plan_set: PlanSet, as_of: date, kind: str, options: dict[str, Any]) -> Any:
    """An outstanding, summary or indicators report with an appendix's or a table's
    options; UsageError for a filter value that matches nothing."""
    from ragplan.errors import UsageError

    allowed = {
        "outstanding": OUTSTANDING_FILTERS,
        "summary": ("by",),
        "indicators": ("theme",),
        "spc": ("theme",),
    }
    if kind not in allowed:
        raise UsageError(f"'{kind}' is not a report; use one of {', '.join(allowed)}")
    for key in options:
        if key not in allowed[kind]:
            takes = ", ".join(allowed[kind])
            raise UsageError(f"a {kind} report takes {takes}, not '{key}'")
    text = {k: ("" if v is None else str(v)) for k, v in options.items() if k != "overdue"}
    if kind == "outstanding":
        from ragplan.reports.outstanding import Filters, find_outstanding

        leads = tuple(x for x in [text.get("lead")] if x)
        bodies = tuple(x for x in [text.get("lead_body")] if x)
        filters = Filters(
            statuses=split_list(text.get("status")),
            themes=split_list(text.get("theme")),
            sections=split_list(text.get("section")),
            leads=leads,
            lead_bodies=bodies,
            overdue_only=bool(options.get("overdue")),
        )
        return find_outstanding(plan_set, as_of, filters)
    if kind == "summary":
        from ragplan.reports.summary import summarise

        return summarise(plan_set, as_of, text.get("by") or "theme")
    from ragplan.reports.indicators import Filters as IndicatorFilters
    from ragplan.reports.indicators import find_indicators

    found = find_indicators(plan_set, as_of, IndicatorFilters(themes=split_list(text.get("theme"))))
    if kind == "spc":  # the SPC icon table alone, made by the indicators templates
        from dataclasses import replace

        return replace(found, part="spc")
    return found


def paper_problems(
    source: PaperSource, plan_set: PlanSet, as_of: date | None = None
) -> tuple[Paper | None, list[Problem]]:
    """The paper with its names filled in (None if it has problems), and its problems."""
    problems = list(source.problems)
    if source.body is None:
        return None, problems
    when = as_of or source.as_of or plan_set.config.as_of or date.today()
    renderer = _Renderer(source, plan_set, when)
    cover = renderer.render(source.cover) if source.cover else None
    body = renderer.render(source.body)
    appendices = []
    for found in source.appendices:
        appendices.append(_appendix(renderer, found))
    problems += renderer.problems
    problems.sort(key=lambda p: p.sort_key)
    if problems or body is None:
        return None, problems
    paper = Paper(
        title=source.title,
        meeting=source.meeting,
        date=source.date,
        author=source.author,
        role=source.role,
        contact=source.contact,
        plan_title=plan_set.config.title,
        organisation=plan_set.config.organisation,
        as_of=when,
        cover=cover,
        body=body,
        appendices=appendices,
    )
    return paper, problems


def _appendix(renderer: _Renderer, found: AppendixSource) -> PaperAppendix:
    text = renderer.render(found.part) if found.part else None
    report = None
    if found.report:
        try:
            report = renderer.report(found.report, found.options, f"appendix {found.letter}")
        except PaperNameError as exc:
            line, column = found.line, found.column
            for key in found.options:
                if key in str(exc):
                    line, column = found.marks.get(key, (line, column))
            renderer.problems.append(RULE.problem(renderer.source.file, line, column, str(exc)))
    return PaperAppendix(found.letter, found.name, found.title, text, report)
