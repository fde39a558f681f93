"""Ranking: user profiles and the scoring of candidate products."""
