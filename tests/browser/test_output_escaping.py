"""Markup a unit (or a manager) stored reaches the province manager's browser as text: the form,
the print previews, the PDFs and every report open without a single script running.

Every text and attach field on the way is planted straight in the database with an
`<img src=x onerror=alert(1)>` (thi_dua_app.tests.browser_world.plant_markup): the state Frappe
leaves after saving text that looks like JSON, which its sanitiser skips, or an Attach value,
which it never sanitises. Any JavaScript dialog fails the test. Run by scripts/run_tests.sh."""

import io
import json

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader
from test_desk_flows import Desk, artifacts, bench_execute, browser, required  # noqa: F401

STORED = '["<img src=x onerror=alert(1) class=td-{}>"]'


@pytest.fixture(scope="module")
def world():
	data = json.loads(bench_execute("thi_dua_app.tests.browser_world.create"))
	data.update(json.loads(bench_execute("thi_dua_app.tests.browser_world.plant_markup", data["prefix"])))
	yield data
	bench_execute("thi_dua_app.tests.browser_world.purge", data["prefix"])


@pytest.fixture(scope="module")
def province(world, browser, artifacts):  # noqa: F811
	desk = Desk(browser, required("THI_DUA_TEST_URL"), world["manager"], world["password"], artifacts)
	desk.dialogs = []

	def refuse(dialog):
		desk.dialogs.append(f"{dialog.type}: {dialog.message} on {desk.page.url}")
		dialog.dismiss()

	desk.page.on("dialog", refuse)
	yield desk
	desk.close()


@pytest.fixture(autouse=True)
def each_test_counts_its_own_dialogs(province):
	province.dialogs.clear()


def shows_as_text(desk: Desk, tag: str, within: str = "body"):
	# Attached rather than visible: some form fields are collapsed or hidden until needed.
	expect(desk.page.locator(within).get_by_text(STORED.format(tag), exact=False).first).to_be_attached()


def planted_elements(desk: Desk) -> list[str]:
	"""Planted markup that became an element, with the field (or the form part) it came from."""
	return desk.page.evaluate(
		"""() => [...document.querySelectorAll('img[class^="td-"]')].map((img) => {
			const field = img.closest("[data-fieldname]");
			const part = field ? field.dataset.fieldname : img.closest(".form-message") ? "headline" : "?";
			return img.className + " in " + part;
		})"""
	)


@pytest.mark.parametrize(
	("route", "key", "tags"),
	[
		("emulation-evaluation", "evaluation", ["tie_break_note", "return_reason", "achieved-target"]),
		("emulation-pledge", "pledge", ["guests", "target", "uom", "representative", "title"]),
		("emulation-bloc", "bloc", ["description"]),
		("member-unit", "unit", ["address"]),
	],
)
def test_forms_show_the_fields_as_text(world, province, route, key, tags):
	name = world[key] if key != "bloc" else f"{world['prefix']} Bloc"
	province.open(f"/app/{route}/{name}")
	expect(province.page.locator(".form-layout").first).to_be_visible()
	province.page.wait_for_timeout(2000)
	province.page.mouse.wheel(0, 3000)
	province.page.wait_for_timeout(500)
	province.shot(f"markup-01-{route}")
	assert planted_elements(province) == []
	for tag in tags:
		shows_as_text(province, tag, ".form-layout")


def test_the_evaluation_form_runs_no_script(world, province):
	province.open_evaluation(world["evaluation"])
	province.page.wait_for_timeout(2000)
	assert planted_elements(province) == []
	assert province.dialogs == []


@pytest.mark.parametrize(
	("doctype", "key", "print_format", "tags"),
	[
		(
			"Emulation Evaluation",
			"evaluation",
			"Bảng chấm điểm thi đua",
			["note", "verifier-note", "head_name"],
		),
		(
			"Emulation Pledge",
			"pledge",
			"Bản giao ước thi đua",
			["chair", "guests", "target", "representative"],
		),
		(
			"Emulation Pledge",
			"pledge",
			"Bảng tổng hợp kết quả xếp hạng",
			["classification", "tie_break_note"],
		),
	],
)
def test_print_preview_and_pdf(world, province, doctype, key, print_format, tags):
	name = world[key]
	province.open(f"/printview?doctype={doctype}&name={name}&format={print_format}&_lang=vi")
	expect(province.page.get_by_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).to_be_visible()
	province.shot(f"markup-02-{print_format.lower().replace(' ', '-')}")
	for tag in tags:
		shows_as_text(province, tag, ".print-format")
	assert province.page.locator(".print-format img").count() == 0
	response = province.context.request.get(
		f"{required('THI_DUA_TEST_URL')}/api/method/frappe.utils.print_format.download_pdf",
		params={"doctype": doctype, "name": name, "format": print_format, "_lang": "vi"},
	)
	assert response.status == 200
	text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.body())).pages)
	assert "onerror=alert(1)" in "".join(text.split())  # printed as text
	assert province.dialogs == []


def open_report(desk: Desk, route: str):
	desk.open(route)
	expect(desk.page.locator(".dt-scrollable, .no-result").first).to_be_visible()
	desk.page.wait_for_timeout(1500)


def test_every_report(world, province):
	pledge, unit = world["pledge"], world["unit"]
	reports = {
		"bloc-ranking": (
			f"/app/query-report/Bloc Ranking?pledge={pledge}",
			["classification", "tie_break_note"],
		),
		"pledge-fulfilment": (
			f"/app/query-report/Pledge Fulfilment?pledge={pledge}",
			["achieved-target", "achieved-uom"],
		),
		"scoring-progress": (f"/app/query-report/Scoring Progress?pledge={pledge}", []),
		"unit-history": (f"/app/query-report/Unit History?member_unit={unit}", ["classification"]),
		"province-overview": ("/app/query-report/Province Overview?year=2017", []),
	}
	for slug, (route, tags) in reports.items():
		open_report(province, route)
		province.shot(f"markup-03-{slug}")
		for tag in tags:
			shows_as_text(province, tag, ".dt-scrollable")
		assert province.page.locator(".dt-scrollable img").count() == 0, slug
	# A hostile filter value in the address comes back in the report's message as text.
	province.open("/app/query-report/Bloc Ranking?pledge=<img src=x onerror=alert(1) class=td-filter>")
	province.page.wait_for_timeout(3000)
	province.shot("markup-04-hostile-filter")
	assert planted_elements(province) == []
	assert province.dialogs == []
