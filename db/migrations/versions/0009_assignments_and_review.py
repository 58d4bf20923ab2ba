"""assignments down, reviews of reports up: stable identities of directives
and requirements, the assignment packages issued and taken in, the review
of a received report and its notice on the sender's side

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('directive') as batch:
        batch.add_column(sa.Column('uid', sa.String(length=36), nullable=True))
        batch.add_column(sa.Column('assigned_by', sa.String(length=500), nullable=True))
    op.create_index('ix_directive_uid', 'directive', ['uid'], unique=False)
    with op.batch_alter_table('requirement') as batch:
        batch.add_column(sa.Column('uid', sa.String(length=36), nullable=True))
        batch.add_column(sa.Column('upper_due', sa.Date(), nullable=True))
        batch.add_column(sa.Column('correction_rule', sa.String(length=16), nullable=True))
    op.create_index('ix_requirement_uid', 'requirement', ['uid'], unique=False)
    with op.batch_alter_table('received_package') as batch:
        batch.add_column(sa.Column('review', sa.String(length=16), nullable=True))
        batch.add_column(sa.Column('review_reason', sa.String(length=2000), nullable=True))
        batch.add_column(sa.Column('correct_by', sa.Date(), nullable=True))
        batch.add_column(sa.Column('reviewed_on', sa.Date(), nullable=True))
        batch.add_column(sa.Column('reviewed_by', sa.String(length=200), nullable=True))
        batch.add_column(sa.Column('units', sa.JSON(), nullable=True))
    with op.batch_alter_table('sent_package') as batch:
        batch.add_column(sa.Column('review', sa.String(length=16), nullable=True))
        batch.add_column(sa.Column('review_reason', sa.String(length=2000), nullable=True))
        batch.add_column(sa.Column('correct_by', sa.Date(), nullable=True))
        batch.add_column(sa.Column('reviewed_on', sa.Date(), nullable=True))
    op.create_table('assignment_package',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('directive_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('issuer', sa.String(length=500), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_by', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['directive_id'], ['directive.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256')
    )
    op.create_index('ix_assignment_package_directive_id', 'assignment_package', ['directive_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_assignment_package_directive_id', table_name='assignment_package')
    op.drop_table('assignment_package')
    with op.batch_alter_table('sent_package') as batch:
        for c in ('reviewed_on', 'correct_by', 'review_reason', 'review'):
            batch.drop_column(c)
    with op.batch_alter_table('received_package') as batch:
        for c in ('units', 'reviewed_by', 'reviewed_on', 'correct_by', 'review_reason', 'review'):
            batch.drop_column(c)
    op.drop_index('ix_requirement_uid', table_name='requirement')
    with op.batch_alter_table('requirement') as batch:
        for c in ('correction_rule', 'upper_due', 'uid'):
            batch.drop_column(c)
    op.drop_index('ix_directive_uid', table_name='directive')
    with op.batch_alter_table('directive') as batch:
        for c in ('assigned_by', 'uid'):
            batch.drop_column(c)
