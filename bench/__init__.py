"""Benchmarks and evaluations over ../shared/bench (test and benchmark use only; never shipped)."""
