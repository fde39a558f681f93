"""Ranks candidate products for a user.

A product's score mixes how well it fits the user's profile (categories and
brands they buy) with how popular it is overall, so that a thin profile still
gets sensible results. Popularity is recomputed hourly by the catalogue job.
"""

from __future__ import annotations

from dataclasses import dataclass

from recs.engine.profiles import Profile, ProfileStore

# Weights of the three signals; they sum to 1.
CATEGORY_WEIGHT = 0.6
BRAND_WEIGHT = 0.1
POPULARITY_WEIGHT = 0.3


@dataclass(frozen=True)
class Product:
    """A candidate product with its normalised popularity (0..1)."""

    product_id: str
    category: str
    brand: str
    popularity: float


@dataclass(frozen=True)
class ScoredItem:
    """One recommendation: a product id and its score."""

    product_id: str
    score: float

    def as_json(self) -> dict:
        return {"product_id": self.product_id, "score": round(self.score, 4)}


def score(product: Product, profile: Profile) -> float:
    """Weighted sum of category fit, brand fit and popularity."""
    return (
        CATEGORY_WEIGHT * profile.categories.get(product.category, 0.0)
        + BRAND_WEIGHT * profile.brands.get(product.brand, 0.0)
        + POPULARITY_WEIGHT * product.popularity
    )


def diversify(items: list[ScoredItem], brand_of: dict[str, str], per_brand: int = 3) -> list[ScoredItem]:
    """Keeps at most ``per_brand`` items of each brand, in score order.

    Without this a user who bought one phone sees ten phone cases of the
    same brand.
    """
    seen: dict[str, int] = {}
    kept = []
    for item in items:
        brand = brand_of.get(item.product_id, "")
        if seen.get(brand, 0) < per_brand:
            kept.append(item)
            seen[brand] = seen.get(brand, 0) + 1
    return kept


class Ranker:
    """Ranks the catalogue for one user at a time.

    ``profiles`` maps user ids to profiles; ``catalogue`` is the list of
    products that may be recommended (in stock, not age-restricted).
    """

    def __init__(self, profiles: ProfileStore, catalogue: list[Product] | None = None):
        self.profiles = profiles
        self.catalogue = catalogue or []

    def popular(self, limit: int) -> list[ScoredItem]:
        """The most popular products: the answer for users without a profile."""
        ranked = sorted(self.catalogue, key=lambda p: p.popularity, reverse=True)
        return [ScoredItem(p.product_id, p.popularity) for p in ranked[:limit]]

    def top_items(self, user_id: str, limit: int = 10) -> list[ScoredItem]:
        """The ``limit`` best products for ``user_id``, best first.

        Users without a profile yet (signed up after the last export) get the
        popular products instead.
        """
        profile = self.profiles.get(user_id)
        if profile is None:
            return self.popular(limit)
        scored = [ScoredItem(p.product_id, score(p, profile)) for p in self.catalogue]
        scored.sort(key=lambda item: item.score, reverse=True)
        brand_of = {p.product_id: p.brand for p in self.catalogue}
        return diversify(scored, brand_of)[:limit]
