"""One module per output format. Each takes a rendered Markdown document and returns bytes."""
