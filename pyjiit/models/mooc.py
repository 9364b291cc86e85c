"""MOOC requests: online courses taken in place of a subject, and their approval."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, NamedTuple

from pyjiit._parse import JSONObject, describe, get_decimal, get_flag, get_id, get_list, get_text
from pyjiit.exceptions import ResponseFormatError
from pyjiit.models._table import Model, as_sent, derived, rows, wire
from pyjiit.utils import IST

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = ["MoocRequest", "MoocStage", "MoocStatus"]

# "Submitted on 24-Jul-2026 12:29 PM" or "Review Date:- 30-Jul-2026 02:31 PM by SOME NAME (REVIEW BY MOOCD )"
_STAGE = re.compile(
    r"(?P<title>.+?)\s+(?:on|Date:-)\s+(?P<at>\d{1,2}-[A-Za-z]{3}-\d{4}\s+\d{1,2}:\d{2}\s*[AP]M)"
    r"(?:\s+by\s+(?P<by>[^(]+))?",
    re.IGNORECASE,
)
_STEP_NUMBER = re.compile(r"^\d+\.\s*")
# "CURRENT Againts(26B12CS318-FUNDAMENTALS OF TEST-DRIVEN THINGS)": the code has no hyphen, the name may.
_REPLACED = re.compile(r"\((?P<code>[^-()]+)-(?P<name>.+)\)")


class _StageText(NamedTuple):
    text: str
    title: str
    at: dt.datetime | None
    by: str | None
    state: str | None


@functools.lru_cache(maxsize=256)
def _read_stage(text: str) -> _StageText:
    """Split a stage's text (``"1. Review  Date:- 30-Jul-2026 02:31 PM  by NAME (…)@D"``) into its parts."""
    body, at_sign, state = text.rpartition("@")
    if not at_sign:
        body, state = text, ""
    body = _STEP_NUMBER.sub("", " ".join(body.split()))
    match = _STAGE.match(body)
    if match is None:
        return _StageText(text, body, None, None, state.strip() or None)
    try:
        at = dt.datetime.strptime(" ".join(match["at"].split()), "%d-%b-%Y %I:%M %p").replace(tzinfo=IST)
    except ValueError:
        at = None
    return _StageText(text, match["title"], at, (match["by"] or "").strip() or None, state.strip() or None)


def _stage(answer: object, what: str) -> _StageText:
    if not isinstance(answer, str) or not answer.strip():
        raise ResponseFormatError(f"{what}: expected a non-blank string, got {describe(answer)}")
    return _read_stage(answer)


class MoocStage(Model, what="MOOC stage"):
    """One step of a MOOC request's approval, read from the portal's text for it.

    Attributes:
        title: The step, e.g. ``"Submitted"``, ``"Review"`` or ``"Approved"``.
        at: When it happened, in IST, or ``None`` if not yet (or unreadable).
        by: Who did it, or ``None``.
        done: Whether the step is done (the portal's state letter is ``D``).
        state: The portal's state letter after ``@`` (``"D"`` done, ``"P"`` pending), or ``None``.
        text: The portal's text, e.g. ``"1. Review  Date:- 30-Jul-2026 02:31 PM  by NAME (…)@D"``.
    """

    title: str = derived(lambda text, what: _stage(text, what).title)
    at: dt.datetime | None = derived(lambda text, what: _stage(text, what).at)
    by: str | None = derived(lambda text, what: _stage(text, what).by)
    done: bool = derived(lambda text, what: (_stage(text, what).state or "").upper() == "D")
    state: str | None = derived(lambda text, what: _stage(text, what).state)
    text: str = derived(lambda text, what: _stage(text, what).text)


def _stages(data: JSONObject, key: str, what: str) -> tuple[MoocStage, ...]:
    """The steps of a request, blank ones left out."""
    items = get_list(data, key, what)
    return tuple(
        MoocStage.from_response(item) for item in items if not (isinstance(item, str) and not item.strip())
    )


class MoocRequest(Model, what="MOOC request"):
    """A request to take a MOOC in place of a subject.

    Attributes:
        subject_id: The portal's id of the MOOC subject.
        subject_code: The MOOC's code.
        subject_name: The MOOC's name.
        choice_type: The portal's text naming the subject it replaces (``choicetype``).
        approval_status: The portal's status letter as sent, e.g. ``"D"`` or ``"P"`` (pending), or ``None``.
        stages: The approval steps taken or pending (blank steps left out).
        raw: The item as the portal sent it.
    """

    subject_id: str = wire("subjectid", get_id)
    subject_code: str = wire("subjectcode", get_text)
    subject_name: str = wire("subjectdesc", get_text)
    choice_type: str | None = wire("choicetype", get_text, optional=True)
    approval_status: str | None = wire("approvalstatus", get_text, optional=True)
    stages: tuple[MoocStage, ...] = wire("totalStages", _stages, optional=True, missing=())
    raw: JSONObject = as_sent()

    @property
    def replaces(self) -> tuple[str, str] | None:
        """The code and name of the subject this MOOC stands in for, or ``None`` if not stated."""
        match = _REPLACED.search(self.choice_type or "")
        return (match["code"].strip(), match["name"].strip()) if match else None

    @property
    def approved(self) -> bool:
        """Whether an "Approved" step is done."""
        return any(stage.done and stage.title.casefold() == "approved" for stage in self.stages)


class MoocStatus(Model, what="MOOC status"):
    """A semester's MOOC requests (``/moocsubjectstatus/getsubjectstatus``).

    Attributes:
        requests: The requests under way or decided.
        rejected: The rejected requests.
        locked: Whether requests are closed for changes (``lockFlag``, a boolean or a flag), or ``None``.
        dues: The amount due for MOOCs, or ``None``.
        only_approved_by_vc: The portal's ``onlyapprovedbyvc`` flag, or ``None``.
        raw: The answer's ``response`` as the portal sent it.
    """

    requests: tuple[MoocRequest, ...] = wire("totalsubjectDetailList", rows(MoocRequest))
    rejected: tuple[MoocRequest, ...] = wire(
        "totalRejsubjectDetailList", rows(MoocRequest), optional=True, missing=()
    )
    locked: bool | None = wire("lockFlag", get_flag, optional=True)
    dues: Decimal | None = wire("duesAmount", get_decimal, optional=True)
    only_approved_by_vc: bool | None = wire("onlyapprovedbyvc", get_flag, optional=True)
    raw: JSONObject = as_sent()
