"""The 2017 demo: the Bắc Ninh bloc of eleven departments that signed its covenant on 07/03/2017
at Sở Tài nguyên và Môi trường, the bloc head (shared/seed). Facts from that article: the bloc,
its members, the head unit, date and place of signing, the head's name and the targets. The
deputy, the scoring table's points, the representatives and every score are illustrative.

    bench --site SITE execute thi_dua_app.demo.load_demo

Loading twice changes nothing: each record is looked up before it is made.
"""

import frappe
from frappe.model.workflow import apply_workflow

from thi_dua_app.constants import (
	PROVINCE_MANAGER,
	SUBMIT_SELF_ASSESSMENT,
	UNIT_LEADER,
	UNIT_OFFICER,
	VERIFY,
	VIEWER,
)

DEMO_PASSWORD = "ThiDua@2017"
MANAGER_USER = "quanly@thidua.example"
VIEWER_USER = "thanhtra@thidua.example"
BLOC_NAME = "Khối thi đua các sở, ban, ngành tham mưu và quản lý Nhà nước về kinh tế, kỹ thuật"
TEMPLATE_NAME = "Bảng chấm điểm khối thi đua (thang 100 điểm)"

# (unit name, short code, kind, head's title, head's name)
UNITS = [
	("Sở Tài nguyên và Môi trường", "STNMT", "Department", "Giám đốc", "Đào Quang Khải"),
	("Sở Công Thương", "SCT", "Department", "Giám đốc", ""),
	("Sở Nông nghiệp và Phát triển nông thôn", "SNNPTNT", "Department", "Giám đốc", ""),
	("Sở Giao thông vận tải", "SGTVT", "Department", "Giám đốc", ""),
	("Sở Thông tin và Truyền thông", "STTTT", "Department", "Giám đốc", ""),
	("Sở Xây dựng", "SXD", "Department", "Giám đốc", ""),
	("Ban Quản lý các khu công nghiệp Bắc Ninh", "BQLKCN", "Board", "Trưởng ban", ""),
	("Liên minh Hợp tác xã tỉnh", "LMHTX", "Economic-cooperative organisation", "Chủ tịch", ""),
	("Cục Dự trữ Nhà nước khu vực Hà Bắc", "CDTNNHB", "Central agency in the province", "Cục trưởng", ""),
	("Quỹ Đầu tư phát triển tỉnh Bắc Ninh", "QDTPT", "Fund", "Giám đốc", ""),
	("Quỹ Phát triển đất tỉnh Bắc Ninh", "QPTD", "Fund", "Giám đốc", ""),
]
HEAD_UNIT, DEPUTY_UNIT = UNITS[0][0], UNITS[5][0]

