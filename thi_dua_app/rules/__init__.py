"""The rules of emulation and commendation, in pure Python: nothing here imports Frappe, so each
rule is tested without a site (tests/unit) and the Frappe layer (thi_dua_app.thi_dua) only reads
documents into these values and writes the answers back. A site-free test holds the package to it.

- scoring: scoring tables, totals, bands, ranking and its tie-breaks, targets
- membership, succession: who belongs to a bloc in a year; units that merge and their successors
- ballot: the bloc meeting's quorum, ballot arithmetic and selection within quotas
- rewards: reward amounts from the base salary and coefficients, amounts in Vietnamese words
- regime: what a legal regime's values must look like; eligibility: who qualifies for each title
- registration, review, assignments, statistics: registrations, units' internal reviews, who
  acts for whom, the statistical forms
- reminders: who is reminded before a pledge's due dates
- input_rules: what a value of each kind of field may be; formatting: Vietnamese numbers, dates
"""
