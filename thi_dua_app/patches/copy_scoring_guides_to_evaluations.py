"""An evaluation's score rows carry their criterion's scoring guide, shown where the score is
entered; rows made before they did take it from their pledge's frozen table (a row saved later
gets it from the save, which copies every column of its criterion)."""

import frappe


def execute():
	frappe.db.sql(
		"""update `tabEvaluation Score` score
		join `tabEmulation Evaluation` evaluation on evaluation.name = score.parent
		join `tabScoring Criterion` criterion on criterion.parent = evaluation.pledge
			and criterion.parenttype = 'Emulation Pledge'
			and criterion.criterion_code = score.criterion_code
		set score.scoring_guide = criterion.scoring_guide
		where score.parenttype = 'Emulation Evaluation'
			and ifnull(score.scoring_guide, '') = ''
			and ifnull(criterion.scoring_guide, '') != ''"""
	)
