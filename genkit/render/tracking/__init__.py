"""Fact tracking: which profile fields a render reads and shows (facts.py: the proxies a
template sees; fact_templates.py: reads made through Jinja's own machinery). How a read set is
stored and asked again on the next build is the plan's (genkit/plan/read_sets.py)."""
