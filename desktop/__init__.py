"""Theo dõi: tracking directives, requirements and submissions for Vietnamese
trade-union offices."""

__version__ = "0.1.0"
