"""The validation rules, one module each; their registry is ragplan.checks.registry.

Importing one rule module (as the reader imports `reading`) loads only that module:
a run whose checks come from the cache loads none of the others.
"""
