"""khabar: multilingual news intelligence. Turn a pile of articles into events and stories."""

from .api import Khabar, open
from .model import Article, Document, Event, Story

__all__ = ["Article", "Document", "Event", "Khabar", "Story", "open"]
__version__ = "0.1.0"
