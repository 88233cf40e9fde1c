"""``khabar serve``: the web newsroom and JSON API (needs the ``web`` extra: fastapi, uvicorn, jinja2)."""
