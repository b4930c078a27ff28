"""claimcheck: extract factual claims from news articles and check them against sources and a cited knowledge base."""

__version__ = "0.1.0"
