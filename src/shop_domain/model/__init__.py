"""Entities, value objects and the rules that govern them (no I/O)."""
