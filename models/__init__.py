"""Model and data files shipped with redactor; each has a card (*.md) beside it."""