GROUPS = [
	("I", "Thực hiện nhiệm vụ chính trị, chuyên môn"),
	("II", "Công tác thi đua, khen thưởng"),
	("III", "Xây dựng tổ chức Đảng, đoàn thể, đội ngũ"),
	("IV", "Văn hóa công sở, hoạt động xã hội"),
	("V", "Điểm thưởng"),
	("VI", "Điểm trừ"),
	("VII", "Điều kiện loại"),
]
# (code, group, type, description, max points, points per occurrence, evidence required)
CRITERIA = [
	("I.1", "I", "Base", "Hoàn thành các chỉ tiêu, nhiệm vụ năm UBND tỉnh giao", 30, 0, 1),
	("I.2", "I", "Base", "Chất lượng, tiến độ tham mưu (đề án, văn bản QPPL, báo cáo)", 10, 0, 0),
	("I.3", "I", "Base", "Cải cách hành chính: TTHC đúng hạn, một cửa, ứng dụng CNTT", 10, 0, 0),
	("II.1", "II", "Base", "Ban hành kế hoạch, phát động, đăng ký thi đua và ký giao ước đúng hạn", 3, 0, 0),
	("II.2", "II", "Base", "Tổ chức phong trào thường xuyên, chuyên đề; sơ kết, tổng kết", 4, 0, 0),
	(
		"II.3",
		"II",
		"Base",
		"Bình xét dân chủ, công khai; khen thưởng tập thể nhỏ, người trực tiếp lao động",
		4,
		0,
		0,
	),
	("II.4", "II", "Base", "Tham gia đầy đủ hoạt động của Khối; gửi báo cáo đúng hạn", 4, 0, 0),
	("III.1", "III", "Base", "Chi bộ, Đảng bộ đạt “Trong sạch vững mạnh”", 6, 0, 1),
	("III.2", "III", "Base", "Các đoàn thể đạt “vững mạnh”", 4, 0, 0),
	("III.3", "III", "Base", "100% CBCCVC hoàn thành nhiệm vụ; ít nhất 15% hoàn thành xuất sắc", 5, 0, 0),
	(
		"III.4",
		"III",
		"Base",
		"Quy chế dân chủ; thực hành tiết kiệm, chống lãng phí; phòng, chống tham nhũng",
		5,
		0,
		0,
	),
	("IV.1", "IV", "Base", "Giữ vững danh hiệu “Công sở văn hóa”", 5, 0, 0),
	("IV.2", "IV", "Base", "Tham gia quỹ, hoạt động nhân đạo, an sinh xã hội", 4, 0, 0),
	("IV.3", "IV", "Base", "Văn nghệ, thể dục thể thao, hoạt động chung của Khối", 3, 0, 0),
	("IV.4", "IV", "Base", "An ninh trật tự, an toàn cơ quan, phòng cháy chữa cháy", 3, 0, 0),
	("V.1", "V", "Bonus", "Thành tích đột xuất được Chủ tịch UBND tỉnh trở lên khen thưởng", 4, 2, 1),
	("V.2", "V", "Bonus", "Cờ thi đua, Bằng khen của bộ, ngành Trung ương trong năm", 3, 3, 1),
	("V.3", "V", "Bonus", "Sáng kiến được công nhận phạm vi tỉnh", 2, 1, 1),
	("V.4", "V", "Bonus", "Đăng cai tổ chức hoạt động của Khối", 1, 1, 0),
	("VI.1", "VI", "Deduction", "Gửi báo cáo chậm hoặc không gửi (mỗi lần)", 0, 0.5, 0),
	("VI.2", "VI", "Deduction", "Bị UBND tỉnh phê bình bằng văn bản (mỗi lần)", 0, 2, 0),
	("VI.3", "VI", "Deduction", "CBCCVC bị kỷ luật (mỗi người)", 0, 1, 0),
	("VI.4", "VI", "Deduction", "Không tham gia hoạt động chung của Khối (mỗi lần)", 0, 1, 0),
	(
		"VII.1",
		"VII",
		"Disqualifier",
		"Đơn vị hoặc lãnh đạo đang bị xem xét kỷ luật, thanh tra, điều tra",
		0,
		0,
		0,
	),
	("VII.2", "VII", "Disqualifier", "Không hoàn thành nhiệm vụ năm", 0, 0, 0),
]
# How the bloc scores a criterion, by code: shown to the officer where the score is entered.
SCORING_GUIDES = {
	"I.1": "Hoàn thành 100% chỉ tiêu, nhiệm vụ được giao: 30 điểm; mỗi chỉ tiêu không hoàn thành trừ 3 điểm.",
	"I.2": "Đúng tiến độ, đạt chất lượng: 10 điểm; mỗi văn bản, báo cáo chậm hoặc phải làm lại trừ 1 điểm.",
	"I.3": "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn từ 98% trở lên: 10 điểm; thấp hơn, mỗi 1% trừ 1 điểm.",
	"II.1": "Đủ và đúng hạn: 3 điểm; mỗi văn bản chậm trừ 1 điểm.",
	"III.1": "Trong sạch vững mạnh: 6 điểm; hoàn thành tốt nhiệm vụ: 4 điểm; hoàn thành nhiệm vụ: 2 điểm.",
	"III.3": "Đạt cả hai chỉ tiêu: 5 điểm; đạt một chỉ tiêu: 3 điểm; không đạt: 0 điểm.",
	"V.1": "Mỗi thành tích được khen: 2 điểm, tối đa 4 điểm; kèm quyết định khen thưởng.",
	"VI.1": "Mỗi lần gửi báo cáo chậm hoặc không gửi: trừ 0,5 điểm.",
}
BANDS = [
	("Hoàn thành xuất sắc", 90, 110),
	("Hoàn thành tốt", 70, 90),
	("Hoàn thành", 50, 70),
	("Không hoàn thành", 0, 50),
]
TIE_BREAKS = [("Group score", "I"), ("Deduction points", ""), ("Bonus points", "")]

