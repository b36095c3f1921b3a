"""Organize downloads into the library: path template, safe names, staged crash-safe import."""
