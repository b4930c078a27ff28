"""Extraction: documents to claims with exact provenance, and inferred publication windows."""

from .pipeline import EXTRACTOR, extract_document

__all__ = ["EXTRACTOR", "extract_document"]