# (content, indicator, committed value, unit of measure, linked criterion)
TARGETS_2017 = [
	("Hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ UBND tỉnh giao năm 2017", "Yes/No", 1, "", "I.1"),
	("100% chi bộ, đảng bộ đạt danh hiệu “Trong sạch vững mạnh”", "Percent", 100, "%", "III.1"),
	("100% đoàn thể chính trị đạt danh hiệu “Đoàn thể vững mạnh”", "Percent", 100, "%", "III.2"),
	(
		"100% cán bộ, công chức, viên chức hoàn thành và hoàn thành tốt nhiệm vụ trở lên",
		"Percent",
		100,
		"%",
		"III.3",
	),
	("Ít nhất 15% cán bộ, công chức, viên chức hoàn thành xuất sắc nhiệm vụ", "Percent", 15, "%", "III.3"),
	("Cơ quan đạt danh hiệu “Công sở văn hóa”", "Yes/No", 1, "", "IV.1"),
	(
		"Bình xét thi đua dân chủ, công khai; chú trọng khen thưởng tập thể nhỏ, người trực tiếp lao động",
		"Yes/No",
		1,
		"",
		"II.3",
	),
]

# Illustrative year-end results: the share of each base maximum a unit claims, then bonus and
# deduction occurrences by code. Units not listed stay in draft, ready to be filled in the desk.
RESULTS_2017 = {
	"STNMT": (0.95, {"V.1": 1, "V.3": 1, "V.4": 1}),
	"SCT": (0.9, {"V.2": 1}),
	"SNNPTNT": (0.9, {"V.1": 1, "VI.1": 2}),
	"STTTT": (0.85, {"V.3": 2}),
	"SXD": (0.9, {"V.2": 1}),
	"BQLKCN": (0.8, {"VI.1": 1}),
	"LMHTX": (0.75, {}),
	"CDTNNHB": (0.85, {"V.1": 1, "VI.1": 1}),
}
# The bloc head's corrections while verifying: verified base scores by code.
VERIFIED_CHANGES_2017 = {"SXD": {"I.1": 26, "II.2": 4, "IV.2": 4}}


def unit_user(short_code: str) -> str:
	return f"{short_code.lower()}@thidua.example"


def template_doc(name: str = TEMPLATE_NAME) -> dict:
	return {
		"doctype": "Scoring Template",
		"template_name": name,
		"scale_total": "100",
		"bonus_cap": 10,
		"groups": [{"group_code": code, "group_title": title} for code, title in GROUPS],
		"criteria": [
			{
				"criterion_code": code,
				"group_code": group,
				"criterion_type": kind,
				"description": description,
				"max_points": maximum,
				"points_per_occurrence": per_occurrence,
				"evidence_required": evidence,
				"scoring_guide": SCORING_GUIDES.get(code),
			}
			for code, group, kind, description, maximum, per_occurrence, evidence in CRITERIA
		],
		"bands": [{"band": band, "min_score": low, "max_score": high} for band, low, high in BANDS],
		"tie_breaks": [{"rule": rule, "group_code": group} for rule, group in TIE_BREAKS],
	}


def targets_rows() -> list[dict]:
	return [
		{
			"content": content,
			"indicator_kind": kind,
			"committed_value": value,
			"uom": uom,
			"criterion_code": code,
		}
		for content, kind, value, uom, code in TARGETS_2017
	]


def load_demo() -> str:
	setup_site_defaults()
	for unit_name, short_code, kind, head_title, head_name in UNITS:
		ensure(
			"Member Unit",
			unit_name,
			{
				"unit_name": unit_name,
				"short_code": short_code,
				"unit_kind": kind,
				"governing_body": "UBND tỉnh Bắc Ninh",
				"head_title": head_title,
				"head_name": head_name,
			},
		)
	ensure(
		"Emulation Bloc",
		BLOC_NAME,
		{
			"bloc_name": BLOC_NAME,
			"bloc_code": "KTKT",
			"bloc_kind": "Bloc",
			"level": "Province",
			"managing_body": "Sở Nội vụ tỉnh Bắc Ninh (Ban Thi đua – Khen thưởng)",
			"parent_body": "UBND tỉnh Bắc Ninh",
			"place_name": "Bắc Ninh",
			"members": [
				{"member_unit": unit[0], "from_date": "2017-01-01", "rotation_order": position}
				for position, unit in enumerate(UNITS, start=1)
			],
		},
	)
	if not frappe.db.exists("Scoring Template", TEMPLATE_NAME):
		frappe.get_doc(template_doc()).insert()
	make_users()
	pledge = make_pledge_2017()
	pledge.create_evaluations()
	fill_results(pledge.name)
	make_meeting_2017(pledge.name)
	make_staff()
	make_registration_2017()
	make_review_2017()
	frappe.db.commit()
	return pledge.name


