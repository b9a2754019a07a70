"""ragplan: keep improvement and action plans as YAML files and report their RAG status."""

__version__ = "0.1.0"
