"""Reading plan sets: YAML, the declared format, plan folders on disk and in git, the cache."""