def setup_site_defaults():
	"""A Vietnamese desk: language, Vietnamese formats; no setup wizard."""
	frappe.db.set_single_value("System Settings", "language", "vi")
	use_vietnamese_formats()


def use_vietnamese_formats():
	"""Dates dd/mm/yyyy, numbers 1.234,5, Vietnam's time zone; the desk's language is left as it is,
	but set (English when none is), as Frappe's own code expects."""
	settings = frappe.get_single("System Settings")
	settings.update(
		{
			"language": settings.language or "en",
			"country": "Vietnam",
			"time_zone": "Asia/Ho_Chi_Minh",
			"date_format": "dd/mm/yyyy",
			"number_format": "#.###,##",
			"float_precision": "2",
		}
	)
	settings.flags.ignore_mandatory = True
	settings.save()
	skip_setup_wizard()


def skip_setup_wizard():
	"""A development or test site goes straight to the desk (the wizard would ask for a company
	profile the app does not need)."""
	frappe.db.set_single_value("System Settings", "setup_complete", 1)
	frappe.db.commit()


def ensure(doctype: str, name: str, values: dict):
	if frappe.db.exists(doctype, name):
		return frappe.get_doc(doctype, name)
	return frappe.get_doc({"doctype": doctype, **values}).insert()


def make_user(email: str, first_name: str, roles: list[str]):
	if frappe.db.exists("User", email):
		return
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"first_name": first_name,
			"language": "vi",
			"send_welcome_email": 0,
			"new_password": DEMO_PASSWORD,
		}
	)
	user.add_roles(*roles)


def make_users():
	from thi_dua_app.thi_dua.doctype.member_unit.member_unit import add_unit_user

	make_user(MANAGER_USER, "Quản lý thi đua tỉnh", [PROVINCE_MANAGER])
	make_user(VIEWER_USER, "Thanh tra", [VIEWER])
	for unit_name, short_code, *_ in UNITS:
		make_user(unit_user(short_code), f"Cán bộ thi đua {short_code}", [UNIT_OFFICER, UNIT_LEADER])
		add_unit_user(unit_name, unit_user(short_code))


# The people of the head unit and their years (all illustrative): (full name, gender, position,
# {year: (rating, months worked, conduct, [(initiative, scope)])}, CSTĐCS years already in the
# ledger, discipline (form, from, to) or None, under review).
STAFF = [
	(
		"Nguyễn Văn An",
		"Male",
		"Trưởng phòng Quản lý đất đai",
		{
			2015: ("HTXSNV", 12, "Good", [("Số hóa hồ sơ địa chính cấp xã", "Unit")]),
			2016: ("HTXSNV", 12, "Good", [("Quy trình thẩm định giá đất cụ thể", "Unit")]),
			2017: ("HTXSNV", 12, "Good", [("Cơ sở dữ liệu đất đai tỉnh Bắc Ninh", "Province")]),
		},
		(2015, 2016),
		None,
		False,
	),
	(
		"Trần Thị Bình",
		"Female",
		"Phó Trưởng phòng Tài nguyên nước",
		{
			2016: ("HTXSNV", 12, "Good", [("Bản đồ chất lượng nước sông Cầu", "Unit")]),
			2017: ("HTXSNV", 10, "Good", [("Quan trắc tự động nước thải khu công nghiệp", "Unit")]),
		},
		(2016,),
		None,
		False,
	),
	(
		"Lê Minh Cường",
		"Male",
		"Chuyên viên Chi cục Bảo vệ môi trường",
		{2016: ("HTTNV", 12, "Good", []), 2017: ("HTTNV", 12, "Good", [])},
		(),
		None,
		False,
	),
	(
		"Phạm Thu Dung",
		"Female",
		"Chuyên viên Văn phòng Sở",
		{2017: ("HTTNV", 8, "Good", [])},
		(),
		None,
		False,
	),
	(
		"Hoàng Đức Em",
		"Male",
		"Chuyên viên Phòng Khoáng sản",
		{2017: ("HTTNV", 12, "Good", [])},
		(),
		("Reprimand", "2017-05-15", "2017-11-15"),
		False,
	),
	(
		"Vũ Thị Giang",
		"Female",
		"Chuyên viên Phòng Quản lý đất đai",
		{2017: ("HTXSNV", 12, "", [])},
		(),
		None,
		False,
	),
	(
		"Đỗ Văn Hải",
		"Male",
		"Kế toán Văn phòng Sở",
		{2017: ("HTNV", 12, "Good", [])},
		(),
		None,
		False,
	),
	(
		"Bùi Thị Lan",
		"Female",
		"Chuyên viên Văn phòng đăng ký đất đai",
		{2017: ("HTTNV", 12, "Good", [])},
		(),
		None,
		True,
	),
]


