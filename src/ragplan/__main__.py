"""`python -m ragplan`."""

from ragplan.cli import main

main()
