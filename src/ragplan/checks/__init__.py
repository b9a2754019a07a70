"""Checking plan sets: the problem type, the rules and their registry, validation."""
