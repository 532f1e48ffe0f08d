-- Attachments may live outside the database (the embedded database on disk keeps them as
-- files named by their sha256 under SILA_DATA_DIR/attachments, server/storage/): their
-- row then has no data. PostgreSQL keeps filling data.
ALTER TABLE attachments ALTER COLUMN data DROP NOT NULL;
-- The orphan sweep asks "does any row still name this file?".
CREATE INDEX attachments_sha256_idx ON attachments (sha256) WHERE data IS NULL;
