"""The web app: pages and a REST API over a corpus store (``reportedly serve``).

One FastAPI app, server-rendered Jinja2 templates and a little plain
JavaScript; every asset ships in ``static/`` (``static/vendor/PROVENANCE.md``),
so the app works with no network. Every page has a JSON twin at the same URL
plus ``.json``, equal to the API's answer for the same query.
"""

from reportedly.web._app import create_app

__all__ = ["create_app"]
