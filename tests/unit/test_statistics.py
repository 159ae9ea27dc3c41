"""The statistical forms' tables (thi_dua_app.rules.statistics), site-free: columns by form and kind of
recipient, rows by award type, proposer and recipient, each section adding up to the total."""

from hypothesis import given
from hypothesis import strategies as st

from thi_dua_app.rules import statistics as stats
from thi_dua_app.rules.statistics import Award, Column, Form

FORMS = [
	Form("CO_TINH", stats.COLLECTIVE),
	Form("CSTDT", stats.INDIVIDUAL),
	Form("BK_TINH", stats.BOTH),
	Form("TTLDXS", stats.COLLECTIVE),
]
TYPES = ["Regular", "Thematic", "Extraordinary"]


def table(awards):
	columns, rows = stats.tabulate(FORMS, awards, TYPES)
	return columns, {(row.section, row.label): row for row in rows}, rows


def test_columns_follow_the_forms_and_the_kinds_each_takes():
	columns, _, _ = table([])
	assert columns == [
		Column("CO_TINH", "Collective"),
		Column("CSTDT", "Individual"),
		Column("BK_TINH", "Collective"),
		Column("BK_TINH", "Individual"),
		Column("TTLDXS", "Collective"),
	]


def test_a_household_s_award_gets_its_column_and_its_row():
	columns, rows, _ = table([Award("BK_TINH", "Household", "Regular", "Bloc 1")])
	assert Column("BK_TINH", "Household") in columns
	assert rows[("recipient", "Household")].total == 1


def test_each_award_counts_once_in_every_section():
	awards = [
		Award("CO_TINH", "Collective", "Regular", "Khối Kinh tế"),
		Award("BK_TINH", "Collective", "Regular", "Khối Kinh tế"),
		Award("BK_TINH", "Individual", "Thematic", "Sở Tài chính", leader=True),
		Award("BK_TINH", "Individual", "Regular", "Sở Tài chính"),
		Award("CSTDT", "Individual", "Regular", "Sở Tài chính"),
		Award("LDTT", "Individual", "Regular", "Sở Tài chính"),  # not a form of this statistic
	]
	_, rows, ordered = table(awards)
	assert rows[("total", "")].total == 5
	assert rows[("total", "")].counts == {
		Column("CO_TINH", "Collective"): 1,
		Column("BK_TINH", "Collective"): 1,
		Column("BK_TINH", "Individual"): 2,
		Column("CSTDT", "Individual"): 1,
	}
	assert [rows[("award_type", t)].total for t in TYPES] == [4, 1, 0]
	assert [(row.label, row.total) for row in ordered if row.section == "proposer"] == [
		("Khối Kinh tế", 2),
		("Sở Tài chính", 3),
	]
	assert [rows[("recipient", r)].total for r in stats.RECIPIENT_ROWS] == [2, 1, 2, 0]


def test_an_award_type_the_caller_did_not_name_gets_its_row_in_its_section():
	_, _, ordered = table([Award("CO_TINH", "Collective", "Movement", "Khối A")])
	sections = [row.section for row in ordered]
	assert sections == sorted(sections, key=["total", "award_type", "proposer", "recipient"].index)
	assert ("award_type", "Movement") in [(row.section, row.label) for row in ordered]


award = st.builds(
	Award,
	form=st.sampled_from(["CO_TINH", "CSTDT", "BK_TINH", "TTLDXS", "GK"]),
	kind=st.sampled_from(["Collective", "Individual", "Household"]),
	award_type=st.sampled_from([*TYPES, "Movement"]),
	proposer=st.sampled_from(["Khối A", "Khối B", "Sở C"]),
	leader=st.booleans(),
)


@given(st.lists(award, max_size=40))
def test_every_section_adds_up_to_the_total_in_every_column(awards):
	columns, rows, ordered = table(awards)
	total = rows[("total", "")]
	for section in ("award_type", "proposer", "recipient"):
		for column in columns:
			assert sum(
				row.counts.get(column, 0) for row in ordered if row.section == section
			) == total.counts.get(column, 0)
	assert set(total.counts) <= set(columns)
