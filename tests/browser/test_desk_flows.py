"""The flows a person does in the desk, in headless Chromium (Debian's), driven by Playwright:
a unit fills and self-assesses its evaluation and is refused another unit's; the bloc head
verifies; the province approves; the ranking report opens; the pledge prints to PDF.

Run by scripts/run_tests.sh, which starts the site's web server and sets THI_DUA_TEST_URL,
THI_DUA_TEST_SITE, THI_DUA_BENCH and THI_DUA_ARTIFACTS. Screenshots of each step are kept in
$THI_DUA_ARTIFACTS/browser."""

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

CHROMIUM = os.environ.get("THI_DUA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
]


def required(name: str) -> str:
	value = os.environ.get(name)
	if not value:
		raise RuntimeError(f"{name} is not set: run the browser tests through scripts/run_tests.sh")
	return value


def bench_execute(method: str, *args) -> str:
	command = ["bench", "--site", required("THI_DUA_TEST_SITE"), "execute", method]
	if args:
		command += ["--args", json.dumps(list(args))]
	done = subprocess.run(command, cwd=required("THI_DUA_BENCH"), capture_output=True, text=True, check=True)
	return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


@pytest.fixture(scope="module")
def world():
	data = json.loads(bench_execute("thi_dua_app.tests.browser_world.create"))
	yield data
	bench_execute("thi_dua_app.tests.browser_world.purge", data["prefix"])


@pytest.fixture(scope="module")
def browser():
	if not Path(CHROMIUM).exists():
		raise RuntimeError(f"Chromium is not installed at {CHROMIUM}")
	with sync_playwright() as playwright:
		browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
		yield browser
		browser.close()


@pytest.fixture(scope="module")
def artifacts() -> Path:
	path = Path(required("THI_DUA_ARTIFACTS")) / "browser"
	path.mkdir(parents=True, exist_ok=True)
	return path


class Desk:
	def __init__(self, browser, base_url: str, user: str, password: str, artifacts: Path):
		self.base_url = base_url
		self.artifacts = artifacts
		self.context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
		self.page: Page = self.context.new_page()
		self.page.set_default_timeout(30000)
		self.page.goto(f"{base_url}/login")
		self.page.fill("#login_email", user)
		self.page.fill("#login_password", password)
		self.page.click(".btn-login")
		self.page.wait_for_url("**/app**")

	def open(self, route: str):
		self.page.goto(f"{self.base_url}{route}")

	def shot(self, name: str):
		self.page.screenshot(path=str(self.artifacts / f"{name}.png"), full_page=False)

	def open_evaluation(self, name: str):
		self.open(f"/app/emulation-evaluation/{name}")
		expect(self.page.locator('[data-fieldname="scores"] .grid-row[data-idx="2"]')).to_be_visible()

	def set_score(self, idx: int, fieldname: str, value: str):
		row = self.page.locator(f'[data-fieldname="scores"] .grid-row[data-idx="{idx}"]')
		row.locator(f'.grid-static-col[data-fieldname="{fieldname}"]').click()
		field = row.locator(f'[data-fieldname="{fieldname}"] input')
		field.fill(value)
		field.press("Tab")

	def save(self):
		unsaved = self.page.locator(".indicator-pill").filter(has_text="Chưa lưu")
		shown = self.page.locator(".modal.show .modal-body, .alert-container")
		self.page.keyboard.press("Control+s")
		try:
			expect(unsaved).to_have_count(0, timeout=7500)
			return
		except AssertionError:
			# A shortcut pressed while a field still handles its last keystroke can be lost (the
			# form then shows no message at all): pressed once more, which saves at most once.
			if not "".join(shown.all_inner_texts()).strip():
				self.page.keyboard.press("Control+s")
		try:
			expect(unsaved).to_have_count(0, timeout=15000)
		except AssertionError:
			# Say why: the message the desk showed, if any, and keep a screenshot.
			self.shot("save-failed")
			raise AssertionError(
				f"the form was not saved; the desk showed: {shown.all_inner_texts()}"
			) from None

	def act(self, action: str, state: str, confirm: str | None = None):
		"""Take a workflow action; ``confirm``: text the confirmation must show before it is accepted."""
		self.page.get_by_role("button", name="Các thao tác").click()
		self.page.locator(".dropdown-menu.show .dropdown-item").filter(has_text=action).first.click()
		if confirm:
			dialog = self.page.locator(".modal.show").filter(has_text=confirm)
			expect(dialog).to_be_visible()
			self.shot(f"confirm-{action}")
			dialog.locator(".btn-primary").click()
		expect(self.page.locator(".page-head .indicator-pill").filter(has_text=state)).to_be_visible()

	def close(self):
		self.context.close()


