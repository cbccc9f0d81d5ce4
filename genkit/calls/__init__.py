"""911 call-for-service analysis: read a CAD export, classify call types, summarize demand.

A domain package: it imports only ``genkit.model`` and base modules (errors, figure, charting,
atomic_file), never load or render. Kept free of heavy imports so ``genkit validate`` stays
fast: DuckDB loads when an export is read, matplotlib when a chart is drawn.
"""
