"""The rules package imports nothing from Frappe: every module of it is imported in a fresh
interpreter where any import of Frappe fails."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import thi_dua_app.rules as rules

REPO = Path(__file__).resolve().parents[2]
BLOCK_FRAPPE = """
import sys


class BlockFrappe:
	def find_spec(self, name, path=None, target=None):
		if name == "frappe" or name.startswith("frappe."):
			raise ImportError(f"the rules may not import {name}")


sys.meta_path.insert(0, BlockFrappe())
"""


def test_the_rules_import_nothing_from_frappe():
	modules = sorted(f"thi_dua_app.rules.{module.name}" for module in pkgutil.iter_modules(rules.__path__))
	assert {"thi_dua_app.rules.scoring", "thi_dua_app.rules.eligibility", "thi_dua_app.rules.ballot"} <= set(
		modules
	)
	code = BLOCK_FRAPPE + "".join(f"import {module}\n" for module in modules)
	done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False)
	assert done.returncode == 0, done.stderr


def test_the_guard_itself_refuses_frappe():
	done = subprocess.run(
		[sys.executable, "-c", BLOCK_FRAPPE + "import frappe\n"], capture_output=True, text=True, check=False
	)
	assert done.returncode != 0 and "the rules may not import frappe" in done.stderr
