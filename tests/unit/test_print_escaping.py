"""Every value a print template writes is escaped, unless it is the app's own markup.

Frappe renders print formats without autoescape, so the templates escape each value with `| e`.
This reads every template's syntax tree and fails on any `{{ … }}` that writes something else
than: a constant, an escaped expression, a translated constant, a number (vn_number writes only
digits and separators), or one of the Decree 30 layout macros — whose own bodies are checked here
too. The integration tests (thi_dua_app/tests/test_output_escaping.py) plant markup and render."""

from pathlib import Path

import pytest
from jinja2 import Environment, nodes

from thi_dua_app.rules.formatting import vn_number

APP = Path(__file__).resolve().parents[2] / "thi_dua_app"
TEMPLATES = sorted([*APP.glob("thi_dua/print_format/*/*.html"), *APP.glob("templates/print/*.html")])
LAYOUT_MACROS = {"style", "header", "signature"}


def writes_only_safe_text(node: nodes.Node) -> bool:
	if isinstance(node, nodes.TemplateData | nodes.Const):
		return True
	if isinstance(node, nodes.Filter):
		return node.name in ("e", "escape")
	if isinstance(node, nodes.CondExpr):
		return writes_only_safe_text(node.expr1) and (node.expr2 is None or writes_only_safe_text(node.expr2))
	if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
		name = node.node.name
		if name in LAYOUT_MACROS or name == "vn_number":
			return True
		if name == "_":
			return all(isinstance(arg, nodes.Const) for arg in node.args) and not node.kwargs
	return False


def unescaped_outputs(path: Path) -> list[str]:
	source = path.read_text(encoding="utf-8")
	tree = Environment().parse(source)
	lines = source.splitlines()
	return [
		f"{path.name}:{expression.lineno}: {lines[expression.lineno - 1].strip()}"
		for output in tree.find_all(nodes.Output)
		for expression in output.nodes
		if not writes_only_safe_text(expression)
	]


def test_the_templates_are_found():
	assert {path.name for path in TEMPLATES} == {
		"nd30.html",
		"bản_giao_ước_thi_đua.html",
		"bảng_chấm_điểm_thi_đua.html",
		"bảng_tổng_hợp_kết_quả_xếp_hạng.html",
		"biên_bản_họp_bình_xét_khối.html",
		"biên_bản_kiểm_phiếu.html",
		"tờ_trình_đề_nghị_khen_thưởng.html",
		"quyết_định_khen_thưởng.html",
		"bằng_khen_và_cờ_thi_đua.html",
		"tờ_trình_đề_nghị_cờ_thi_đua_của_chính_phủ.html",
	}


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: path.name)
def test_every_value_a_template_writes_is_escaped(path):
	assert unescaped_outputs(path) == []


def test_the_check_sees_an_unescaped_value():
	template = '{{ doc.note }} {{ _("Total") }} {{ _("for {0}").format(doc.year) }} {{ doc.note | e }}'
	tree = Environment().parse(template)
	flagged = [
		type(expression).__name__
		for output in tree.find_all(nodes.Output)
		for expression in output.nodes
		if not writes_only_safe_text(expression)
	]
	assert flagged == ["Getattr", "Call"]


@pytest.mark.parametrize("value", [92.5, "92.5", -1234567.891, 0])
def test_vn_number_writes_only_digits_and_separators(value):
	assert set(vn_number(value)) <= set("0123456789.,-")


@pytest.mark.parametrize("value", ["<img src=x onerror=alert(1)>", "NaN"])
def test_vn_number_refuses_what_is_not_a_number(value):
	with pytest.raises(ArithmeticError):
		vn_number(value)
