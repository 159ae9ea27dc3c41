"""A committed world for the browser tests, made and removed through `bench execute`:

    bench --site SITE execute thi_dua_app.tests.browser_world.create
    bench --site SITE execute thi_dua_app.tests.browser_world.purge --args '["PREFIX"]'

Each unit has one user who is both its officer and its leader, as in the demo."""

import secrets

import frappe

from thi_dua_app.constants import UNIT_LEADER, UNIT_OFFICER
from thi_dua_app.tests.factories import PASSWORD, World, make_user, make_world, purge_world


def create() -> dict:
	frappe.set_user("Administrator")
	prefix = f"TDWeb{secrets.token_hex(3)}"
	world = make_world(prefix)
	frappe.get_doc("Emulation Pledge", world.pledge).create_evaluations()
	users = {}
	for letter in "ABCD":
		email = f"{prefix.lower()}.unit.{letter.lower()}@thidua.test"
		users[letter] = make_user(email, [UNIT_OFFICER, UNIT_LEADER], [world.unit(letter)])
		frappe.db.set_value("User", email, "language", "vi")
	frappe.db.set_value("User", world.user("manager"), "language", "vi")
	evaluations = {
		letter: frappe.db.get_value(
			"Emulation Evaluation", {"pledge": world.pledge, "member_unit": world.unit(letter)}
		)
		for letter in "ABCD"
	}
	frappe.db.commit()
	return {
		"prefix": prefix,
		"password": PASSWORD,
		"pledge": world.pledge,
		"units": {letter: world.unit(letter) for letter in "ABCD"},
		"unit_users": users,
		"manager": world.user("manager"),
		"evaluations": evaluations,
	}


def purge(prefix: str) -> None:
	frappe.set_user("Administrator")
	world = World(prefix=prefix, bloc=f"{prefix} Bloc", template=f"{prefix} Template")
	world.units = [world.unit(letter) for letter in "ABCD"]
	world.outside_unit = world.unit("X")
	users = frappe.get_all(
		"User", filters={"name": ("like", f"{prefix.lower()}.%@thidua.test")}, pluck="name"
	)
	world.users = {email: email for email in users}
	purge_world(world)
	frappe.db.commit()
