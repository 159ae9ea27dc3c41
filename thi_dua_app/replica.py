"""Reads on the replica only while it answers.

A site with a MariaDB replica sets Frappe's own keys in site_config.json (``read_from_replica``,
``replica_host``, ``replica_db_port``); Frappe then runs the methods it marks read-only — every
report (``frappe.desk.query_report.run``), list views and counts — on the replica, and everything
else on the primary. Frappe does not look whether the replica is there: were it down, every report
would fail. So before each request the app asks whether the replica accepts a connection (the
answer is remembered a few seconds, for all workers) and, when it does not, lets this request read
from the primary. A replica that lags still answers: reports show what it has replicated so far,
and every write goes to the primary all the same.
"""

from __future__ import annotations

import socket

import frappe

PROBE_SECONDS = 0.5  # how long a connection to the replica may take before it counts as down
REMEMBER_SECONDS = 3  # how long an answer is reused before the replica is asked again
CACHE_KEY = "thi_dua:replica_answers"


def route_reads() -> None:
	"""before_request: no replica reads in this request when the replica does not answer."""
	if frappe.conf.read_from_replica and not replica_answers():
		frappe.local.conf.read_from_replica = False


def replica_answers() -> bool:
	known = frappe.cache.get_value(CACHE_KEY, expires=True)
	if known is not None:
		return bool(known)
	try:
		port = int(frappe.conf.replica_db_port or 3306)
		socket.create_connection((frappe.conf.replica_host, port), timeout=PROBE_SECONDS).close()
		answers = True
	except (OSError, TypeError, ValueError):
		answers = False
	frappe.cache.set_value(CACHE_KEY, int(answers), expires_in_sec=REMEMBER_SECONDS)
	return answers
