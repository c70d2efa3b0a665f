"""Adapters: the technology-specific implementations of the domain's ports."""
