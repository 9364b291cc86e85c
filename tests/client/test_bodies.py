"""Whatever body the portal answers with, a public method returns or raises a PyjiitError naming the endpoint.

Hypothesis writes the bodies: any JSON value, envelopes whose fields have any
type, NaN and infinities, deep nesting, lone surrogates, bytes that are not
UTF-8, HTML; with statuses from 200 to 513.  No ``RecursionError``,
``UnicodeError``, ``TypeError``, ``KeyError`` or ``ValueError`` may escape.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pyjiit import endpoints
from pyjiit.exceptions import PyjiitError, ResponseFormatError
from pyjiit.testing import FakePortal, Fault
from tests.portal_clients import make_client

if TYPE_CHECKING:
    from collections.abc import Callable

    from pyjiit import Webportal
    from pyjiit.endpoints import Endpoint

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=16,
)
statuses = st.one_of(
    json_values,
    st.just(401),
    st.fixed_dictionaries(
        {"responseStatus": st.sampled_from(["Success", "Failure"]) | json_values},
        optional={"errors": json_values | st.lists(st.text(max_size=20)), "identifier": json_values},
    ),
)
envelopes = st.fixed_dictionaries(
    {}, optional={"status": statuses, "response": json_values, "exception": json_values}
)


def dumped(value: Any) -> bytes:
    return json.dumps(value, allow_nan=True).encode("utf-8")


def nested(depth: int) -> bytes:
    return b'{"status":{"responseStatus":"Success"},"response":' + b"[" * depth + b"]" * depth + b"}"


#: JSON texts Python's json turns into strings that cannot be encoded again.
surrogates = st.sampled_from(['"\\ud800"', '"\\udfff x"', '{"\\udc00":1}', '["\\ud83d"]', '"\\ud83d\\ude00"'])

bodies = st.one_of(
    envelopes.map(dumped),
    json_values.map(dumped),
    st.integers(1, 5000).map(nested),
    surrogates.map(lambda text: b'{"status":{"responseStatus":"Success"},"response":' + text.encode() + b"}"),
    st.binary(max_size=64),
    st.text(max_size=64).map(str.encode),
    st.sampled_from([b"<html><body>Sign in</body></html>", b"NaN", b"1e999", b"9" * 5000, b"\xef\xbb\xbf{}"]),
)
answers = st.tuples(
    bodies,
    st.sampled_from([200, 200, 200, 200, 201, 204, 400, 404, 500, 502, 511, 513]),
    st.sampled_from(["application/json", "text/html", "text/plain"]),
)


def calls(
    reader: Webportal, login: Webportal, portal: FakePortal
) -> dict[str, tuple[Endpoint, Callable[[], object]]]:
    """Public methods, and the endpoint whose answer each is given."""
    semester = reader.get_semesters_for_marks()[0]
    return {
        "captcha": (endpoints.CAPTCHA, reader.get_captcha),
        "pretoken": (endpoints.PRETOKEN_CHECK, lambda: login.student_login(portal.username, portal.password)),
        "login": (endpoints.GENERATE_TOKEN, lambda: login.student_login(portal.username, portal.password)),
        "personal_info": (endpoints.PERSONAL_INFO, reader.get_student_personal_information),
        "semesters": (endpoints.REGISTERED_SEMESTERS, reader.get_registered_semesters),
        "pending_charges": (endpoints.PENDING_PAYMENTS, reader.get_fines_msc_charges),
        "marks": (endpoints.MARKS, lambda: reader.exams.marks(semester)),
        "password": (
            endpoints.CHANGE_PASSWORD,
            lambda: reader.set_password(portal.password, portal.password),
        ),
        "marks_pdf": (endpoints.MARKS_PDF, lambda: reader.download_marks(semester)),
    }


@pytest.mark.parametrize(
    "call",
    [
        "captcha",
        "pretoken",
        "login",
        "personal_info",
        "semesters",
        "pending_charges",
        "marks",
        "password",
        "marks_pdf",
    ],
)
def test_any_body_ends_in_data_or_a_pyjiit_error(portal: FakePortal, call: str) -> None:
    with make_client(portal, retries=0) as reader, make_client(portal, retries=0) as login:
        reader.student_login(portal.username, portal.password)
        endpoint, method = calls(reader, login, portal)[call]

        @given(answer=answers)
        @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        def check(answer: tuple[bytes, int, str]) -> None:
            body, status, content_type = answer
            portal.inject(endpoint.path, Fault.status(status, body, content_type))
            try:
                method()
            except PyjiitError as error:
                failure: PyjiitError | None = error
            else:
                failure = None
            # The transport's errors name the endpoint; the models' name the object and field they missed.
            assert (
                failure is None or endpoint.path in str(failure) or isinstance(failure, ResponseFormatError)
            )

        check()
