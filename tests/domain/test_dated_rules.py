"""The dated-rules kernel every rule file uses: in force on a day, never two at once."""

from __future__ import annotations

from datetime import date

from hkcase.domain.rules.kernel import first_overlap, in_force

D = date


def test_in_force_is_inclusive_and_open_ended() -> None:
    assert in_force(D(2024, 11, 1), D(2025, 1, 16), D(2024, 11, 1))
    assert in_force(D(2024, 11, 1), D(2025, 1, 16), D(2025, 1, 16))
    assert not in_force(D(2024, 11, 1), D(2025, 1, 16), D(2025, 1, 17))
    assert not in_force(D(2024, 11, 1), None, D(2024, 10, 31))
    assert in_force(None, None, D(1990, 1, 1))


def test_overlaps_found_on_either_side_of_the_boundary() -> None:
    def span(v: tuple[str, date | None, date | None]) -> tuple[date | None, date | None]:
        return v[1], v[2]

    closed = ("a", D(2023, 1, 1), D(2024, 10, 31))
    follows = ("b", D(2024, 11, 1), None)
    assert first_overlap([follows, closed], span) is None  # sorted by start, back to back
    touching = ("c", D(2024, 10, 31), None)
    assert first_overlap([closed, touching], span) == (closed, touching)
    assert first_overlap([("x", D(2020, 1, 1), None), follows], span) is not None  # open end
    early = ("y", None, D(2019, 1, 1))  # "always" until 2019: sorted first
    assert first_overlap([follows, early], span) is None
    assert first_overlap([early, ("z", None, None)], span) is not None  # two without a start
