"""Full-text search of services: one index table, two engines (SQLite FTS5, PostgreSQL)."""