# The head unit's divisions (illustrative), their 2017 record (rating, part in the movements,
# unity) and their people.
DIVISIONS = {
	"Phòng Quản lý đất đai": (("HTXSNV", "Yes", "Yes"), ("Nguyễn Văn An", "Vũ Thị Giang", "Lê Minh Cường")),
	"Văn phòng Sở": (("HTTNV", "Yes", "Yes"), ("Phạm Thu Dung", "Đỗ Văn Hải", "Trần Thị Bình")),
	"Phòng Khoáng sản": (("HTTNV", "Yes", ""), ("Hoàng Đức Em", "Bùi Thị Lan")),
}


def make_staff():
	"""The head unit's divisions and people with their years, initiatives and earlier CSTĐCS titles,
	so the report of title eligibility has every kind of verdict to show for 2017."""
	unit = HEAD_UNIT
	division_of = {}
	for division_name, ((rating, movements, united), members) in DIVISIONS.items():
		division = frappe.db.get_value("Unit Division", {"member_unit": unit, "division_name": division_name})
		if not division:
			division = (
				frappe.get_doc(
					{"doctype": "Unit Division", "division_name": division_name, "member_unit": unit}
				)
				.insert()
				.name
			)
			frappe.get_doc(
				{
					"doctype": "Division Year Record",
					"division": division,
					"year": 2017,
					"rating": rating,
					"active_in_movements": movements,
					"united": united,
				}
			).insert()
		division_of.update({member: division for member in members})
	for full_name, gender, position, years, cstdcs_years, discipline, under_review in STAFF:
		member = frappe.db.get_value("Staff Member", {"full_name": full_name, "member_unit": unit})
		if member:
			continue
		member = (
			frappe.get_doc(
				{
					"doctype": "Staff Member",
					"full_name": full_name,
					"gender": gender,
					"member_unit": unit,
					"division": division_of.get(full_name),
					"position": position,
					"employment_type": "Civil servant",
					"recruited_on": "2010-08-01",
				}
			)
			.insert()
			.name
		)
		for year, (rating, months, conduct, initiatives) in years.items():
			values = {
				"doctype": "Staff Year Record",
				"staff_member": member,
				"year": year,
				"rating": rating,
				"months_worked": months,
				"conduct": conduct,
				"under_review": int(under_review and year == 2017),
				"initiatives": [
					{
						"title": title,
						"scope": scope,
						"recognition_decision": f"{index}/QĐ-{'STNMT' if scope == 'Unit' else 'UBND'}",
						"recognised_on": f"{year}-11-30",
					}
					for index, (title, scope) in enumerate(initiatives, start=year - 2000)
				],
			}
			if discipline and year == int(discipline[1][:4]):
				values.update(
					{
						"discipline_form": discipline[0],
						"discipline_decision": "12/QĐ-STNMT",
						"discipline_from": discipline[1],
						"discipline_to": discipline[2],
					}
				)
			frappe.get_doc(values).insert()
		for year in cstdcs_years:
			frappe.get_doc(
				{
					"doctype": "Award Record",
					"recipient_kind": "Individual",
					"member_unit": unit,
					"staff_member": member,
					"award_form": "CSTDCS",
					"year": year,
					"award_type": "Regular",
					"decision_number": f"{year - 2000}/QĐ-STNMT",
					"decision_date": f"{year + 1}-01-10",
					"issued_by": "Giám đốc Sở Tài nguyên và Môi trường",
				}
			).insert()


