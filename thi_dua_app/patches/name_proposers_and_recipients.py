"""Proposals made before units could propose get the name of who proposed them (the bloc) and
their lines the name of each recipient (the unit): the list, the council's votes and the decision
read those names."""

import frappe


def execute():
	frappe.db.sql(
		"""update `tabAward Proposal` proposal
		join `tabEmulation Bloc` bloc on bloc.name = proposal.bloc
		set proposal.proposer_name = bloc.bloc_name
		where ifnull(proposal.proposer_name, '') = ''"""
	)
	frappe.db.sql(
		"""update `tabProposal Line` line
		join `tabMember Unit` unit on unit.name = line.member_unit
		set line.recipient_name = unit.unit_name
		where line.parenttype = 'Award Proposal' and ifnull(line.recipient_name, '') = ''"""
	)
	frappe.db.sql(
		"""update `tabCouncil Tally` tally
		join `tabProposal Line` line on line.name = tally.proposal_line
		set tally.recipient_name = line.recipient_name
		where ifnull(tally.recipient_name, '') = ''"""
	)
