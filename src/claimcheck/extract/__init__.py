"""Extraction: documents to claims with exact provenance, and inferred publication windows."""

from .pipeline import EXTRACTOR, clear_caches, extract_claims, extract_document, place_in_time

__all__ = ["EXTRACTOR", "clear_caches", "extract_claims", "extract_document", "place_in_time"]
