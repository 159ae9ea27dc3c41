"""The deadline load over HTTP: logged-in unit officers save their evaluations (one score changed
each time, the whole table sent as the desk sends it) and submit their self-assessment, while each
bloc's head verifies what is submitted; for a bounded time, against one site on 127.0.0.1.

    python scripts/load_test.py --url http://127.0.0.1:PORT --site SITE --plan PLAN \
        --officers 48 --seconds 60 --results RESULTS

Prints throughput, p50 / p95 latency by kind of request, and every error; writes what the server
acknowledged (the last saved value of each score row, submissions, verifications) to RESULTS for
thi_dua_app.load_test.check to read back. Run by scripts/load_test.sh.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import threading
import time
from collections import defaultdict

import requests

SUBMIT, VERIFY = "Submit self-assessment", "Verify"
EVALUATION = "Emulation Evaluation"
SAVES_BEFORE_SUBMIT = (3, 8)


class Client:
	"""One logged-in desk user: a session cookie and the CSRF token the desk page carries."""

	def __init__(self, url: str, site: str, user: str, password: str, record):
		self.url, self.record = url, record
		self.http = requests.Session()
		self.http.headers["Host"] = site
		self.http.headers["Accept"] = "application/json"
		self.request("login", "POST", "/api/method/login", data={"usr": user, "pwd": password})
		page = self.http.get(f"{url}/app", timeout=120)
		token = re.search(r'frappe\.csrf_token = "([^"]+)"', page.text)
		if token:
			self.http.headers["X-Frappe-CSRF-Token"] = token.group(1)

	def request(self, kind: str, method: str, path: str, **kwargs):
		started = time.perf_counter()
		try:
			response = self.http.request(method, f"{self.url}{path}", timeout=120, **kwargs)
			status, text = response.status_code, response.text
		except requests.RequestException as error:
			response, status, text = None, 0, str(error)
		self.record(kind, time.perf_counter() - started, status, text)
		return response if status == 200 else None

	def evaluation(self, name: str) -> dict | None:
		response = self.request("read", "GET", f"/api/resource/{EVALUATION}/{name}")
		return response.json()["data"] if response is not None else None

	def act(self, kind: str, doc: dict, action: str):
		return self.request(
			kind,
			"POST",
			"/api/method/frappe.model.workflow.apply_workflow",
			data={"doc": json.dumps(doc), "action": action},
		)


class Run:
	def __init__(self, args, plan):
		self.args, self.plan = args, plan
		self.lock = threading.Lock()
		self.timings = defaultdict(list)
		self.errors = []
		self.scores = defaultdict(dict)  # evaluation -> score row -> last value saved with a 200
		self.submitted, self.verified = [], []
		self.deadline = None

	def record(self, kind: str, seconds: float, status: int, text: str):
		with self.lock:
			self.timings[kind].append(seconds)
			if status != 200:
				message = re.sub(r"\s+", " ", text)[:300]
				self.errors.append(f"{kind}: HTTP {status}: {message}")

	def officer(self, client: Client, name: str):
		saves = random.randint(*SAVES_BEFORE_SUBMIT)
		while time.monotonic() < self.deadline:
			doc = client.evaluation(name)
			if doc is None:
				return
			if doc["workflow_state"] not in ("Draft", "Returned"):
				client.request(
					"list",
					"GET",
					f"/api/resource/{EVALUATION}",
					params={"fields": '["name","workflow_state"]'},
				)
				continue
			if saves == 0:
				if client.act("submit", doc, SUBMIT) is not None:
					with self.lock:
						self.submitted.append(name)
				continue
			row = random.choice([row for row in doc["scores"] if row["criterion_type"] == "Base"])
			row["self_score"] = float(random.randint(0, int(row["max_points"])))
			if (
				client.request(
					"save", "PUT", f"/api/resource/{EVALUATION}/{name}", json={"scores": doc["scores"]}
				)
				is not None
			):
				with self.lock:
					self.scores[name][row["name"]] = row["self_score"]
				saves -= 1

	def head(self, client: Client, pledge: str):
		while time.monotonic() < self.deadline:
			response = client.request(
				"list",
				"GET",
				f"/api/resource/{EVALUATION}",
				params={
					"filters": json.dumps([["pledge", "=", pledge], ["workflow_state", "=", "Self-assessed"]])
				},
			)
			waiting = [row["name"] for row in response.json()["data"]] if response is not None else []
			if not waiting:
				time.sleep(0.5)
				continue
			for name in waiting:
				doc = client.evaluation(name)
				if doc is not None and client.act("verify", doc, VERIFY) is not None:
					with self.lock:
						self.verified.append(name)

	def go(self):
		officers = self.plan["officers"][: self.args.officers]
		heads = [
			head for head in self.plan["heads"] if any(self.same_bloc(head, officer) for officer in officers)
		]
		password = self.plan["password"]
		clients = [
			(Client(self.args.url, self.args.site, o["user"], password, self.record), o["evaluation"])
			for o in officers
		]
		head_clients = [
			(Client(self.args.url, self.args.site, h["user"], password, self.record), h["pledge"])
			for h in heads
		]
		with self.lock:
			self.timings.clear()  # logins are not the load
		self.deadline = time.monotonic() + self.args.seconds
		started = time.perf_counter()
		threads = [threading.Thread(target=self.officer, args=pair) for pair in clients]
		threads += [threading.Thread(target=self.head, args=pair) for pair in head_clients]
		for thread in threads:
			thread.start()
		for thread in threads:
			thread.join()
		return time.perf_counter() - started, len(heads)

	@staticmethod
	def same_bloc(head: dict, officer: dict) -> bool:
		# GUTD-2026-BS01-01 heads the units BS01.. (their evaluations DGTD-2026-BS01UU-01)
		return officer["evaluation"].split("-")[2][:-2] == head["pledge"].split("-")[2]


def percentile(values: list[float], fraction: float) -> float:
	ordered = sorted(values)
	return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--url", required=True)
	parser.add_argument("--site", required=True)
	parser.add_argument("--plan", required=True)
	parser.add_argument("--officers", type=int, required=True)
	parser.add_argument("--seconds", type=float, default=60)
	parser.add_argument("--results", required=True)
	args = parser.parse_args()
	run = Run(args, json.load(open(args.plan)))
	elapsed, heads = run.go()
	total = sum(len(values) for values in run.timings.values())
	print(
		f"{args.officers} officers and {heads} heads for {elapsed:.0f} s: {total} requests, "
		f"{total / elapsed:.1f} per second; {len(run.errors)} errors"
	)
	print(f"  {'request':<8}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
	for kind in ("read", "save", "submit", "list", "verify"):
		values = run.timings.get(kind)
		if values:
			print(
				f"  {kind:<8}{len(values):>7}{statistics.median(values) * 1000:>9.0f}"
				f"{percentile(values, 0.95) * 1000:>9.0f}{max(values) * 1000:>9.0f}"
			)
	for error in run.errors[:20]:
		print(f"  ERROR {error}")
	deadlocks = sum(1 for error in run.errors if "deadlock" in error.lower())
	print(f"  deadlocks reported to clients: {deadlocks}")
	with open(args.results, "w") as out:
		json.dump({"scores": run.scores, "submitted": run.submitted, "verified": run.verified}, out)
	sys.exit(1 if run.errors else 0)


if __name__ == "__main__":
	main()
