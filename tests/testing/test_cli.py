"""``python -m pyjiit.testing``: serves, prints its URLs and credentials, stops on Ctrl-C."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests

from pyjiit.encryption import generate_local_name, serialize_payload
from pyjiit.testing import __main__ as cli

CREATE_GROUP = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
CTRL_C = getattr(signal, "CTRL_BREAK_EVENT", signal.SIGINT)  # Windows delivers Ctrl-Break to a group


def read_banner(lines: list[str]) -> dict[str, str]:
    fields = {}
    for line in lines:
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields


@contextlib.contextmanager
def served(*options: str) -> Iterator[dict[str, str]]:
    """Run ``python -m pyjiit.testing`` with ``options``; yield its banner; stop it with Ctrl-C."""
    args = [sys.executable, "-m", "pyjiit.testing", "--port", "0", *options]
    process = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, creationflags=CREATE_GROUP
    )
    try:
        assert process.stdout is not None
        lines: list[str] = []
        while not lines or lines[-1] != "Press Ctrl-C to stop.":
            line = process.stdout.readline()
            assert line, f"the server exited early: {process.stderr.read() if process.stderr else ''}"
            lines.append(line.rstrip("\n"))
        yield read_banner(lines)
        process.send_signal(CTRL_C)
        out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:  # pragma: no cover - only when an assertion failed above
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert out.strip().endswith("Stopped.")


def post(url: str, payload: dict[str, Any]) -> Any:
    """POST ``payload`` encrypted (ENC-raw) and return the Success envelope's ``response``."""
    headers = {"LocalName": generate_local_name()}
    body = requests.post(url, data=serialize_payload(payload), headers=headers, timeout=10).json()
    assert body["status"]["responseStatus"] == "Success", body
    return body["response"]


@pytest.mark.parametrize("tls", [False, True])
def test_serves_until_interrupted(tls: bool) -> None:
    with served(*(["--tls"] if tls else [])) as banner:
        assert banner["Username"].isdigit()
        assert banner["Password"]
        assert banner["Google credential"].count(".") == 2
        assert banner["SSO URL"].endswith("/CLXSSOAPI")
        verify = banner["CA file"] if tls else True
        assert ("CA file" in banner) == tls
        response = requests.get(
            banner["API URL"] + "/token/getcaptcha",
            headers={"LocalName": generate_local_name()},
            verify=verify,
            timeout=10,
        )
        assert response.json()["status"]["responseStatus"] == "Success"


@pytest.mark.parametrize("options", [[], ["--awkward-tokens", "--legacy-token-path"]])
def test_token_options(options: list[str]) -> None:
    with served(*options) as banner:
        pretoken = post(
            banner["API URL"] + "/token/pretoken-check", {"username": banner["Username"], "usertype": "S"}
        )
        del pretoken["rejectedData"]
        login = {**pretoken, "Modulename": "STUDENTMODULE", "passwordotpvalue": banner["Password"]}
        token_path = "/token/generate-token1" if options else "/token/generatewebtoken"
        claims = post(banner["API URL"] + token_path, login)["regdata"]["token"].split(".")[1]
        assert ("-" in claims and len(claims) % 4 != 0) == bool(options)


def serve_in_process(capsys: pytest.CaptureFixture[str], while_served: Callable[[str], None]) -> str:
    """Run ``main()`` in this thread until Ctrl-C; return what it printed.

    Another thread waits for the banner, calls ``while_served`` with it, then sends Ctrl-C.
    """
    seen: list[str] = []

    def interrupt_when_served() -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            seen.append(capsys.readouterr().out)
            if "Press Ctrl-C" in "".join(seen):
                break
            time.sleep(0.05)
        try:
            while_served("".join(seen))
        finally:
            os.kill(os.getpid(), signal.SIGINT)

    helper = threading.Thread(target=interrupt_when_served)
    helper.start()
    assert cli.main(["--port", "0"]) == 0
    helper.join()
    return "".join(seen) + capsys.readouterr().out


def test_main_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    previous = signal.getsignal(signal.SIGINT)
    output = serve_in_process(capsys, lambda _banner: None)
    assert "API URL:   http://127.0.0.1:" in output
    assert output.rstrip().endswith("Stopped.")
    assert signal.getsignal(signal.SIGINT) is previous  # handlers are restored
    assert signal.set_wakeup_fd(-1) == -1  # and so is the wakeup descriptor (none)


@pytest.mark.skipif(not hasattr(signal, "SIGUSR1"), reason="SIGUSR1 is a POSIX signal")
def test_other_signals_do_not_stop_it(capsys: pytest.CaptureFixture[str]) -> None:
    # A signal with a Python handler reaches the wakeup descriptor too: only Ctrl-C or termination stop.
    handled: list[int] = []  # not an Event: a handler must take no lock (see _stop_signals)
    answers: list[str] = []

    def signal_then_ask(banner: str) -> None:
        os.kill(os.getpid(), signal.SIGUSR1)
        deadline = time.monotonic() + 10
        while not handled and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.1)  # time for the portal to stop, were it going to
        url = read_banner(banner.splitlines())["API URL"] + "/token/getcaptcha"
        answer = requests.get(url, headers={"LocalName": generate_local_name()}, timeout=10)
        answers.append(answer.json()["status"]["responseStatus"])

    previous = signal.signal(signal.SIGUSR1, lambda signum, _frame: handled.append(signum))
    try:
        output = serve_in_process(capsys, signal_then_ask)
    finally:
        signal.signal(signal.SIGUSR1, previous)
    assert handled == [signal.SIGUSR1]
    assert answers == ["Success"]
    assert output.rstrip().endswith("Stopped.")


def test_port_in_use_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        assert cli.main(["--port", str(holder.getsockname()[1])]) == 1
    assert "cannot start the fake portal" in capsys.readouterr().err


def test_latency_option() -> None:
    with served("--latency", "0.3") as banner:
        assert banner["Latency"] == "0.3 s per answer"
        started = time.monotonic()
        response = requests.get(
            banner["API URL"] + "/token/getcaptcha", headers={"LocalName": generate_local_name()}, timeout=10
        )
        assert time.monotonic() - started >= 0.3
        assert response.json()["status"]["responseStatus"] == "Success"


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "soon"])
def test_latency_must_be_seconds(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["--latency", value])
    assert caught.value.code == 2
    error = capsys.readouterr().err
    assert (
        f"argument --latency: must be a number of seconds, 0 or more and at most 86,400, got {value!r}"
        in error
    )
