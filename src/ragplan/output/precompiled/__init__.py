"""The built-in templates compiled ahead, one module each (summary_txt_j2.py is
templates/summary.txt.j2): made by ragplan/output/precompile.py, run by fastjinja.py."""
