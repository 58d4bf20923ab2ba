"""status indexes: the answers of a requirement period read from the index alone

The status of every requirement is counted by the database; its answers
(requirement, period, received date, unit) come from this index without
reading the table's rows, which at a province's 140,000 submissions is most
of the work.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_submission_status', 'submission',
                    ['requirement_id', 'period', 'received_on', 'organization_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_submission_status', table_name='submission')
