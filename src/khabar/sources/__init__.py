"""Sources turn what a user points at (paths, globs, stdin, URLs, feeds, WARC) into Documents."""

from .base import Problem, SourceOptions
from .decode import DecodeError, decode_bytes
from .dispatch import iter_documents

__all__ = ["DecodeError", "Problem", "SourceOptions", "decode_bytes", "iter_documents"]