def make_registration_2017():
	"""The head unit's signed registration for 2017: Lao động tiên tiến for its people by count, one
	named for CSTĐ cấp tỉnh, a division for Tập thể lao động xuất sắc and the unit for the province's
	flag (illustrative). Trần Thị Bình reaches CSTĐCS without a registration: the report flags it."""
	if frappe.db.exists("Emulation Registration", {"member_unit": HEAD_UNIT, "year": 2017, "docstatus": 1}):
		return
	person = {
		row.full_name: row.name
		for row in frappe.get_all(
			"Staff Member", filters={"member_unit": HEAD_UNIT}, fields=["name", "full_name"]
		)
	}
	land = frappe.db.get_value(
		"Unit Division", {"member_unit": HEAD_UNIT, "division_name": "Phòng Quản lý đất đai"}
	)
	frappe.get_doc(
		{
			"doctype": "Emulation Registration",
			"member_unit": HEAD_UNIT,
			"year": 2017,
			"registration_date": "2017-02-24",
			"signed_by": "Đào Quang Khải",
			"signer_title": "Giám đốc",
			"commitments": "100% cán bộ, công chức hoàn thành nhiệm vụ, trong đó 15% hoàn thành xuất sắc.",
			"lines": [
				{"subject_kind": "Staff count", "award_form": "LDTT", "planned_count": len(STAFF)},
				{"subject_kind": "Person", "award_form": "CSTDT", "staff_member": person["Nguyễn Văn An"]},
				{"subject_kind": "Division", "award_form": "TTLDXS", "division": land},
				{"subject_kind": "Unit", "award_form": "CO_TINH"},
			],
		}
	).submit()


def make_review_2017():
	"""The head unit's draft review of 2017, filled from the year's records: the officer sees each
	line's verdict and reason, enters the council's votes, and the leader signs it."""
	if frappe.db.exists("Unit Internal Review", {"member_unit": HEAD_UNIT, "year": 2017}):
		return
	review = frappe.get_doc(
		{
			"doctype": "Unit Internal Review",
			"member_unit": HEAD_UNIT,
			"year": 2017,
			"council_date": "2017-12-18",
			"council_members": 9,
			"decision_number": "215/QĐ-STNMT",
			"decision_date": "2017-12-25",
			"signer_title": "Giám đốc",
			"signer_name": "Đào Quang Khải",
		}
	).insert()
	review.fill_lines()


def make_pledge_2017():
	existing = frappe.db.get_value("Emulation Pledge", {"bloc": BLOC_NAME, "year": 2017, "docstatus": 1})
	if existing:
		return frappe.get_doc("Emulation Pledge", existing)
	pledge = frappe.get_doc(
		{
			"doctype": "Emulation Pledge",
			"bloc": BLOC_NAME,
			"year": 2017,
			"head_unit": HEAD_UNIT,
			"deputy_unit": DEPUTY_UNIT,
			"signing_date": "2017-03-07",
			"signing_place": "Sở Tài nguyên và Môi trường tỉnh Bắc Ninh",
			"chair": "Đào Quang Khải – Giám đốc Sở Tài nguyên và Môi trường, Trưởng Khối thi đua",
			"guests": "Trần Trung Chính – Phó Chủ tịch thường trực Hội đồng Thi đua – Khen thưởng tỉnh, "
			"Phó Giám đốc Sở Nội vụ",
			"self_assessment_due": "2017-11-15",
			"verification_due": "2017-11-30",
			"scoring_template": TEMPLATE_NAME,
			"targets": targets_rows(),
		}
	).insert()
	for row in pledge.signatories:
		row.representative = row.representative or "Đại diện lãnh đạo đơn vị"
		row.title = row.title or frappe.db.get_value("Member Unit", row.member_unit, "head_title")
	pledge.submit()
	return pledge


