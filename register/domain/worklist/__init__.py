"""The DPO's work list (SPEC §6): the follow-ups each recorded change raises, and the DPO's
marks on them, at any moment of the two time axes."""
