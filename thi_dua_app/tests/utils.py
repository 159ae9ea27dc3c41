"""Base classes of the app's integration tests: in the site, a world per class and a savepoint per
test; through REST, a committed world per class and real users logged in to the test server."""

import os
import re
import secrets

import frappe
import requests
from frappe.tests.utils import FrappeTestCase

from thi_dua_app.tests.factories import PASSWORD, World, make_world, purge_world


class ThiDuaTestCase(FrappeTestCase):
	"""Each class builds its own small bloc (``make_world``); FrappeTestCase rolls the class back
	at its end, and every test rolls back to a savepoint, so the site is left as it was found."""

	prefix = "TDTest"
	letters = "ABCD"
	world: World

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.world = make_world(cls.prefix, letters=cls.letters)

	def setUp(self):
		frappe.set_user("Administrator")
		frappe.local.lang = "en"
		frappe.db.savepoint("thi_dua_test")

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.local.lang = "en"
		frappe.db.rollback(save_point="thi_dua_test")

	def as_user(self, key: str):
		frappe.set_user(self.world.user(key))

	def in_vietnamese(self):
		frappe.local.lang = "vi"


class RestSession:
	"""A logged-in desk session: cookie plus the CSRF token the desk page hands out."""

	def __init__(self, base_url: str, user: str):
		self.base_url = base_url
		self.http = requests.Session()
		login = self.http.post(
			f"{base_url}/api/method/login", data={"usr": user, "pwd": PASSWORD}, timeout=30
		)
		login.raise_for_status()
		page = self.http.get(f"{base_url}/app", timeout=60)
		token = re.search(r'frappe\.csrf_token = "([^"]+)"', page.text)
		if token:
			self.http.headers["X-Frappe-CSRF-Token"] = token.group(1)

	def request(self, method: str, path: str, **kwargs) -> requests.Response:
		return self.http.request(method, f"{self.base_url}{path}", timeout=60, **kwargs)


class RestTestCase(FrappeTestCase):
	"""Tests run as real users against the web server of the test site that scripts/run_tests.sh
	starts (THI_DUA_TEST_URL; without it the class fails: a test that did not run is not a pass).
	The class's world is committed — the server reads it through its own connection — and purged
	at the end. ``stage`` adds what the class needs beyond the world; ``clean_up`` removes it."""

	prefix = "TDRest"
	letters = "ABCD"
	world: World

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.base_url = os.environ.get("THI_DUA_TEST_URL")
		if not cls.base_url:
			raise RuntimeError("THI_DUA_TEST_URL is not set: run the tests through scripts/run_tests.sh")
		frappe.set_user("Administrator")
		cls.sessions = {}
		cls.world = make_world(f"{cls.prefix}{secrets.token_hex(3)}", letters=cls.letters)
		cls.stage()
		frappe.db.commit()

	@classmethod
	def stage(cls):
		pass

	@classmethod
	def clean_up(cls):
		pass

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		cls.clean_up()
		purge_world(cls.world)
		frappe.db.commit()
		super().tearDownClass()

	def session(self, who: str) -> RestSession:
		"""The logged-in session of a user of the world, made once per class."""
		if who not in self.sessions:
			self.sessions[who] = self.new_session(who)
		return self.sessions[who]

	def new_session(self, who: str) -> RestSession:
		return RestSession(self.base_url, self.world.user(who))
