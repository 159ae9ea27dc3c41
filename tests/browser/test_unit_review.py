"""A unit's own review in the desk, in headless Chromium and in Vietnamese: the unit's officer
opens the year's review, fills it from the records, is refused at submission for proposing more
CSTĐCS than the 2013 law's quota allows (the numbers in the message), removes them, signs, and
reads the unit head's decision with the reward money, and sends the unit's proposal the review
made to the province; another unit cannot open either. The province corrects a person's history of
the units served in its dialog, applies the mergers to a bloc and opens the statistical form.

Run by scripts/run_tests.sh (see test_desk_flows.py); screenshots in $THI_DUA_ARTIFACTS/browser."""

import json
from datetime import date

import pytest
from playwright.sync_api import expect
from test_desk_flows import Desk, artifacts, bench_execute, browser, required  # noqa: F401
from test_people import pick_link, saved_name
from test_year_outcome import read, set_field, submit

REVIEW = "Unit Internal Review"


@pytest.fixture(scope="module")
def world():
	data = json.loads(bench_execute("thi_dua_app.tests.browser_world.create_review"))
	yield data
	bench_execute("thi_dua_app.tests.browser_world.purge", data["prefix"])


def test_a_unit_reviews_its_people_and_signs_the_decision(world, browser, artifacts):  # noqa: F811
	base_url = required("THI_DUA_TEST_URL")
	unit_c = world["units"]["C"]
	officer = Desk(browser, base_url, world["unit_users"]["C"], world["password"], artifacts)

	officer.open("/app/unit-internal-review/new")
	pick_link(officer, "member_unit", "Unit C", unit_c)
	# Each field left with Escape: a Tab out of the council's size would step into the empty grid.
	for fieldname, value in (
		("year", "2017"),
		("council_date", "20/12/2017"),
		("council_members", "9"),
		("decision_number", "25/QĐ-STC"),
		("decision_date", "25/12/2017"),
		("signer_title", "Giám đốc"),
		("signer_name", "Nguyễn Văn Giám Đốc"),
	):
		set_field(officer, fieldname, value)
	name = saved_name(officer, "unit-internal-review")

	officer.page.get_by_role("button", name="Điền từ hồ sơ").click()
	officer.page.locator(".modal.show .btn-primary").click()
	rows = officer.page.locator('[data-fieldname="lines"] .grid-body .grid-row')
	# Three people with an initiative: LĐTT and CSTĐCS each; the fourth LĐTT; the division's two.
	expect(rows).to_have_count(9)
	stored = read(officer, REVIEW, name)
	assert sorted((line["recipient_name"], line["award_form"]) for line in stored["lines"]) == sorted(
		[
			*(
				(person, title)
				for person in ("Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba")
				for title in ("LDTT", "CSTDCS")
			),
			("Phạm Thị Bốn", "LDTT"),
			("Phòng Tổng hợp", "TTLDTT"),
			("Phòng Tổng hợp", "TTLDXS"),
		]
	)
	assert {line["eligibility_status"] for line in stored["lines"]} == {"Qualified"}
	assert (stored["ldtt_count"], stored["cstdcs_count"], stored["cstdcs_quota"]) == (4, 3, "0")
	officer.shot("30-unit-fills-its-review-from-the-records")

	# 15 % of four LĐTT is 0.6: no CSTĐCS at all under the 2013 law. Refused with the numbers.
	officer.page.locator(".page-actions .primary-action").click()
	officer.page.locator(".modal.show .btn-primary").click()
	message = officer.page.locator(".modal.show .msgprint")
	expect(message).to_contain_text("tỷ lệ chỉ cho phép 0")
	expect(message).to_contain_text("15 % của 4 Lao động tiên tiến")
	officer.shot("31-submission-refused-above-the-cstdcs-quota")
	officer.page.keyboard.press("Escape")
	assert read(officer, REVIEW, name)["docstatus"] == 0

	# The officer takes the CSTĐCS lines out, saves and signs.
	officer.open(f"/app/unit-internal-review/{name}")
	expect(rows).to_have_count(9)
	for index, line in enumerate(stored["lines"], start=1):
		if line["award_form"] == "CSTDCS":
			officer.page.locator(
				f'[data-fieldname="lines"] .grid-row[data-idx="{index}"] .grid-row-check'
			).check()
	officer.page.locator('[data-fieldname="lines"] .grid-remove-rows').click()
	expect(rows).to_have_count(6)
	officer.page.keyboard.press("Control+s")
	expect(officer.page.locator(".indicator-pill:visible").filter(has_text="Chưa lưu")).to_have_count(0)
	submit(officer, REVIEW, name)
	signed = read(officer, REVIEW, name)
	assert signed["province_lines"] == 1
	officer.open(f"/app/unit-internal-review/{name}")
	expect(officer.page.locator('[data-fieldname="award_decision"]')).to_contain_text("QDKT-2017")
	officer.shot("32-unit-signs-its-review")

	decision = read(officer, "Award Decision", signed["award_decision"])
	assert decision["docstatus"] == 1
	# 2017: LĐTT 0.3 × 1,300,000 = 390,000 each; TTLĐTT 0.8 × 1,300,000 = 1,040,000.
	assert sorted((line["award_form"], line["amount"]) for line in decision["lines"]) == sorted(
		[*(("LDTT", 390000),) * 4, ("TTLDTT", 1040000)]
	)
	officer.open(f"/app/award-decision/{signed['award_decision']}")
	expect(officer.page.locator('[data-fieldname="lines"]')).to_contain_text("Phạm Thị Bốn")
	officer.shot("33-the-unit-head-s-decision-with-its-reward-money")

	# The division's TTLĐXS is the province's: the review made it the unit's proposal, which the
	# officer numbers and sends.
	proposal = signed["award_proposal"]
	officer.open(f"/app/award-proposal/{proposal}")
	expect(officer.page.locator('[data-fieldname="lines"]')).to_contain_text("Phòng Tổng hợp")
	set_field(officer, "proposal_number", "07/TTr-STC")
	officer.save()
	officer.act("Gửi tỉnh", "Đã gửi tỉnh")
	assert read(officer, "Award Proposal", proposal)["proposing_unit"] == unit_c
	officer.shot("34-the-unit-sends-its-proposal-to-the-province")
	officer.close()

	other = Desk(browser, base_url, world["unit_users"]["B"], world["password"], artifacts)
	other.open(f"/app/unit-internal-review/{name}")
	expect(other.page.locator("body")).not_to_contain_text("Phạm Thị Bốn")
	other.shot("35-another-unit-is-refused-the-review")
	other.open(f"/app/award-proposal/{proposal}")
	expect(other.page.locator("body")).not_to_contain_text("Phòng Tổng hợp")
	other.close()


