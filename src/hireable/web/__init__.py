"""The local web dashboard: an interface like the CLI (parse input, call a service, render)."""
