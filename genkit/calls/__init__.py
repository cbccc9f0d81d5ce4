"""911 call-for-service analysis: read a CAD export, classify call types, summarize demand.

Kept free of heavy imports: the profile model uses the date-format check from here, and
``genkit validate`` must stay fast. Charts import matplotlib only when they are drawn.
"""
