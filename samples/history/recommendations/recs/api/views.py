"""The ``/recommend`` endpoint the storefront calls for its "for you" lists.

A request names the user and how many items it wants; the answer is the
ranked product ids with their scores. Users without a profile yet (new
sign-ups) get the popular items. Failures are logged with the user and
re-raised for Flask's error handler, which answers 500.
"""

import logging

from flask import Blueprint, current_app, jsonify, request

log = logging.getLogger(__name__)

bp = Blueprint("recommend", __name__)

MAX_LIMIT = 100


def _limit() -> int:
    """The ``limit`` query parameter, clamped to 1..MAX_LIMIT (default 10)."""
    limit = request.args.get("limit", default=10, type=int)
    return max(1, min(limit, MAX_LIMIT))


@bp.get("/recommend")
def recommend():
    """Ranked products for one user.

    Query parameters: ``user_id`` (required) and ``limit``.
    Returns ``{"user_id": ..., "items": [{"product_id": ..., "score": ...}]}``,
    best first: at most ``limit`` items, fewer when the catalogue is small.
    """
    user_id = request.args.get("user_id")
    if not user_id:
        return jsonify(error="user_id is required"), 400
    limit = _limit()
    log.info("GET /recommend user_id=%s limit=%d", user_id, limit)
    engine = current_app.extensions["ranker"]
    try:
        items = engine.top_items(user_id, limit=limit)
    except Exception:
        log.exception("Exception on /recommend [GET] user_id=%s", user_id)
        raise
    return jsonify(user_id=user_id, items=[item.as_json() for item in items])
