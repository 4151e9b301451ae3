"""The register's meaning, free of storage and transport: entry kinds and their fields, the
bitemporal fold, vocabularies, commands and the rules they must meet."""
