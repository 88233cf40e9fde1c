"""khabar: multilingual news intelligence. Turn a pile of articles into events and stories."""

from .model import Article, Document, Event, Story

__all__ = ["Article", "Document", "Event", "Story"]
__version__ = "0.1.0"