def fill_results(pledge_name: str):
	"""Self-assess and verify the evaluations of the units with illustrative results."""
	short_codes = dict(frappe.get_all("Member Unit", fields=["name", "short_code"], as_list=True))
	for name in frappe.get_all(
		"Emulation Evaluation", filters={"pledge": pledge_name, "workflow_state": "Draft"}, pluck="name"
	):
		evaluation = frappe.get_doc("Emulation Evaluation", name)
		result = RESULTS_2017.get(short_codes[evaluation.member_unit])
		if not result:
			continue
		share, occurrences = result
		for row in evaluation.scores:
			if row.criterion_type == "Base":
				row.self_score = round(row.max_points * share * 2) / 2
			else:
				row.self_occurrences = occurrences.get(row.criterion_code, 0)
			if row.evidence_required and (row.self_score or row.self_occurrences):
				row.evidence = attach_evidence(evaluation, row.criterion_code)
		for target in evaluation.target_results:
			if target.indicator_kind == "Yes/No":
				target.achieved_value = 1 if share >= 0.85 else 0
			else:
				target.achieved_value = (
					target.committed_value if share >= 0.85 else round(target.committed_value * share)
				)
		evaluation.save()
		apply_workflow(evaluation.as_dict(), SUBMIT_SELF_ASSESSMENT)
		evaluation = frappe.get_doc("Emulation Evaluation", name)
		changes = VERIFIED_CHANGES_2017.get(short_codes[evaluation.member_unit], {})
		for row in evaluation.scores:
			if row.criterion_code in changes:
				row.verified_score = changes[row.criterion_code]
				row.verifier_note = "Điều chỉnh theo kết quả thẩm định của Trưởng khối"
		evaluation.save()
		apply_workflow(evaluation.as_dict(), VERIFY)
		# The illustrative 2017 timeline, not the day the demo was loaded.
		frappe.db.set_value(
			"Emulation Evaluation",
			name,
			{"self_assessed_on": "2017-11-14", "verified_on": "2017-11-28"},
			update_modified=False,
		)


def attach_evidence(evaluation, criterion_code: str) -> str:
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"minh-chung-{evaluation.name}-{criterion_code}.txt",
			"content": f"Minh chứng tiêu chí {criterion_code} – {evaluation.member_unit} (dữ liệu minh họa)",
			"is_private": 1,
			"attached_to_doctype": "Emulation Evaluation",
			"attached_to_name": evaluation.name,
		}
	).insert(ignore_permissions=True)
	return file.file_url


# The year-end meeting (illustrative): one unit away, ten ballots, the votes per candidate in the
# order the ranking proposes them (the Cờ first, then two Bằng khen).
ABSENT_2017 = {"QPTD": "Đi công tác theo kế hoạch của UBND tỉnh"}
VOTES_2017 = [(9, 1), (8, 2), (7, 3)]


def make_meeting_2017(pledge_name: str):
	"""The bloc meets on 08/12/2017: the ranking is adopted, the ballot counted and the minutes
	submitted; the outcome follows (``carry_outcome_2017``)."""
	if frappe.db.exists("Bloc Review Meeting", {"pledge": pledge_name, "docstatus": ("<", 2)}):
		return
	meeting = frappe.get_doc(
		{
			"doctype": "Bloc Review Meeting",
			"pledge": pledge_name,
			"minutes_number": "05/BB-KTĐ",
			"meeting_date": "2017-12-08",
			"start_time": "08:00:00",
			"end_time": "11:00:00",
			"venue": "Hội trường Sở Tài nguyên và Môi trường tỉnh Bắc Ninh",
			"chair_name": "Đào Quang Khải",
			"chair_title": "Giám đốc Sở Tài nguyên và Môi trường, Trưởng Khối thi đua",
			"secretary_name": "Nguyễn Thị Lan",
			"secretary_title": "Chuyên viên Văn phòng Sở Tài nguyên và Môi trường",
			"counting_team": "Trần Văn Hùng (Sở Xây dựng) – Tổ trưởng; Lê Thị Mai (Sở Công Thương); "
			"Phạm Văn Nam (Liên minh Hợp tác xã tỉnh)",
			"conclusions": "Hội nghị nhất trí thông qua kết quả chấm điểm, xếp hạng và kết quả bỏ phiếu; "
			"giao Trưởng khối hoàn thiện hồ sơ, trình UBND tỉnh trước ngày 15/12/2017.",
			"next_head_unit": UNITS[5][0],
		}
	).insert()
	short_codes = dict(frappe.get_all("Member Unit", fields=["name", "short_code"], as_list=True))
	for row in meeting.attendance:
		reason = ABSENT_2017.get(short_codes.get(row.member_unit))
		if reason:
			row.present, row.absence_reason = 0, reason
	present = sum(1 for row in meeting.attendance if row.present)
	meeting.ballots_issued = meeting.ballots_returned = meeting.ballots_valid = present
	for row, (votes_for, votes_against) in zip(meeting.candidates, VOTES_2017, strict=False):
		row.votes_for, row.votes_against = votes_for, votes_against
	meeting.save()
	meeting.submit()
	carry_outcome_2017(meeting.name)


