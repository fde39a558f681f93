-- Migration 4: code index lookups: symbols by simple name (the definition of a function called on a failing line)
-- and stored vectors by content hash and model (a chunk seen before is not embedded again).
CREATE INDEX code_symbols_simple_name ON code_symbols (name);
CREATE INDEX code_chunks_content ON code_chunks (content_hash, model);
