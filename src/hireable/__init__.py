"""hireable: an evidence ledger and niche job search for self-taught ML learners."""

__version__ = "0.1.0"
