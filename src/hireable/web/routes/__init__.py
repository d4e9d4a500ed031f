"""One module per page: each exposes `routes`, a list of Starlette routes."""
