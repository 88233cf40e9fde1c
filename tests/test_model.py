"""The record types' dict forms."""

from khabar.model import Article, Event


def test_fields_dict_holds_every_field_without_copying() -> None:
    event = Event(id="e1", places=[{"id": "geo:1", "name": "Moscow"}], summary={"en": "They met."})
    shallow = event.fields_dict()
    assert shallow == event.to_dict()
    assert shallow["places"] is event.places  # shared, not deep-copied as to_dict's are
    assert event.to_dict()["places"] is not event.places


def test_from_dict_ignores_unknown_keys() -> None:
    article = Article(id="a1", text="نص", entities=[{"id": "p:1"}])
    assert Article.from_dict(article.fields_dict() | {"extra": 1}) == article
