"""HTTP endpoints of the recommendations service."""
