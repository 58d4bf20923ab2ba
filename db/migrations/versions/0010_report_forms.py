"""report forms: the forms units send back, and an outbox message's own text

Grassroots units answer on an Excel form (phiếu báo cáo) sent down by
e-mail or Zalo; each form taken in is kept, a later one for the same
period supersedes it. A form goes down by e-mail with its own words.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox_message') as batch:
        batch.add_column(sa.Column('body', sa.String(length=4000), nullable=True))
    op.create_table(
        'received_form',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('content_key', sa.String(length=64), nullable=False),
        sa.Column('organization_id', sa.Integer(), nullable=False),
        sa.Column('requirement_id', sa.Integer(), nullable=False),
        sa.Column('period', sa.Integer(), nullable=False),
        sa.Column('submission_id', sa.Integer(), nullable=True),
        sa.Column('file_name', sa.String(length=500), nullable=False),
        sa.Column('figures', sa.JSON(), nullable=True),
        sa.Column('matched_by', sa.String(length=16), nullable=False),
        sa.Column('template_hash', sa.String(length=64), nullable=True),
        sa.Column('received_on', sa.Date(), nullable=False),
        sa.Column('superseded_by_id', sa.Integer(), nullable=True),
        sa.Column('received_by', sa.String(length=200), nullable=True),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['organization_id'], ['organization.id']),
        sa.ForeignKeyConstraint(['requirement_id'], ['requirement.id']),
        sa.ForeignKeyConstraint(['submission_id'], ['submission.id']),
        sa.ForeignKeyConstraint(['superseded_by_id'], ['received_form.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_received_form_sha256', 'received_form', ['sha256'], unique=False)
    op.create_index('ix_received_form_unit_period', 'received_form', ['organization_id', 'requirement_id', 'period'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_received_form_unit_period', table_name='received_form')
    op.drop_index('ix_received_form_sha256', table_name='received_form')
    op.drop_table('received_form')
    with op.batch_alter_table('outbox_message') as batch:
        batch.drop_column('body')
