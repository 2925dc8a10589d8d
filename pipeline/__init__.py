"""arabic-news-extract: rule-based extraction of people, places, dates, organizations and
topics from Arabic news text, with character offsets into the original text."""

from .document import Document, Entity, Sentence, Token, Topic
from .normalize import NormView, normalize, normalize_view
from .pipeline import Pipeline, build_default_pipeline, default_pipeline, extract

__version__ = "0.1.0"

__all__ = [
    "Document", "Entity", "Sentence", "Token", "Topic", "NormView", "normalize", "normalize_view",
    "Pipeline", "build_default_pipeline", "default_pipeline", "extract", "__version__",
]
