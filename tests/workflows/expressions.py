"""Evaluate GitHub Actions expressions, enough of them to test the workflows' conditions.

Covers what ``if:``, ``env:`` and ``concurrency:`` values use here: literals,
context paths (``github.ref``, ``inputs.publish``, ``matrix.python``), ``!``,
``==``, ``!=``, ``&&``, ``||``, parentheses, ``startsWith``, ``endsWith``,
``contains``, ``toJSON`` and the status functions.  It follows GitHub's rules where they
differ from Python's: ``&&`` and ``||`` return an operand, string comparison
ignores case, and a missing property is ``null``.  Anything else raises
``ExpressionError`` rather than guess, so a new construct in a workflow makes
the tests fail until this learns it.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

#: The status functions' values when every job needed succeeded.
SUCCESS = {"success": True, "always": True, "failure": False, "cancelled": False}

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>'(?:[^']|'')*')
      | (?P<number>-?\d+(?:\.\d+)?)
      | (?P<operator>&&|\|\||==|!=|!|\(|\)|,)
      | (?P<name>[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)
    )""",
    re.VERBOSE,
)
_TEMPLATE = re.compile(r"\$\{\{(.*?)\}\}", re.DOTALL)


class ExpressionError(ValueError):
    """An expression this evaluator does not understand."""


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens, position = [], 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.lastgroup is None:
            raise ExpressionError(f"cannot read {text[position:]!r} in {text!r}")
        tokens.append((match.lastgroup, match.group(match.lastgroup)))
        position = match.end()
    return tokens


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _starts_with(text: Any, prefix: Any) -> bool:
    return str(_fold(text) or "").startswith(str(_fold(prefix) or ""))


def _ends_with(text: Any, suffix: Any) -> bool:
    return str(_fold(text) or "").endswith(str(_fold(suffix) or ""))


def _contains(haystack: Any, needle: Any) -> bool:
    if isinstance(haystack, list):
        return any(_fold(item) == _fold(needle) for item in haystack)
    return str(_fold(needle)) in str(_fold(haystack) or "")


_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "startswith": _starts_with,
    "endswith": _ends_with,
    "contains": _contains,
    "tojson": lambda value: json.dumps(value, indent=2),
}


class _Parser:
    """Recursive descent over the tokens, evaluating as it goes."""

    def __init__(self, text: str, context: Mapping[str, Any], status: Mapping[str, bool]) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.context = context
        self.status = status
        self.position = 0

    def peek(self) -> str | None:
        return self.tokens[self.position][1] if self.position < len(self.tokens) else None

    def take(self, expected: str | None = None) -> tuple[str, str]:
        if self.position == len(self.tokens):
            raise ExpressionError(f"{self.text!r} ends too early")
        kind, value = self.tokens[self.position]
        if expected is not None and value != expected:
            raise ExpressionError(f"expected {expected!r}, found {value!r} in {self.text!r}")
        self.position += 1
        return kind, value

    def parse(self) -> Any:
        value = self.either()
        if self.position != len(self.tokens):
            raise ExpressionError(f"unexpected {self.peek()!r} in {self.text!r}")
        return value

    def either(self) -> Any:
        value = self.both()
        while self.peek() == "||":
            self.take()
            right = self.both()
            value = value if truthy(value) else right
        return value

    def both(self) -> Any:
        value = self.comparison()
        while self.peek() == "&&":
            self.take()
            right = self.comparison()
            value = right if truthy(value) else value
        return value

    def comparison(self) -> Any:
        value = self.unary()
        if self.peek() in ("==", "!="):
            _, operator = self.take()
            equal = _fold(value) == _fold(self.unary())
            return equal if operator == "==" else not equal
        return value

    def unary(self) -> Any:
        if self.peek() == "!":
            self.take()
            return not truthy(self.unary())
        return self.primary()

    def primary(self) -> Any:
        kind, value = self.take()
        if value == "(":
            inner = self.either()
            self.take(")")
            return inner
        if kind == "string":
            return value[1:-1].replace("''", "'")
        if kind == "number":
            return float(value)
        if kind != "name":
            raise ExpressionError(f"unexpected {value!r} in {self.text!r}")
        if self.peek() == "(":
            return self.call(value)
        return self.lookup(value)

    def call(self, name: str) -> Any:
        self.take("(")
        arguments = []
        while self.peek() != ")":
            arguments.append(self.either())
            if self.peek() == ",":
                self.take()
        self.take(")")
        if name in self.status and not arguments:
            return self.status[name]
        function = _FUNCTIONS.get(name.casefold())
        if function is None:
            raise ExpressionError(f"unknown function {name}() in {self.text!r}")
        return function(*arguments)

    def lookup(self, path: str) -> Any:
        literals = {"true": True, "false": False, "null": None}
        if path in literals:
            return literals[path]
        value: Any = self.context
        for part in path.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        return value


def truthy(value: Any) -> bool:
    """GitHub's truthiness: null, false, 0 and the empty string are false."""
    return value not in (None, False, 0, "")


def unwrap(expression: str) -> str:
    """The expression inside ``${{ }}``, or ``expression`` itself when it has none."""
    whole = _TEMPLATE.fullmatch(expression.strip())
    return whole.group(1) if whole else expression


def evaluate(expression: str, context: Mapping[str, Any], status: Mapping[str, bool] = SUCCESS) -> Any:
    """Evaluate one expression, with or without its ``${{ }}``, in ``context``.

    ``status`` gives the status functions' values (``success()``, ``always()``...).
    """
    return _Parser(unwrap(expression), context, status).parse()


def render(text: str, context: Mapping[str, Any]) -> str:
    """Replace every ``${{ ... }}`` in ``text`` with its value, as GitHub does in a string."""

    def value(match: re.Match[str]) -> str:
        result = evaluate(match.group(1), context)
        if isinstance(result, bool):
            return str(result).lower()
        return "" if result is None else str(result)

    return _TEMPLATE.sub(value, text)


def uses_status_function(expression: str) -> bool:
    """Whether ``expression`` calls a status function, replacing the implicit ``success()``."""
    words = [value for _, value in _tokenize(unwrap(expression))]
    return any(word in SUCCESS and after == "(" for word, after in itertools.pairwise(words))
