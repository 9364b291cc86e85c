"""Independent requests sent side by side, with a bound on how many are in flight.

The portal answers slowly (hundreds of milliseconds to seconds each), so work
made of many independent requests, such as every subject's daily attendance,
waits for the slowest of a few batches instead of the sum of all answers.

The workers are daemon threads rather than a ``concurrent.futures`` pool: a
pool's threads are joined when the interpreter exits, so Ctrl-C in a command
line would wait for every answer in flight.  Here an interrupt ends the
program at once; any other error waits for the requests in flight, so none
outlives the call that started it.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar, overload

from pyjiit._checks import count

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["DEFAULT_IN_FLIGHT", "check_in_flight", "fan_out", "side_by_side"]

_T = TypeVar("_T")
_A = TypeVar("_A")
_B = TypeVar("_B")
_C = TypeVar("_C")

#: How many requests are in flight at once by default: enough to turn ten
#: sequential answers into three rounds, few enough to be polite to one server.
DEFAULT_IN_FLIGHT = 4


@dataclass(frozen=True)
class _Failed:
    """What a job raised, on its way to the calling thread."""

    error: BaseException


def check_in_flight(max_in_flight: object) -> int:
    """Return ``max_in_flight`` if it is a positive whole number.

    Raises:
        ValueError: It is not (``True`` is not a number of requests either).
    """
    return count("max_in_flight", max_in_flight, minimum=1)


def fan_out(
    jobs: Sequence[Callable[[], _T]],
    *,
    max_in_flight: int,
    done: Callable[[int, _T], object] | None = None,
) -> list[_T]:
    """Run ``jobs``, at most ``max_in_flight`` at a time, and return their results in order.

    Args:
        jobs: Functions taking no argument, each sending its requests.
        max_in_flight: How many run at once; with 1, they run one after
            another in the calling thread.
        done: Called in the calling thread with each job's index and result,
            in the order the jobs finish.

    Returns:
        Each job's result, in the order of ``jobs``.

    Raises:
        Exception: The first error a job (or ``done``) raised, once the jobs
            still running have ended; no job starts after it.
    """
    check_in_flight(max_in_flight)
    if max_in_flight == 1 or len(jobs) <= 1:
        results: list[_T] = []
        for index, job in enumerate(jobs):
            results.append(job())
            if done is not None:
                done(index, results[-1])
        return results
    return _in_threads(jobs, max_in_flight, done)


@overload
def side_by_side(
    first: Callable[[], _A], second: Callable[[], _B], /, *, max_in_flight: int
) -> tuple[_A, _B]: ...
@overload
def side_by_side(
    first: Callable[[], _A], second: Callable[[], _B], third: Callable[[], _C], /, *, max_in_flight: int
) -> tuple[_A, _B, _C]: ...
def side_by_side(*jobs: Callable[[], object], max_in_flight: int) -> tuple[object, ...]:
    """Run a few different calls as :func:`fan_out` does, and return their results as a tuple.

    For calls that return different types, such as a command's independent
    reads: each result keeps its own type, where :func:`fan_out`'s list has one.
    """
    return tuple(fan_out(jobs, max_in_flight=max_in_flight))


def _in_threads(
    jobs: Sequence[Callable[[], _T]], max_in_flight: int, done: Callable[[int, _T], object] | None
) -> list[_T]:
    next_index = iter(range(len(jobs)))
    take = threading.Lock()
    stop = threading.Event()
    finished: queue.SimpleQueue[tuple[int, _T | _Failed]] = queue.SimpleQueue()

    def work() -> None:
        while not stop.is_set():
            with take:
                index = next(next_index, None)
            if index is None:
                return
            try:
                finished.put((index, jobs[index]()))
            except BaseException as error:  # noqa: BLE001 (handed to the calling thread, which raises it)
                stop.set()  # here, not only in the calling thread, so that this worker starts nothing more
                finished.put((index, _Failed(error)))

    workers = [
        threading.Thread(target=work, name=f"pyjiit-request-{number}", daemon=True)
        for number in range(min(max_in_flight, len(jobs)))
    ]
    for worker in workers:
        worker.start()
    results: dict[int, _T] = {}
    try:
        _collect(finished, results, len(jobs), done)
    except Exception:
        stop.set()
        for worker in workers:  # each request ends within its own deadline
            worker.join()
        raise
    except BaseException:  # Ctrl-C: leave the daemon threads to the exiting program
        stop.set()
        raise
    for worker in workers:  # done: each is past its last job, so none outlives the call
        worker.join()
    return [results[index] for index in range(len(jobs))]


def _collect(
    finished: queue.SimpleQueue[tuple[int, _T | _Failed]],
    results: dict[int, _T],
    count: int,
    done: Callable[[int, _T], object] | None,
) -> None:
    """Move ``count`` results from ``finished`` into ``results``, raising the first error among them."""
    while len(results) < count:
        index, outcome = finished.get()
        if isinstance(outcome, _Failed):
            try:
                raise outcome.error
            finally:
                # This frame goes into the error's traceback: holding the error, it would make a
                # cycle that keeps every frame of the call alive until the garbage collector ran.
                del outcome
        results[index] = outcome
        if done is not None:
            done(index, outcome)
