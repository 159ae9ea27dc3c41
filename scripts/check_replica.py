"""Against a site whose reads go to a MariaDB replica (scripts/check_replica.sh makes it): report
queries reach the replica, writes the primary; while the replica lags, reports show what it has
replicated and writes still land on the primary; once it is down, reports are read from the
primary. Each step prints what it saw; any other outcome exits non-zero."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import uuid

import requests

# How long the app trusts its last look at the replica (run with the bench's Python, which has it).
from thi_dua_app.replica import REMEMBER_SECONDS


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--url", required=True)
	parser.add_argument("--primary-socket", required=True)
	parser.add_argument("--replica-socket", required=True)
	args = parser.parse_args()
	http = requests.Session()
	http.post(
		f"{args.url}/api/method/login", data={"usr": "Administrator", "pwd": "admin"}, timeout=60
	).raise_for_status()

	def sql(socket: str, query: str) -> str:
		command = ["mariadb", "--no-defaults", f"--socket={socket}", "-uroot", "-N", "-e", query]
		return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()

	database = sql(
		args.primary_socket,
		"select schema_name from information_schema.schemata where schema_name like '\\_%'",
	)

	def primary(query: str) -> str:
		return sql(args.primary_socket, f"use `{database}`; {query}")

	def replica(query: str) -> str:
		return sql(args.replica_socket, f"use `{database}`; {query}")

	def caught_up():
		for _ in range(120):
			if replica("select @@gtid_slave_pos") == primary("select @@gtid_binlog_pos"):
				return
			time.sleep(0.5)
		sys.exit("replica: the replica did not catch up with the primary")

	def get(path: str, **params):
		response = http.get(f"{args.url}{path}", params=params, timeout=60)
		response.raise_for_status()
		return response.json()

	pledge = get("/api/resource/Emulation Pledge", filters=json.dumps([["docstatus", "=", 1]]))["data"][0][
		"name"
	]

	def ranking() -> dict[str, dict]:
		response = http.post(
			f"{args.url}/api/method/frappe.desk.query_report.run",
			data={"report_name": "Bloc Ranking", "filters": json.dumps({"pledge": pledge})},
			timeout=60,
		)
		if response.status_code != 200:
			sys.exit(f"replica: the report answered HTTP {response.status_code}: {response.text[:300]}")
		return {
			row["name"]: row
			for row in response.json()["message"]["result"]
			if isinstance(row, dict) and row.get("name")
		}

	def selects_on_replica() -> int:
		return int(sql(args.replica_socket, "show global status like 'Com_select'").split()[1])

	failures = []

	def expect(what: str, ok: bool):
		print(f"replica: {'ok' if ok else 'FAILED'} — {what}")
		if not ok:
			failures.append(what)

	caught_up()
	evaluation = next(iter(ranking()))
	draft = get("/api/resource/Emulation Evaluation", filters=json.dumps([["workflow_state", "=", "Draft"]]))[
		"data"
	][0]["name"]

	# 1. The replica lags: it stops applying what the primary writes.
	sql(args.replica_socket, "STOP SLAVE SQL_THREAD")
	marker = f"REPLICA-CHECK-{uuid.uuid4().hex[:8]}"
	primary(f"update `tabEmulation Evaluation` set classification = '{marker}' where name = '{evaluation}'")
	before = selects_on_replica()
	seen = ranking()[evaluation].get("classification")
	expect("the report's queries ran on the replica", selects_on_replica() > before)
	expect("the report shows what the replica has (not yet the primary's change)", seen != marker)
	stored = get(f"/api/resource/Emulation Evaluation/{evaluation}")["data"]["classification"]
	expect("a form reads the primary", stored == marker)

	doc = get(f"/api/resource/Emulation Evaluation/{draft}")["data"]
	row = doc["scores"][0]
	row["note"] = marker
	saved = http.put(
		f"{args.url}/api/resource/Emulation Evaluation/{draft}", json={"scores": doc["scores"]}, timeout=60
	)
	expect(f"a save while the replica lags succeeds (HTTP {saved.status_code})", saved.status_code == 200)
	expect(
		"the save reached the primary, and not the lagging replica",
		primary(f"select note from `tabEvaluation Score` where name = '{row['name']}'") == marker
		and replica(f"select note from `tabEvaluation Score` where name = '{row['name']}'") != marker,
	)

	# 2. The replica catches up.
	sql(args.replica_socket, "START SLAVE SQL_THREAD")
	caught_up()
	expect(
		"once caught up, the report shows the primary's change",
		ranking()[evaluation].get("classification") == marker,
	)

	# 3. The replica is down.
	subprocess.run(
		["mariadb-admin", "--no-defaults", f"--socket={args.replica_socket}", "-uroot", "shutdown"],
		check=True,
	)
	time.sleep(REMEMBER_SECONDS + 1)
	expect(
		"with the replica down, the report still answers, from the primary",
		ranking()[evaluation].get("classification") == marker,
	)
	row["note"] = f"{marker}-down"
	saved = http.put(
		f"{args.url}/api/resource/Emulation Evaluation/{draft}", json={"scores": doc["scores"]}, timeout=60
	)
	expect(f"and a save still succeeds (HTTP {saved.status_code})", saved.status_code == 200)
	sys.exit(1 if failures else 0)


if __name__ == "__main__":
	main()