def test_the_province_corrects_a_person_s_history(world, browser, artifacts):  # noqa: F811
	base_url = required("THI_DUA_TEST_URL")
	province = Desk(browser, base_url, world["manager"], world["password"], artifacts)
	found = province.context.request.get(
		f"{base_url}/api/resource/Staff Member",
		params={"filters": json.dumps([["full_name", "=", "Phạm Thị Bốn"]])},
	)
	member = found.json()["data"][0]["name"]
	province.open(f"/app/staff-member/{member}")
	province.page.get_by_role("button", name="Sửa quá trình công tác").click()
	dialog = province.page.locator(".modal.show")
	grid = dialog.locator('[data-fieldname="postings"]')
	expect(grid.locator(".grid-body .grid-row")).to_have_count(1)
	grid.locator(".grid-add-row").click()
	row = grid.locator('.grid-row[data-idx="2"]')
	row.locator('.grid-static-col[data-fieldname="member_unit"]').click()
	row.locator('[data-fieldname="member_unit"] input').fill("Unit A")
	option = province.page.locator(".awesomplete [role=option]:visible").filter(has_text=world["units"]["A"])
	option.first.click()
	for fieldname, value in (("from_date", "01/01/2005"), ("to_date", "31/12/2009")):
		row.locator(f'.grid-static-col[data-fieldname="{fieldname}"]').click()
		row.locator(f'[data-fieldname="{fieldname}"] input').fill(value)
		# Escape would close the dialog: leave the cell by clicking the dialog's title.
		dialog.locator(".modal-title").click()
	province.shot("36-the-province-corrects-the-history-of-the-units-served")
	dialog.locator(".btn-modal-primary").click()
	expect(province.page.locator('[data-fieldname="assignments"] .grid-body .grid-row')).to_have_count(2)
	stored = read(province, "Staff Member", member)
	assert [(row["member_unit"], row["from_date"], row.get("to_date")) for row in stored["assignments"]] == [
		(world["units"]["A"], "2005-01-01", "2009-12-31"),
		(world["units"]["C"], "2010-01-01", None),
	]
	province.shot("37-the-corrected-history")

	# The bloc's "Apply the mergers": no unit of this world has merged, so nothing changes.
	bloc = province.context.request.get(
		f"{base_url}/api/resource/Emulation Bloc",
		params={"filters": json.dumps([["name", "like", f"{world['prefix']}%"]])},
	).json()["data"][0]["name"]
	province.open(f"/app/emulation-bloc/{bloc}")
	province.page.get_by_role("button", name="Áp dụng sáp nhập đơn vị").click()
	province.page.locator(".modal.show .btn-primary").click()
	expect(province.page.locator(".desk-alert .alert-message")).to_contain_text("Không có sáp nhập nào")

	# The statistical form of the province's awards, on screen and as the Excel form.
	province.open("/app/query-report/Award Statistics")
	expect(province.page.locator(".dt-scrollable")).to_contain_text("I. Chia theo loại hình khen thưởng")
	expect(province.page.get_by_role("button", name="Tải biểu mẫu (Excel)")).to_be_visible()
	province.shot("38-the-statistical-form-0603")
	year = str(date.today().year)
	form = province.context.request.get(
		f"{base_url}/api/method/thi_dua_app.thi_dua.report.award_statistics.award_statistics.download_xlsx",
		params={
			"filters": json.dumps(
				{"statistical_form": "0603", "from_date": f"{year}-01-01", "to_date": f"{year}-12-31"}
			)
		},
	)
	assert form.status == 200 and form.body()[:2] == b"PK", form.text()[:200]
	province.close()
