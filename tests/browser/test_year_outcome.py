"""The year's outcome in the desk, in headless Chromium: the bloc head adds a candidate from the
ranking, counts the secret ballot on the drafted minutes and submits them, makes the proposal from them and sends it to the
province; after the province's appraisal and council vote, the province manager makes the
decision from what the council passed, signs it, prints it and downloads it as Word.

Run by scripts/run_tests.sh (see test_desk_flows.py); screenshots in $THI_DUA_ARTIFACTS/browser."""

import json

import pytest
from playwright.sync_api import expect
from test_desk_flows import Desk, artifacts, bench_execute, browser, required  # noqa: F401


@pytest.fixture(scope="module")
def world():
	data = json.loads(bench_execute("thi_dua_app.tests.browser_world.create_outcome"))
	yield data
	bench_execute("thi_dua_app.tests.browser_world.purge", data["prefix"])


def set_cell(desk: Desk, table: str, idx: int, fieldname: str, value: str):
	row = desk.page.locator(f'[data-fieldname="{table}"] .grid-row[data-idx="{idx}"]')
	row.locator(f'.grid-static-col[data-fieldname="{fieldname}"]').click()
	field = row.locator(f'[data-fieldname="{fieldname}"] input')
	field.fill(value)
	# Leave the cell without Tab: Tab in the last cell of the last row makes the grid add a row
	# 100 ms later, which can land after the save and leave the form unsaved.
	field.blur()


def choose_link(desk: Desk, table: str, idx: int, fieldname: str, text: str, choice: str):
	"""Type into a Link cell and pick ``choice`` from what the field's search offers."""
	row = desk.page.locator(f'[data-fieldname="{table}"] .grid-row[data-idx="{idx}"]')
	row.locator(f'.grid-static-col[data-fieldname="{fieldname}"]').click()
	row.locator(f'[data-fieldname="{fieldname}"] input').fill(text)
	option = desk.page.locator(".awesomplete [role=option]:visible").filter(has_text=choice).first
	expect(option).to_be_visible()
	option.click()


def set_field(desk: Desk, fieldname: str, value: str):
	field = desk.page.locator(f'.frappe-control[data-fieldname="{fieldname}"] input').first
	field.fill(value)
	field.press("Escape")


def submit(desk: Desk, doctype: str, name: str):
	"""Submit the open document as the desk does (its primary action, then the confirmation) and
	wait until the server has it submitted."""
	desk.page.locator(".page-actions .primary-action").click()
	desk.page.locator(".modal.show .btn-primary").click()
	for _attempt in range(30):
		if read(desk, doctype, name)["docstatus"] == 1:
			return
		desk.page.wait_for_timeout(500)
	raise AssertionError(f"{doctype} {name} was not submitted")


def read(desk: Desk, doctype: str, name: str) -> dict:
	response = desk.context.request.get(f"{desk.base_url}/api/resource/{doctype}/{name}")
	assert response.status == 200, response.text()
	return response.json()["data"]


def test_meeting_proposal_decision(world, browser, artifacts):  # noqa: F811
	base_url = required("THI_DUA_TEST_URL")
	password = world["password"]

	head = Desk(browser, base_url, world["unit_users"]["A"], password, artifacts)
	head.open(f"/app/bloc-review-meeting/{world['meeting']}")
	expect(head.page.locator('[data-fieldname="candidates"] .grid-row[data-idx="3"]')).to_be_visible()
	for fieldname in ("ballots_issued", "ballots_returned", "ballots_valid"):
		set_field(head, fieldname, "4")
	# The meeting also puts D up for the Bằng khen: the head's officer reads no other Member Unit,
	# yet the candidates' field offers the ranked units.
	head.page.locator('[data-fieldname="candidates"] .grid-add-row').click()
	choose_link(head, "candidates", 4, "member_unit", "Unit D", world["units"]["D"])
	choose_link(head, "candidates", 4, "award_form", "BK_TINH", "BK_TINH")
	head.shot("10-meeting-candidate-added")
	# A for the Cờ 4/0 (100 %), B for the Bằng khen 3/1 (75 %), C 2/2 (50 %, not more than half),
	# D 1/3 (25 %).
	for idx, (votes_for, votes_against) in enumerate(((4, 0), (3, 1), (2, 2), (1, 3)), start=1):
		set_cell(head, "candidates", idx, "votes_for", str(votes_for))
		set_cell(head, "candidates", idx, "votes_against", str(votes_against))
	head.save()
	head.shot("11-meeting-ballot-counted")
	meeting = read(head, "Bloc Review Meeting", world["meeting"])
	assert [(row["member_unit"], row["vote_percent"], row["selected"]) for row in meeting["candidates"]] == [
		(world["units"]["A"], 100, 1),
		(world["units"]["B"], 75, 1),
		(world["units"]["C"], 50, 0),
		(world["units"]["D"], 25, 0),
	]
	submit(head, "Bloc Review Meeting", world["meeting"])
	head.shot("12-meeting-submitted")

	head.page.get_by_role("button", name="Tạo").click()
	head.page.locator(".dropdown-menu.show .dropdown-item").filter(
		has_text="Tờ trình đề nghị khen thưởng"
	).click()
	head.page.wait_for_url("**/award-proposal/new**")
	set_field(head, "proposal_date", "12/12/2017")
	set_field(head, "proposal_number", "03/TTr-KTĐ")
	set_field(head, "signer_name", "Head of A")
	head.save()
	head.page.wait_for_url("**/award-proposal/TTR-**")
	proposal = head.page.url.rsplit("/", 1)[-1]
	expect(head.page.locator('[data-fieldname="lines"] .grid-row[data-idx="2"]')).to_be_visible()
	head.act("Gửi tỉnh", "Đã gửi tỉnh")
	head.shot("13-proposal-sent")
	head.close()

	bench_execute("thi_dua_app.tests.browser_world.appraise_and_vote", proposal)

	province = Desk(browser, base_url, world["manager"], password, artifacts)
	province.open("/app/award-decision/new")
	set_field(province, "decision_number", "125/QĐ-UBND")
	set_field(province, "decision_date", "15/01/2018")
	set_field(province, "year", "2017")
	set_field(province, "signer_name", "Nguyễn Tử Quỳnh")
	province.save()
	province.page.wait_for_url("**/award-decision/QDKT-**")
	decision = province.page.url.rsplit("/", 1)[-1]
	province.page.get_by_role("button", name="Lấy các đề nghị Hội đồng đã thông qua").click()
	expect(province.page.locator('[data-fieldname="lines"] .grid-row[data-idx="2"]')).to_be_visible()
	province.shot("14-decision-lines")
	submit(province, "Award Decision", decision)
	data = read(province, "Award Decision", decision)
	# Cờ 8.0 and a collective Bằng khen 2.0 (2017 regime) × 1,300,000 on 15/01/2018.
	assert (data["total_amount"], data["total_in_words"]) == (13_000_000, "Mười ba triệu đồng")
	assert read(province, "Award Proposal", proposal)["workflow_state"] == "Decided"
	province.shot("15-decision-signed")

	province.open(f"/printview?doctype=Award Decision&name={decision}&format=Quyết định khen thưởng&_lang=vi")
	expect(province.page.get_by_text("Mười ba triệu đồng").first).to_be_visible()
	province.shot("16-decision-print-preview")
	response = province.context.request.get(
		f"{base_url}/api/method/thi_dua_app.thi_dua.word_export.download_docx",
		params={"doctype": "Award Decision", "name": decision},
	)
	assert response.status == 200
	assert response.body().startswith(b"PK")
	(artifacts / "17-decision.docx").write_bytes(response.body())
	province.close()
