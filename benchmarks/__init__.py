"""Speed budgets for hkcase, each measured against the same work done the bare way.

Run ``python -m benchmarks [--quick]``; see benchmarks/README.md.
"""
