"""Extractors: (spaCy Doc, Article) -> records. One module per record kind."""
