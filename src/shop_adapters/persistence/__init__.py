"""PostgreSQL (asyncpg) and the embedded SQLite file (aiosqlite) behind the repository ports,
on one SQLAlchemy 2 code path."""
