"""Work that finds its people, in the desk, each role in its own browser: a unit finds its draft by
"Chờ tôi xử lý", sees on the pledge none of the bloc head's buttons, and sends its evaluation; the
bloc head finds it the same way, returns it with a reason; the unit reads the reason at the top of
its form, and on the ranking report is told why it sees only its own row; the head's pledge
offers the head's buttons.

Run by scripts/run_tests.sh (see test_desk_flows.py); screenshots in $THI_DUA_ARTIFACTS/browser."""

import json

import pytest
from playwright.sync_api import expect
from test_desk_flows import Desk, artifacts, bench_execute, browser, required  # noqa: F401

HEAD_BUTTONS = {"Tạo bảng chấm điểm", "Công khai kết quả"}


@pytest.fixture(scope="module")
def world():
	data = json.loads(bench_execute("thi_dua_app.tests.browser_world.create"))
	yield data
	bench_execute("thi_dua_app.tests.browser_world.purge", data["prefix"])


def pledge_buttons(desk: Desk, pledge: str) -> set[str]:
	"""The custom buttons the pledge's form offers the user (by their labels, as shown)."""
	desk.open(f"/app/emulation-pledge/{pledge}")
	desk.page.wait_for_function(
		"(name) => window.cur_frm && cur_frm.doc.name === name && !cur_frm.is_dirty()", arg=pledge
	)
	desk.page.wait_for_timeout(800)
	return set(desk.page.evaluate("() => Object.keys(cur_frm.custom_buttons)"))


def waiting_for_me(desk: Desk):
	"""The evaluation list, filtered by its "Chờ tôi xử lý" button; returns the rows' locator."""
	desk.open("/app/emulation-evaluation")
	desk.page.get_by_role("button", name="Chờ tôi xử lý").click()
	rows = desk.page.locator(".frappe-list .list-row-container")
	desk.page.wait_for_timeout(1500)
	return rows


def test_the_work_reaches_the_unit_and_the_head(world, browser, artifacts):  # noqa: F811
	base_url = required("THI_DUA_TEST_URL")
	password = world["password"]
	evaluation = world["evaluations"]["C"]

	unit = Desk(browser, base_url, world["unit_users"]["C"], password, artifacts)
	# The pledge offers the unit none of the bloc head's buttons.
	assert not pledge_buttons(unit, world["pledge"]) & HEAD_BUTTONS
	unit.shot("40-unit-pledge-without-head-buttons")
	# "Chờ tôi xử lý" lists the unit's own draft, and nothing of another unit; the list has a year.
	rows = waiting_for_me(unit)
	expect(rows.filter(has_text=evaluation)).to_have_count(1)
	expect(rows.filter(has_text=world["evaluations"]["B"])).to_have_count(0)
	expect(unit.page.locator(".list-row-head").get_by_text("Năm")).to_be_visible()
	unit.shot("41-unit-waiting-for-me")
	rows.filter(has_text=evaluation).locator("a.list-subject-link, .list-subject a").first.click()
	expect(unit.page.locator('[data-fieldname="scores"] .grid-row[data-idx="2"]')).to_be_visible()
	unit.set_score(2, "self_score", "9")
	unit.save()
	unit.act("Gửi bảng tự chấm", "Đã tự chấm", confirm="trừ khi Trưởng khối trả lại")

	head = Desk(browser, base_url, world["unit_users"]["A"], password, artifacts)
	assert HEAD_BUTTONS <= pledge_buttons(head, world["pledge"])
	# The head finds the evaluation sent to it among its work.
	rows = waiting_for_me(head)
	expect(rows.filter(has_text=evaluation)).to_have_count(1)
	head.shot("42-head-waiting-for-me")
	head.open_evaluation(evaluation)
	# Choosing the return asks for its reason, which the unit will read.
	reason = "Thiếu minh chứng cho tiêu chí I.2"
	head.page.get_by_role("button", name="Các thao tác").click()
	head.page.locator(".dropdown-menu.show .dropdown-item").filter(has_text="Trả lại đơn vị").first.click()
	dialog = head.page.locator(".modal.show").filter(has_text="Lý do trả lại")
	expect(dialog).to_be_visible()
	dialog.locator('[data-fieldname="reason"] textarea').fill(reason)
	head.shot("43a-head-gives-the-reason")
	dialog.locator(".btn-primary").click()
	expect(head.page.locator(".page-head .indicator-pill").filter(has_text="Bị trả lại")).to_be_visible()
	head.shot("43-head-returned")
	head.close()

	# The unit reads why, at the top of its form, and may correct and send again. (Its desk still
	# holds the evaluation as it sent it; without the realtime server, a reload fetches it again.)
	unit.open_evaluation(evaluation)
	unit.page.reload()
	expect(unit.page.locator(".page-head .indicator-pill").filter(has_text="Bị trả lại")).to_be_visible()
	expect(unit.page.locator(".form-message")).to_contain_text(f"Bị trả lại: {reason}")
	unit.set_score(2, "self_score", "10")
	unit.save()
	unit.shot("44-unit-reads-the-reason")
	# Before publication the ranking report says why the unit sees its own row only.
	unit.open(f"/app/query-report/Bloc Ranking?pledge={world['pledge']}")
	expect(unit.page.get_by_text("các đơn vị khác sẽ hiện khi công bố")).to_be_visible()
	unit.shot("45-unit-ranking-before-publication")
	unit.close()
