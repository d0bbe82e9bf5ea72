"""`make bench`: the contract's performance figures, measured end to end."""
