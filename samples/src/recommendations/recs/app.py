"""Flask application factory: wires the ranker into the API blueprint."""

from flask import Flask

from recs.api.views import bp
from recs.engine.profiles import ProfileStore
from recs.engine.ranker import Ranker


def create_app(profile_path: str = "/data/profiles.jsonl") -> Flask:
    """Builds the app with profiles preloaded from ``profile_path``."""
    app = Flask("recs")
    profiles = ProfileStore.load(profile_path)
    app.extensions["ranker"] = Ranker(profiles)
    app.register_blueprint(bp)
    return app
