"""MOOC requests: online courses taken in place of a subject, and their approval."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pyjiit._parse import (
    JSONObject,
    describe,
    get_decimal,
    get_flag,
    get_id,
    get_list,
    get_objects,
    get_text,
    optional,
    require_object,
)
from pyjiit.exceptions import ResponseFormatError
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


def _stage_time(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.strptime(" ".join(text.split()), "%d-%b-%Y %I:%M %p")  # noqa: DTZ007
    except ValueError:
        return None
    return moment.replace(tzinfo=IST)


@dataclass(frozen=True)
class MoocStage:
    """One step of a MOOC request's approval, read from the portal's text for it.

    Attributes:
        title: The step, e.g. ``"Submitted"``, ``"Review"`` or ``"Approved"``.
        at: When it happened, in IST, or ``None`` if not yet (or unreadable).
        by: Who did it, or ``None``.
        done: Whether the step is done (the portal's state letter is ``D``).
        state: The portal's state letter after ``@`` (``"D"`` done, ``"P"`` pending), or ``None``.
        text: The portal's text, e.g. ``"1. Review  Date:- 30-Jul-2026 02:31 PM  by NAME (…)@D"``.
    """

    title: str
    at: dt.datetime | None
    by: str | None
    done: bool
    state: str | None
    text: str

    @classmethod
    def from_response(cls, response: object) -> MoocStage:
        """Build a step from one non-blank string of a request's ``totalStages``.

        Raises:
            ResponseFormatError: ``response`` is not a non-blank string.
        """
        if not isinstance(response, str) or not response.strip():
            raise ResponseFormatError(f"MOOC stage: expected a non-blank string, got {describe(response)}")
        body, at_sign, state = response.rpartition("@")
        if not at_sign:
            body, state = response, ""
        body = _STEP_NUMBER.sub("", " ".join(body.split()))
        match = _STAGE.match(body)
        by = match["by"].strip() if match and match["by"] else None
        return cls(
            title=match["title"] if match else body,
            at=_stage_time(match["at"]) if match else None,
            by=by or None,
            done=state.strip().upper() == "D",
            state=state.strip() or None,
            text=response,
        )


@dataclass(frozen=True)
class MoocRequest:
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

    subject_id: str
    subject_code: str
    subject_name: str
    choice_type: str | None
    approval_status: str | None
    stages: tuple[MoocStage, ...]
    raw: JSONObject = field(repr=False, compare=False)

    @property
    def replaces(self) -> tuple[str, str] | None:
        """The code and name of the subject this MOOC stands in for, or ``None`` if not stated."""
        match = _REPLACED.search(self.choice_type or "")
        return (match["code"].strip(), match["name"].strip()) if match else None

    @property
    def approved(self) -> bool:
        """Whether an "Approved" step is done."""
        return any(stage.done and stage.title.casefold() == "approved" for stage in self.stages)

    @classmethod
    def from_response(cls, response: object) -> MoocRequest:
        """Build a request from one item of the MOOC status answer's subject lists.

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        what = "MOOC request"
        data = require_object(response, what)
        stages = optional(get_list, data, "totalStages", what) or []
        return cls(
            subject_id=get_id(data, "subjectid", what),
            subject_code=get_text(data, "subjectcode", what),
            subject_name=get_text(data, "subjectdesc", what),
            choice_type=optional(get_text, data, "choicetype", what),
            approval_status=optional(get_text, data, "approvalstatus", what),
            stages=tuple(
                MoocStage.from_response(stage)
                for stage in stages
                if not (isinstance(stage, str) and not stage.strip())
            ),
            raw=data,
        )


@dataclass(frozen=True)
class MoocStatus:
    """A semester's MOOC requests (``/moocsubjectstatus/getsubjectstatus``).

    Attributes:
        requests: The requests under way or decided.
        rejected: The rejected requests.
        locked: Whether requests are closed for changes (``lockFlag``), or ``None``.
        dues: The amount due for MOOCs, or ``None``.
        only_approved_by_vc: The portal's ``onlyapprovedbyvc`` flag, or ``None``.
        raw: The answer's ``response`` as the portal sent it.
    """

    requests: tuple[MoocRequest, ...]
    rejected: tuple[MoocRequest, ...]
    locked: bool | None
    dues: Decimal | None
    only_approved_by_vc: bool | None
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> MoocStatus:
        """Build the status from the ``response`` of the MOOC status request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        what = "MOOC status"
        data = require_object(response, what)
        rejected = optional(get_objects, data, "totalRejsubjectDetailList", what) or []
        return cls(
            requests=tuple(
                MoocRequest.from_response(row) for row in get_objects(data, "totalsubjectDetailList", what)
            ),
            rejected=tuple(MoocRequest.from_response(row) for row in rejected),
            # Sent as a JSON boolean or as a "Y"/"N" flag: read both.
            locked=optional(get_flag, data, "lockFlag", what),
            dues=optional(get_decimal, data, "duesAmount", what),
            only_approved_by_vc=optional(get_flag, data, "onlyapprovedbyvc", what),
            raw=data,
        )
