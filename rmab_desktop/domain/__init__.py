"""Frozen dataclasses, enums and errors shared by every layer (no Qt, no SQLAlchemy)."""
