"""postgresql: the audit log append-only and sort keys in byte order there too

SQLite got its triggers in 0002 and compares strings byte by byte anyway;
on PostgreSQL the same guarantees take a trigger function and the "C"
collation on the sort key (a server created with a linguistic locale would
otherwise reorder the ASCII keys).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


_APPEND_ONLY = [
    "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
    "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    # TRUNCATE skips row triggers; it must not empty the log either.
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in _APPEND_ONLY:
        op.execute(statement)
    op.alter_column('organization', 'sort_key', type_=sa.String(length=4000, collation='C'),
                    existing_type=sa.String(length=4000), existing_nullable=False)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.alter_column('organization', 'sort_key', type_=sa.String(length=4000),
                    existing_type=sa.String(length=4000, collation='C'), existing_nullable=False)
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log")
    op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
