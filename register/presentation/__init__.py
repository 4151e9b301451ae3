"""Registers as people read them: Markdown now, other layouts later; progress for long work."""
