"""received packages: the signed manifest's hash, its creation time and the received date

A package is the same package whatever zip it travels in, the newer of two
is the one its sender made later, and a report counts as on time by the
date this office received it (not by the date its sender wrote on it).

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('received_package') as batch:
        batch.add_column(sa.Column('manifest_sha256', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('created_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('received_on', sa.Date(), nullable=True))
    op.create_index('ix_received_package_manifest_sha256', 'received_package', ['manifest_sha256'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_received_package_manifest_sha256', table_name='received_package')
    with op.batch_alter_table('received_package') as batch:
        batch.drop_column('received_on')
        batch.drop_column('created_at')
        batch.drop_column('manifest_sha256')
