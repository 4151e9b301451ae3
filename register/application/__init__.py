"""The use cases: commands through one unit of work, reads through one facade, maintenance."""
