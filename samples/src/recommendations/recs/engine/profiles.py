"""User profiles: the categories and brands a user has shown interest in."""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Profile:
    """Interest weights of one user, each between 0 and 1."""

    user_id: str
    categories: dict[str, float] = field(default_factory=dict)
    brands: dict[str, float] = field(default_factory=dict)


class ProfileStore(dict):
    """Profiles by user id, loaded once at start from the nightly export.

    Users who signed up after the export have no profile until the next one.
    """

    @classmethod
    def load(cls, path: str) -> "ProfileStore":
        store = cls()
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                store[row["user_id"]] = Profile(row["user_id"], row.get("categories", {}), row.get("brands", {}))
        return store
