-- Migration 4 is reserved for the code index (another branch); this placeholder keeps the numbering without gaps
-- until that migration is merged, and is then deleted.
SELECT 1;
