"""``from pyjiit import *`` gives a type checker every name it gives Python.

mypy checks this file (``nox -s typing``): a name that ``__all__`` lists in a
way mypy cannot read fails there as "not defined", before any test runs.
"""

from __future__ import annotations

from pyjiit import *  # noqa: F403 (what is tested)


def test_star_import_brings_the_client_the_exceptions_and_the_models() -> None:
    error: type[PyjiitError] = SessionExpired  # noqa: F405
    model: type[Model] = PersonalInfo  # noqa: F405
    assert issubclass(error, SessionError)  # noqa: F405
    assert issubclass(model, Model)  # noqa: F405
    assert Webportal.__name__ == "Webportal"  # noqa: F405
    assert isinstance(__version__, str)  # noqa: F405
