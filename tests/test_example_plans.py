"""The example plan set is the seed's Post-Inspection Action Plan as of 2010-09-20."""

from collections import Counter

from conftest import EXAMPLE_PLANS, run_cli

from ragplan.plansets import load_valid, validate


def test_example_plans_are_valid_with_no_warnings() -> None:
    result = validate([EXAMPLE_PLANS])
    assert result.problems == []
    assert result.actions == 162


def test_example_plans_have_the_seed_figures() -> None:
    plan_set = load_valid(EXAMPLE_PLANS)
    assert Counter(a.rag for a in plan_set.actions()) == {"green": 150, "amber": 11, "red": 1}
    assert str(plan_set.config.as_of) == "2010-09-20"


def test_the_twelve_outstanding_actions_are_those_of_appendix_b() -> None:
    plan_set = load_valid(EXAMPLE_PLANS)
    outstanding = [a.id for a in plan_set.actions() if a.rag != "green"]
    assert outstanding == [
        "1.1.5.2",
        "1.2.1.13",
        "1.2.2.4",
        "1.2.3.3",
        "1.2.5.1",
        "1.3.2.4",
        "1.3.3.5",
        "1.3.6.1",
        "1.3.6.3",
        "1.4.1",
        "6.1",
        "8.3",
    ]


def test_validate_cli_on_example_exits_zero() -> None:
    run = run_cli("validate", "--format", "parsable", EXAMPLE_PLANS)
    assert run.code == 0, run.out + run.err
    assert run.out == ""


def test_natural_key_of_plain_dotted_ids_is_the_general_one() -> None:
    import re

    from hypothesis import given
    from hypothesis import strategies as st

    from ragplan.model import natural_key

    parts = re.compile(r"[.\s]+|(?<=\d)(?=\D)|(?<=\D)(?=\d)")

    def general(ident: str) -> tuple[tuple[int, int, str], ...]:
        return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts.split(ident) if p)

    @given(st.text(alphabet="0123456789.a ", max_size=12))
    def same(ident: str) -> None:
        assert natural_key(ident) == general(ident)

    same()
    assert natural_key("1.10") > natural_key("1.9")
