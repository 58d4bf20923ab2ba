"""directive identity: issuer + year + number; merges that carry over; void register numbers

A directive number was unique across the whole database, so a 2023
"05/KH-LĐLĐ" after the 2022 one, or the same number from another issuer,
was refused. The key becomes (folded issuer, year, folded number).
A unit merged into another may carry what it owed to its successor, only
when the user says so (``organization.carry_over``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

import unicodedata

from alembic import op
import sqlalchemy as sa
from sqlalchemy import text


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# SQLite keeps the old unique constraint without a name; this convention
# lets batch mode find it by one.
_NAMING = {"uq": "uq_%(table_name)s_%(column_0_name)s"}


def _fold(text_: str | None) -> str:
    # desktop.core.vntext.fold as of this revision: the db layer imports
    # nothing of the app, and a migration must not change with later code.
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text_ or "").strip().casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.replace("đ", "d").split())


def _old_unique(bind) -> str:
    if bind.dialect.name == "sqlite":
        return "uq_directive_number_key"
    for uq in sa.inspect(bind).get_unique_constraints("directive"):
        if uq["column_names"] == ["number_key"]:
            return uq["name"]
    return "directive_number_key_key"


def upgrade() -> None:
    bind = op.get_bind()
    old = _old_unique(bind)
    with op.batch_alter_table('directive', naming_convention=_NAMING) as batch_op:
        batch_op.add_column(sa.Column('issuer_key', sa.String(length=500), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('year', sa.Integer(), nullable=False, server_default='0'))
    # The keys are computed by the same folding the program uses.
    rows = bind.execute(text("SELECT id, issuer, issued_on FROM directive")).all()
    for id_, issuer, issued_on in rows:
        year = int(str(issued_on)[:4]) if issued_on else 0
        bind.execute(text("UPDATE directive SET issuer_key = :k, year = :y WHERE id = :i"),
                     {"k": _fold(issuer), "y": year, "i": id_})
    with op.batch_alter_table('directive', naming_convention=_NAMING) as batch_op:
        batch_op.drop_constraint(old, type_='unique')
        batch_op.alter_column('issuer_key', server_default=None, existing_type=sa.String(length=500), existing_nullable=False)
        batch_op.alter_column('year', server_default=None, existing_type=sa.Integer(), existing_nullable=False)
        batch_op.create_unique_constraint('uq_directive_issuer_year_number', ['issuer_key', 'year', 'number_key'])
        batch_op.create_index('ix_directive_number_key', ['number_key'], unique=False)
    with op.batch_alter_table('organization') as batch_op:
        batch_op.add_column(sa.Column('carry_over', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('organization') as batch_op:
        batch_op.alter_column('carry_over', server_default=None, existing_type=sa.Boolean(), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('organization') as batch_op:
        batch_op.drop_column('carry_over')
    with op.batch_alter_table('directive', naming_convention=_NAMING) as batch_op:
        batch_op.drop_index('ix_directive_number_key')
        batch_op.drop_constraint('uq_directive_issuer_year_number', type_='unique')
        batch_op.drop_column('year')
        batch_op.drop_column('issuer_key')
        batch_op.create_unique_constraint('uq_directive_number_key', ['number_key'])
