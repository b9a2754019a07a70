"""Output formats: templates, JSON, CSV, terminal tables, and text made safe where it lands."""
