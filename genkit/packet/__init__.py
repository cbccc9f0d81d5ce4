"""The RFP packet's own data: the price proposal form and the administrative clauses."""
