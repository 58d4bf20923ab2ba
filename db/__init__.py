"""Schema, engine and session set-up, and Alembic migrations: nothing else."""
