"""The validation rules, one module each, and their registry (`registry.py`).

A rule is a pure function of the model: this package imports nothing but the base types,
so reading can raise its rules and the config can name them. Importing one rule module
(as the reader imports `reading`) loads only that module: a run whose checks come from
the cache loads none of the others.
"""
