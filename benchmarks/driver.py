"""Benchmark this pyjiit against pyjiit 0.1.0a9 on one local fake portal.

``nox -s bench`` runs this module with this pyjiit and its testing extra
installed, and passes the Pythons of two more environments, one holding this
pyjiit and one holding pyjiit 0.1.0a9 (both packages are named ``pyjiit``, so
they cannot share one), each with only its runtime dependencies, so that
neither is slowed by the other's test tools.  It starts one
:class:`FakePortal` over HTTPS on 127.0.0.1, then runs the workload
(:mod:`benchmarks.workload`) in worker processes, alternating the two clients
for several rounds, and reports calls per second for each and their ratio
(medians over the rounds), the client's own cost per call without the network
(:mod:`benchmarks.client_cost`) and the time ``import pyjiit`` takes.  The
figures also go to a JSON file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import requests

import pyjiit
from benchmarks import client_cost, slow_portal
from pyjiit.testing import FakePortal

__all__ = ["main"]

WORKLOAD = Path(__file__).with_name("workload.py")
#: The targets of issue 9.
TARGET_RATIO = 3.0
TARGET_CLIENT_COST_US = 100.0
#: Fresh interpreters started to time ``import pyjiit``.
IMPORT_SAMPLES = 15
#: ``-I``: only the environment's own packages, never a ``pyjiit`` folder in the working directory.
ISOLATED = "-I"
IMPORT_TIMER = (
    "import time; started = time.perf_counter(); import pyjiit, pyjiit.wrapper; "
    "print(time.perf_counter() - started)"
)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.driver", description=__doc__)
    parser.add_argument(
        "--current-python", required=True, help="the Python of an environment with this pyjiit"
    )
    parser.add_argument("--baseline-python", required=True, help="the Python of an environment with 0.1.0a9")
    parser.add_argument("--rounds", type=int, default=6, help="timed rounds per client (default: 6)")
    parser.add_argument("--seconds", type=float, default=2.0, help="length of one worker's run (default: 2)")
    parser.add_argument("--json", type=Path, help="write the figures to this file too")
    parser.add_argument("--check", action="store_true", help="exit with status 1 when a target is missed")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.seconds <= 0:
        parser.error("--rounds must be at least 1 and --seconds positive")
    return args


def worker(python: str, config: dict[str, Any], env: dict[str, str]) -> dict[str, Any]:
    """Run the workload in a fresh ``python`` and return its result."""
    done = subprocess.run(
        [python, ISOLATED, str(WORKLOAD)],
        input=json.dumps(config),
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60 + 2 * float(config["seconds"]),
    )
    if done.returncode:
        sys.exit(f"the {config['client']} worker failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def import_seconds(python: str, env: dict[str, str]) -> float:
    """The median time a fresh ``python`` takes to import pyjiit and its client."""
    samples = []
    for _ in range(IMPORT_SAMPLES):
        done = subprocess.run(
            [python, ISOLATED, "-c", IMPORT_TIMER], capture_output=True, text=True, env=env, check=True
        )
        samples.append(float(done.stdout))
    return statistics.median(samples)


def environments(
    portal: FakePortal, current_python: str, baseline_python: str
) -> dict[str, tuple[str, dict[str, str]]]:
    """The Python and environment variables of each client's workers.

    0.1.0a9 keys its payloads on the machine's *local* date while the portal
    uses the IST day, so its workers run with ``TZ=Asia/Kolkata`` (and the
    portal with no clock offset); it trusts the portal's CA through
    ``REQUESTS_CA_BUNDLE``.  This pyjiit gets the CA as ``verify=``.
    """
    base = {key: value for key, value in os.environ.items() if key != "REQUESTS_CA_BUNDLE"}
    return {
        "current": (current_python, base),
        "0.1.0a9": (
            baseline_python,
            {**base, "TZ": "Asia/Kolkata", "REQUESTS_CA_BUNDLE": portal.ca_file or ""},
        ),
    }


def throughput(
    portal: FakePortal, clients: dict[str, tuple[str, dict[str, str]]], rounds: int, seconds: float
) -> dict[str, Any]:
    """Alternate the two clients' workers for ``rounds`` rounds (after one warm-up round).

    The order flips every round, so drift on a noisy machine hits both alike.
    Every worker's calls are checked against the requests the portal received.
    """
    config = {
        "url": portal.url,
        "sso_url": portal.sso_url,
        "ca_file": portal.ca_file,
        "username": portal.username,
        "password": portal.password,
        "seconds": seconds,
    }
    rates: dict[str, list[float]] = {name: [] for name in clients}
    for round_number in range(rounds + 1):
        order = list(clients) if round_number % 2 else list(reversed(clients))
        for name in order:
            python, env = clients[name]
            portal.requests.clear()
            result = worker(python, {**config, "client": name}, env)
            received = len(portal.requests)
            if received != result["calls"]:
                sys.exit(f"the {name} worker made {result['calls']} calls but the portal got {received}")
            if round_number:  # the first round warms caches and is not counted
                rates[name].append(result["calls"] / result["seconds"])
    ratios = [new / old for new, old in zip(rates["current"], rates["0.1.0a9"], strict=True)]
    return {
        "calls_per_second": {name: statistics.median(values) for name, values in rates.items()},
        "rounds": rates,
        "ratio": statistics.median(ratios),
        "ratios": ratios,
    }


def report(figures: dict[str, Any]) -> list[str]:
    """The figures as lines of text, with each target marked met or missed."""
    rates = figures["calls_per_second"]
    cost = figures["client_cost"]
    imports = figures["imports_ms"]
    rounds = enumerate(
        zip(figures["rounds"]["current"], figures["rounds"]["0.1.0a9"], figures["ratios"], strict=True), 1
    )
    return [
        (
            f"pyjiit {figures['versions']['current']} vs 0.1.0a9: login, then attendance, registrations, "
            f"exam events and SGPA over HTTPS on 127.0.0.1 ({figures['rounds_count']} rounds of "
            f"{figures['seconds']:g} s per client, {figures['machine']['cpus']} CPUs)"
        ),
        "",
        f"{'round':>6}  {'this pyjiit':>12}  {'0.1.0a9':>12}  {'ratio':>6}   (calls per second)",
        *(f"{n:>6}  {new:>12.1f}  {old:>12.1f}  {ratio:>6.2f}" for n, (new, old, ratio) in rounds),
        f"{'median':>6}  {rates['current']:>12.1f}  {rates['0.1.0a9']:>12.1f}  {figures['ratio']:>6.2f}",
        "",
        (
            f"client cost per call without the network: pyjiit {cost['pyjiit_us']:.1f} us "
            f"(LocalName {cost['local_name_us']:.1f} us, payload encryption "
            f"{cost['encrypt_payload_us']:.1f} us where the endpoint wants it)"
        ),
        (
            f"  with requests' Session machinery: {cost['with_requests_us']:.1f} us "
            f"({cost['with_requests_no_env_us']:.1f} us with trust_env=False)"
        ),
        (
            f"import pyjiit (fresh interpreter, median of {IMPORT_SAMPLES}): this pyjiit "
            f"{imports['current']:.1f} ms, 0.1.0a9 {imports['0.1.0a9']:.1f} ms"
        ),
        "",
        *slow_portal.report(figures["slow_portal"]),
        "",
        *(f"target {target}: {'met' if met else 'MISSED'}" for target, met in figures["targets"].items()),
    ]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the figures, write the JSON; return the exit status."""
    args = parse_args(argv)
    with FakePortal(tls=True, clock_offset=dt.timedelta(0)) as portal:
        clients = environments(portal, args.current_python, args.baseline_python)
        figures = throughput(portal, clients, args.rounds, args.seconds)
        figures["client_cost"] = client_cost.measure(portal)
        figures["imports_ms"] = {
            name: import_seconds(python, env) * 1000 for name, (python, env) in clients.items()
        }
    figures["slow_portal"] = slow_portal.measure()
    figures.update(
        {
            "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "rounds_count": args.rounds,
            "seconds": args.seconds,
            "versions": {
                "current": pyjiit.__version__,
                "0.1.0a9": "0.1.0a9",
                "requests": requests.__version__,
            },
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "platform": platform.platform(terse=True),
                "processor": platform.machine(),
            },
        }
    )
    figures["targets"] = {
        f"calls per second >= {TARGET_RATIO:g}x 0.1.0a9": figures["ratio"] >= TARGET_RATIO,
        f"pyjiit's own cost < {TARGET_CLIENT_COST_US:g} us per call": (
            figures["client_cost"]["pyjiit_us"] < TARGET_CLIENT_COST_US
        ),
        **{
            f"{way} in <= {slow_portal.TARGET_ROUND_TRIPS} round trips": (
                figures["slow_portal"]["ways"][way]["round_trips"] <= slow_portal.TARGET_ROUND_TRIPS
            )
            for way in ("library side by side", "pyjiit attendance")
        },
    }
    print("\n".join(report(figures)))
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"figures written to {args.json}")
    return 1 if args.check and not all(figures["targets"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
