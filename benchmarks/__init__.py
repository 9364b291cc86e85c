"""Benchmarks of pyjiit against pyjiit 0.1.0a9 (run them with ``nox -s bench``)."""
