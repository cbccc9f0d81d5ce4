"""Domain: the funding plan's budget arithmetic and its chart (cost against funding by year)."""
