"""Work that finds its people, in the desk, each role in its own browser: a unit finds its draft
by "Chờ tôi xử lý", sees on the pledge none of the bloc head's buttons, attaches its evidence on
the row and sends its evaluation, after which the evidence stays; the bloc head is told in the
bell, finds the evaluation by the workspace's number card and by the list's button, and returns
it with the reason it is asked for; the unit reads the reason at the top of its form, and on the
ranking report is told why it sees only its own row; the head's pledge offers its buttons.

Run by scripts/run_tests.sh (see test_desk_flows.py), with a background worker running; screenshots
in $THI_DUA_ARTIFACTS/browser."""

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
	# Evidence goes on its row (I.1 requires it once scored) and shows by its file's name.
	unit.set_score(1, "self_score", "25")
	row = unit.page.locator('[data-fieldname="scores"] .grid-row[data-idx="1"]')
	uploader = unit.page.locator(".modal.show").filter(has=unit.page.locator(".file-uploader"))
	# Clicking the cell opens the upload dialog (the grid focuses the field, which opens it).
	row.locator('.grid-static-col[data-fieldname="evidence"]').click()
	try:
		expect(uploader).to_be_visible(timeout=5000)
	except AssertionError:
		row.locator('.frappe-control[data-fieldname="evidence"] button').first.click()
	evidence = artifacts / "minh-chung-I1.pdf"
	evidence.write_bytes(b"%PDF-1.4\n% minh chung tieu chi I.1\n%%EOF\n")
	uploader.locator('input[type="file"]').set_input_files(str(evidence))
	uploader.locator(".modal-footer .btn-primary").click()
	expect(uploader).to_have_count(0)
	expect(row.locator('.grid-static-col[data-fieldname="evidence"]')).to_contain_text("minh-chung-I1")
	unit.save()
	unit.shot("41a-unit-attached-evidence")
	unit.act("Gửi bảng tự chấm", "Đã tự chấm", confirm="trừ khi Trưởng khối trả lại")
	# Once sent, the evidence stays: the sidebar's remove is refused by the server.
	attachment = unit.page.locator(".form-attachments .attachment-row").filter(has_text="minh-chung-I1")
	expect(attachment).to_have_count(1)
	if attachment.locator(".remove-btn").count():
		attachment.locator(".remove-btn").click()
		unit.page.locator(".modal.show .btn-primary").filter(has_text="Có").click()
		expect(unit.page.locator(".modal.show").filter(has_text="không được phép xóa")).to_be_visible()
		unit.shot("41b-evidence-removal-refused")
		unit.page.reload()
	expect(
		unit.page.locator(".form-attachments .attachment-row").filter(has_text="minh-chung-I1")
	).to_have_count(1)

	head = Desk(browser, base_url, world["unit_users"]["A"], password, artifacts)
	# The bell tells the head the unit has sent (a background worker makes the notification, as in
	# production; it may take a moment).
	subject = f"{world['units']['C']} đã gửi bảng tự chấm điểm năm 2017, chờ thẩm định"
	bell = head.page.locator(".dropdown-notifications .notifications-icon")
	told = head.page.locator(".notifications-list .notification-item").filter(has_text=subject)
	bench_execute("thi_dua_app.tests.browser_world.wait_for_background_jobs")
	for _ in range(10):
		head.open("/app/thi-dua")
		bell.click()
		head.page.wait_for_timeout(1000)
		if told.count():
			break
	expect(told.first).to_be_visible()
	panel = head.page.locator(".notifications-list")
	expect(panel).to_contain_text("Có gì mới")
	expect(panel).to_contain_text("Xem mọi hoạt động")
	head.shot("41c-head-notified")
	head.page.keyboard.press("Escape")
	assert HEAD_BUTTONS <= pledge_buttons(head, world["pledge"])
	# The head finds the evaluation sent to it among its work: the workspace's number card opens
	# the list on exactly the documents it counts, as the list's own button does.
	head.open("/app/thi-dua")
	card = head.page.locator(".widget.number-widget-box").filter(has_text="Bảng chấm điểm chờ tôi xử lý")
	expect(card).to_be_visible()
	head.shot("42a-head-workspace")
	card.locator(".widget-body").click()
	head.page.wait_for_url("**/app/emulation-evaluation**")
	rows = head.page.locator(".frappe-list .list-row-container")
	expect(rows.filter(has_text=evaluation)).to_have_count(1)
	expect(rows.filter(has_text=world["evaluations"]["B"])).to_have_count(0)  # B has not sent
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
