"""The privacy statement (Art. 13/14) generated from the register, built for diffing."""

from register.domain.statement.generate import GENERATOR_VERSION, LANGUAGES, generate
from register.domain.statement.model import Gap, Line, Part, Statement

__all__ = ["GENERATOR_VERSION", "LANGUAGES", "Gap", "Line", "Part", "Statement", "generate"]
