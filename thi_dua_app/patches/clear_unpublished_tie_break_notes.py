"""A tie-break note names the unit's equal neighbour and its score: an evaluation carries it only
once its pledge's results are published (thi_dua_app.thi_dua.ranking). Notes stored before, on
evaluations of pledges not yet published, are removed; publication writes them again."""

import frappe


def execute():
	frappe.db.sql(
		"""update `tabEmulation Evaluation` evaluation
		join `tabEmulation Pledge` pledge on pledge.name = evaluation.pledge
		set evaluation.tie_break_note = ''
		where ifnull(pledge.results_published, 0) = 0 and ifnull(evaluation.tie_break_note, '') != ''"""
	)
