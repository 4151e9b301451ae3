"""What changed between two registers (SPEC §6): the diff, and what each change requires."""
