"""Persistence wiring: the tables beside the event store, database guards and the write lock."""
