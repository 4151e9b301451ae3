"""Ways to fill a register from outside: the example register now, spreadsheets later."""
