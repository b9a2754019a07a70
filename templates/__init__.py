"""The default report templates, installed inside the package as ragplan.templates."""