def test_one_evaluation_from_the_unit_to_the_province(world, browser, artifacts):
	base_url = required("THI_DUA_TEST_URL")
	password = world["password"]
	evaluation = world["evaluations"]["C"]

	unit = Desk(browser, base_url, world["unit_users"]["C"], password, artifacts)
	unit.open_evaluation(evaluation)
	scores = unit.page.locator('[data-fieldname="scores"]')
	# Before verification the unit sees no verifier's column, and the criteria needing evidence say so.
	expect(scores.locator('.grid-heading-row [data-fieldname="self_score"]')).to_be_visible()
	expect(scores.locator('.grid-heading-row [data-fieldname="verified_score"]')).to_have_count(0)
	expect(scores.locator('.grid-row[data-idx="1"] [data-fieldname="evidence"]')).to_contain_text(
		"Bắt buộc có minh chứng"
	)
	# A score above the criterion's maximum (10) is refused as it is typed.
	unit.set_score(2, "self_score", "12")
	expect(unit.page.get_by_text("Tiêu chí I.2: điểm 12 vượt quá điểm tối đa 10.")).to_be_visible()
	expect(
		scores.locator('.grid-row[data-idx="2"] .grid-static-col[data-fieldname="self_score"]')
	).not_to_contain_text("12")
	unit.shot("01a-score-above-maximum-refused")
	# The grid follows the table's groups: a group's title above its first criterion, the table's
	# scoring guide under the criterion's text, and each group's points under the grid.
	first = scores.locator('.grid-row[data-idx="1"] .grid-static-col[data-fieldname="description"]')
	expect(first).to_contain_text("I. Thực hiện nhiệm vụ chính trị, chuyên môn")
	expect(first).to_contain_text("Hướng dẫn chấm: Hoàn thành 100% chỉ tiêu")
	expect(
		scores.locator('.grid-row[data-idx="2"] .grid-static-col[data-fieldname="description"]')
	).not_to_contain_text("I. Thực hiện nhiệm vụ")
	summary = unit.page.locator('[data-fieldname="group_summary"]')
	expect(summary).to_contain_text("Tổng điểm theo nhóm")
	expect(summary).not_to_contain_text("Điểm thẩm định")
	unit.set_score(2, "self_score", "9")
	unit.set_score(3, "self_score", "8")
	# Group I adds up as typed, before saving (9 + 8; I.1 is still 0).
	expect(summary.locator("tr").filter(has_text="I. Thực hiện nhiệm vụ")).to_contain_text("17")
	unit.shot("01b-groups-guide-and-subtotals")
	# Tab in the last cell of the last target row does not add a row: the rows are the pledge's.
	targets = unit.page.locator('[data-fieldname="target_results"] .grid-body .grid-row')
	count = targets.count()
	last = targets.nth(count - 1)
	last.locator('.grid-static-col[data-fieldname="achieved_value"]').click()
	field = last.locator('[data-fieldname="achieved_value"] input')
	field.fill("1")
	field.press("Tab")
	unit.page.wait_for_timeout(800)
	expect(targets).to_have_count(count)
	unit.save()
	unit.shot("01-unit-fills-its-evaluation")
	# The timeline names the changed score by its Vietnamese label (Frappe leaves a child-table
	# field's label untranslated there).
	timeline = unit.page.locator(".new-timeline")
	expect(timeline).to_contain_text("Điểm tự chấm")
	expect(timeline).not_to_contain_text("Self score")
	unit.act("Gửi bảng tự chấm", "Đã tự chấm", confirm="trừ khi Trưởng khối trả lại")
	unit.shot("02-unit-self-assessed")
	# 9 + 8 claimed on I.2 and I.3
	expect(unit.page.locator('[data-fieldname="self_total"] .control-value')).to_have_text(
		re.compile(r"^17(,00)?$")
	)

	unit.open(f"/app/emulation-evaluation/{world['evaluations']['B']}")
	expect(unit.page.get_by_text("Không được phép").first).to_be_visible()
	unit.shot("03-another-unit-refused")
	unit.close()

	head = Desk(browser, base_url, world["unit_users"]["A"], password, artifacts)
	head.open_evaluation(evaluation)
	# The workflow's help says who verifies in words, not "the Unit Officer role".
	head.page.get_by_role("button", name="Các thao tác").click()
	head.page.locator(".dropdown-menu.show .dropdown-item").filter(has_text="Trợ giúp").click()
	help_dialog = head.page.locator(".modal.show").filter(has_text="Bước tiếp theo")
	expect(help_dialog).to_contain_text("Xác nhận thẩm định: đơn vị Trưởng khối hoặc Phó khối của năm")
	expect(help_dialog).not_to_contain_text("Thi Dua Unit")
	head.shot("04a-workflow-help")
	help_dialog.locator(".btn-modal-close").click()
	expect(help_dialog).to_have_count(0)
	expect(head.page.locator('[data-fieldname="group_summary"]')).to_contain_text("Điểm thẩm định")
	head.set_score(2, "verified_score", "8,5")  # the site writes numbers the Vietnamese way
	head.save()
	head.act("Xác nhận thẩm định", "Đã thẩm định", confirm="điểm thẩm định bị khóa")
	expect(head.page.get_by_text("xếp thứ 1 trong Khối")).to_be_visible()
	head.shot("04-bloc-head-verified")
	head.close()

	province = Desk(browser, base_url, world["manager"], password, artifacts)
	province.open_evaluation(evaluation)
	province.act("Phê duyệt", "Đã phê duyệt", confirm="kết quả là chính thức")
	province.shot("05-province-approved")
	# Printing an evaluation offers the score sheet, by its Vietnamese name.
	province.open(f"/app/print/Emulation Evaluation/{evaluation}")
	expect(
		province.page.locator('.print-preview-sidebar [data-fieldname="print_format"] input')
	).to_have_value("Bảng chấm điểm thi đua")
	# The print button is "In ấn", not "Trong" (Frappe translates its label twice).
	expect(province.page.locator(".page-actions .primary-action")).to_have_text("In ấn")
	sheet = province.page.frame_locator("iframe.print-format-container")
	expect(sheet.get_by_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).to_be_visible()
	province.shot("05a-evaluation-print-view")

	province.open(f"/app/query-report/Bloc Ranking?pledge={world['pledge']}")
	province.page.wait_for_timeout(3000)
	province.shot("06-ranking-report")
	table = province.page.locator(".dt-scrollable")
	expect(table.get_by_text(world["units"]["C"])).to_be_visible()
	expect(table.get_by_text("16,5").first).to_be_visible()  # 8,5 + 8 verified
	province.shot("06-ranking-report")

	province.open(
		f"/printview?doctype=Emulation Pledge&name={world['pledge']}&format=Bản giao ước thi đua&_lang=vi"
	)
	expect(province.page.get_by_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).to_be_visible()
	province.shot("07-pledge-print-preview")
	response = province.context.request.get(
		f"{base_url}/api/method/frappe.utils.print_format.download_pdf",
		params={
			"doctype": "Emulation Pledge",
			"name": world["pledge"],
			"format": "Bản giao ước thi đua",
			"_lang": "vi",
		},
	)
	assert response.status == 200
	pdf = response.body()
	assert pdf.startswith(b"%PDF")
	(artifacts / "08-pledge.pdf").write_bytes(pdf)
	province.close()
