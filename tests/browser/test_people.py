"""People in the desk, in headless Chromium and in Vietnamese: a unit's officer enters a person and
their year — rating, months, conduct, an initiative recognised by the province — then opens the
title eligibility report and reads each title's verdict with its reason; another unit's officer
is refused the person's form.

Run by scripts/run_tests.sh (see test_desk_flows.py); screenshots in $THI_DUA_ARTIFACTS/browser."""

import json
import re

import pytest
from playwright.sync_api import expect
from test_desk_flows import Desk, artifacts, bench_execute, browser, required  # noqa: F401
from test_year_outcome import choose_link, read, set_cell  # noqa: F401


@pytest.fixture(scope="module")
def world():
	data = json.loads(bench_execute("thi_dua_app.tests.browser_world.create"))
	yield data
	bench_execute("thi_dua_app.tests.browser_world.purge", data["prefix"])


def fill(desk: Desk, fieldname: str, value: str):
	field = desk.page.locator(f'.frappe-control[data-fieldname="{fieldname}"] input').first
	field.fill(value)
	field.press("Tab")


def choose(desk: Desk, fieldname: str, value: str):
	desk.page.locator(f'.frappe-control[data-fieldname="{fieldname}"] select').select_option(value)


def pick_link(desk: Desk, fieldname: str, text: str, choice: str):
	desk.page.locator(f'.frappe-control[data-fieldname="{fieldname}"] input').first.fill(text)
	option = desk.page.locator(".awesomplete [role=option]:visible").filter(has_text=choice).first
	expect(option).to_be_visible()
	option.click()


def saved_name(desk: Desk, doctype_route: str) -> str:
	desk.page.keyboard.press("Escape")
	desk.page.keyboard.press("Control+s")
	desk.page.wait_for_url(re.compile(rf".*/app/{doctype_route}/(?!new)[^/]+$"))
	# The new form's page stays in the document, hidden: only the visible state counts.
	expect(desk.page.locator(".indicator-pill:visible").filter(has_text="Chưa lưu")).to_have_count(0)
	return desk.page.url.rstrip("/").rsplit("/", 1)[-1]


def test_a_unit_enters_a_person_and_reads_their_titles(world, browser, artifacts):  # noqa: F811
	base_url = required("THI_DUA_TEST_URL")
	unit_c = world["units"]["C"]
	officer = Desk(browser, base_url, world["unit_users"]["C"], world["password"], artifacts)

	officer.open("/app/staff-member/new")
	fill(officer, "full_name", "Nguyễn Thị Thử Nghiệm")
	choose(officer, "gender", "Female")
	pick_link(officer, "member_unit", "Unit C", unit_c)
	fill(officer, "position", "Chuyên viên")
	fill(officer, "recruited_on", "01/03/2012")
	member = saved_name(officer, "staff-member")
	# The units served start with the unit the person was entered in.
	expect(officer.page.locator('[data-fieldname="assignments"] .grid-body .grid-row')).to_have_count(1)
	officer.shot("20-unit-enters-a-person")

	officer.open("/app/staff-year-record/new")
	pick_link(officer, "staff_member", "Thử Nghiệm", "Nguyễn Thị Thử Nghiệm")
	fill(officer, "year", "2017")
	choose(officer, "rating", "HTXSNV")
	fill(officer, "months_worked", "12")
	choose(officer, "conduct", "Good")
	officer.page.locator('[data-fieldname="initiatives"] .grid-add-row').click()
	set_cell(officer, "initiatives", 1, "title", "Số hóa hồ sơ lưu trữ")
	record = saved_name(officer, "staff-year-record")
	officer.shot("21-unit-enters-the-person-s-year")
	stored = read(officer, "Staff Year Record", record)
	assert stored["member_unit"] == unit_c
	assert stored["staff_member"] == member
	assert [(row["title"], row["scope"]) for row in stored["initiatives"]] == [
		("Số hóa hồ sơ lưu trữ", "Unit")
	]

	officer.open(f"/app/query-report/Title Eligibility?year=2017&member_unit={unit_c}")
	report = officer.page.locator(".dt-scrollable")
	expect(report).to_contain_text("Nguyễn Thị Thử Nghiệm")
	expect(report).to_contain_text("Lao động tiên tiến")
	expect(report).to_contain_text("Đạt")
	# The 2013 law asks three CSTĐCS in a row for the province's title: a first year is not enough.
	expect(report).to_contain_text("cần 3 năm")
	officer.shot("22-unit-reads-the-titles-of-its-person")
	officer.close()

	other = Desk(browser, base_url, world["unit_users"]["B"], world["password"], artifacts)
	other.open(f"/app/staff-member/{member}")
	expect(other.page.locator("body")).not_to_contain_text("Chuyên viên")
	expect(other.page.locator("body")).not_to_contain_text("Nguyễn Thị Thử Nghiệm")
	other.shot("23-another-unit-is-refused-the-person")
	other.close()
