"""Changing plan files: set, carry-forward, init, and the byte-preserving YAML splice."""
