"""Evaluation against public benchmarks (MUC-4 role fillers with CEAF-REE)."""