def carry_outcome_2017(meeting_name: str):
	"""The bloc head sends the proposal on 12/12/2017; the province receives and appraises it, the
	council votes on 05/01/2018 and the chairman's decision of 15/01/2018 awards the units."""
	from frappe.model.workflow import apply_workflow

	proposal = frappe.get_doc(
		{
			"doctype": "Award Proposal",
			"meeting": meeting_name,
			"proposal_number": "03/TTr-KTĐ",
			"proposal_date": "2017-12-12",
			"signer_prefix": "TM. KHỐI THI ĐUA",
			"signer_title": "TRƯỞNG KHỐI",
			"signer_name": "Đào Quang Khải",
		}
	).insert()
	for action in ("Send to province", "Receive"):
		apply_workflow(frappe.get_doc("Award Proposal", proposal.name).as_dict(), action)
	frappe.db.set_value("Award Proposal", proposal.name, "submitted_on", "2017-12-12", update_modified=False)
	proposal = frappe.get_doc("Award Proposal", proposal.name)
	for line in proposal.lines:
		line.appraisal_result = "Agreed"
	proposal.appraisal_note = "Hồ sơ đầy đủ, đúng đối tượng, đủ tiêu chuẩn."
	proposal.save()
	apply_workflow(proposal.as_dict(), "Appraise")
	session = frappe.get_doc(
		{
			"doctype": "Council Session",
			"session_date": "2018-01-05",
			"minutes_number": "01/BB-HĐTĐKT",
			"chair_name": "Nguyễn Tử Quỳnh",
			"legal_regime": proposal.legal_regime,
			"members_total": 15,
			"members_present": 14,
		}
	).insert()
	session.get_appraised_lines()
	session.reload()
	for row, votes in zip(session.tallies, (14, 13, 12), strict=False):
		row.votes_for = votes
	session.save()
	session.submit()
	decision = frappe.get_doc(
		{
			"doctype": "Award Decision",
			"decision_number": "125/QĐ-UBND",
			"decision_date": "2018-01-15",
			"year": 2017,
			"achievement_period": "năm 2017",
			"signer_prefix": "KT. CHỦ TỊCH",
			"signer_title": "PHÓ CHỦ TỊCH",
			"signer_name": "Nguyễn Tử Quỳnh",
			"legal_basis": "\n".join(
				[
					*(
						row.basis_text
						for row in frappe.get_doc("Legal Regime", proposal.legal_regime).legal_basis
					),
					"Xét đề nghị của Khối thi đua tại Tờ trình số 03/TTr-KTĐ ngày 12/12/2017 và của Giám đốc Sở Nội vụ.",
				]
			),
			"lines": [],
		}
	)
	decision.insert()
	decision.get_passed_lines()
	decision.reload()
	decision.submit()
	draft_government_flag_2017()


def draft_government_flag_2017():
	"""The province drafts its proposal of the Government's flag for the bloc's leader; the council
	passed it on 10/03/2018. One bloc leader allows none within the 20 % share, so the draft waits
	for the province's reason before it can be sent."""
	proposal = frappe.get_doc(
		{
			"doctype": "Government Flag Proposal",
			"year": 2017,
			"province": "Bắc Ninh",
			"proposal_number": "45/TTr-UBND",
			"proposal_date": "2018-03-20",
			"signer_name": "Nguyễn Tử Quỳnh",
			"council_date": "2018-03-10",
			"council_minutes_number": "02/BB-HĐTĐKT",
			"members_total": 20,
			"members_present": 18,
		}
	).insert()
	proposal.get_bloc_leaders()
	proposal.reload()
	for row in proposal.lines:
		row.votes_for = 17
		row.achievement_summary = "Dẫn đầu Khối thi đua các sở, ban, ngành tham mưu và quản lý Nhà nước về kinh tế, kỹ thuật năm 2017."
	proposal.save()
