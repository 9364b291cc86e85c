"""The route table: one handler per endpoint, all 37 routed."""

from __future__ import annotations

import pytest

from pyjiit import endpoints
from pyjiit.testing._handlers import ROUTES
from pyjiit.testing._routing import Call, RouteTable


def test_every_endpoint_is_routed() -> None:
    assert {route.endpoint for route in ROUTES} == set(endpoints.ALL)


def test_an_endpoint_has_one_handler() -> None:
    def handler(call: Call) -> object:
        return call.payload

    first, second = RouteTable(), RouteTable()
    first.add(endpoints.CAPTCHA)(handler)
    second.add(endpoints.CAPTCHA, "instituteid")(handler)
    with pytest.raises(ValueError, match="/token/getcaptcha has two handlers"):
        RouteTable.merge(first, second)
