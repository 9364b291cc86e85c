"""End-to-end tests of the release pipeline (``nox -s pipeline``)."""
