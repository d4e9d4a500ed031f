"""Job sources: company boards on public ATS feeds, Hacker News, files and aggregators."""
