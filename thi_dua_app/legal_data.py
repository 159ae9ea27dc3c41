"""The legal facts the app ships as data: award forms, legal regimes and the base salary table.

Each value carries its source and a confidence tag (S checked against the legal text, S2 a
secondary source quoting it, M to verify, P the app's proposal — see shared/DOMAIN.md §0). They
are written into the site once, when missing (``thi_dua_app.thi_dua.legal.seed_legal_data``); from
then on they are records an administrator edits in the desk, and no upgrade overwrites them.

Pure data, no frappe import.
"""

from __future__ import annotations

# (code, name, kind, awarded to, level, decided by, precedence, physical award, legal article)
AWARD_FORMS = [
	(
		"CO_CP",
		"Cờ thi đua của Chính phủ",
		"Emulation title",
		"Collective",
		"National",
		"Thủ tướng Chính phủ",
		100,
		"Flag",
		"Luật TĐKT 2022, Điều 25",
	),
	(
		"CSTDTQ",
		"Chiến sĩ thi đua toàn quốc",
		"Emulation title",
		"Individual",
		"National",
		"Thủ tướng Chính phủ",
		95,
		"Badge",
		"Luật TĐKT 2022, Điều 21",
	),
	(
		"BK_TTG",
		"Bằng khen của Thủ tướng Chính phủ",
		"Commendation form",
		"Individual or collective",
		"National",
		"Thủ tướng Chính phủ",
		90,
		"Certificate",
		"Luật TĐKT 2022, Điều 73",
	),
	(
		"CO_TINH",
		"Cờ thi đua của Ủy ban nhân dân tỉnh",
		"Emulation title",
		"Collective",
		"Province",
		"Chủ tịch Ủy ban nhân dân tỉnh",
		80,
		"Flag",
		"Luật TĐKT 2022, Điều 26",
	),
	(
		"CSTDT",
		"Chiến sĩ thi đua cấp tỉnh",
		"Emulation title",
		"Individual",
		"Province",
		"Chủ tịch Ủy ban nhân dân tỉnh",
		70,
		"Badge",
		"Luật TĐKT 2022, Điều 22",
	),
	(
		"BK_TINH",
		"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
		"Commendation form",
		"Individual or collective",
		"Province",
		"Chủ tịch Ủy ban nhân dân tỉnh",
		60,
		"Certificate",
		"Luật TĐKT 2022, Điều 74",
	),
	(
		"TTLDXS",
		"Tập thể lao động xuất sắc",
		"Emulation title",
		"Collective",
		"Province",
		"Chủ tịch Ủy ban nhân dân tỉnh",
		50,
		"Certificate",
		"Luật TĐKT 2022, Điều 27",
	),
	(
		"CSTDCS",
		"Chiến sĩ thi đua cơ sở",
		"Emulation title",
		"Individual",
		"Unit",
		"Thủ trưởng cơ quan, đơn vị",
		40,
		"Certificate",
		"Luật TĐKT 2022, Điều 23",
	),
	(
		"TTLDTT",
		"Tập thể lao động tiên tiến",
		"Emulation title",
		"Collective",
		"Unit",
		"Thủ trưởng cơ quan, đơn vị",
		30,
		"Paper certificate",
		"Luật TĐKT 2022, Điều 28",
	),
	(
		"GK",
		"Giấy khen",
		"Commendation form",
		"Individual or collective",
		"Unit",
		"Thủ trưởng cơ quan, đơn vị",
		20,
		"Paper certificate",
		"Luật TĐKT 2022, Điều 75",
	),
	(
		"LDTT",
		"Lao động tiên tiến",
		"Emulation title",
		"Individual",
		"Unit",
		"Thủ trưởng cơ quan, đơn vị",
		10,
		"",
		"Luật TĐKT 2022, Điều 24",
	),
]

# (effective from, đồng per month, legal source, confidence)
BASE_SALARY_RATES = [
	("2016-05-01", 1_210_000, "Nghị định 47/2016/NĐ-CP", "M"),
	("2017-07-01", 1_300_000, "Nghị định 47/2017/NĐ-CP", "M"),
	("2018-07-01", 1_390_000, "Nghị định 72/2018/NĐ-CP", "M"),
	("2019-07-01", 1_490_000, "Nghị định 38/2019/NĐ-CP", "M"),
	("2023-07-01", 1_800_000, "Nghị định 24/2023/NĐ-CP", "S2"),
	("2024-07-01", 2_340_000, "Nghị định 73/2024/NĐ-CP", "M"),
	("2026-07-01", 2_530_000, "Nghị định 161/2026/NĐ-CP", "S2"),
]

LAW_2003 = (
	"Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều "
	"của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;"
)
LAW_2022 = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
DECREE = (
	"Căn cứ Nghị định số {number} ngày {date} của Chính phủ quy định chi tiết thi hành một số điều "
	"của Luật Thi đua, khen thưởng;"
)


def _coefficients(
	bk_individual: float, bk_collective: float, source: str, bk_confidence: str, confidence: str
):
	"""Reward coefficients (× base salary): titles as NĐ 91/2017 Đ69 and NĐ 152/2025 Đ50, Đ54 give
	them; the provincial Bằng khen is the one that changed between the regimes."""
	rows = [
		("CO_CP", "Collective", 12.0),
		("CSTDTQ", "Individual", 4.5),
		("BK_TTG", "Individual", 3.5),
		("BK_TTG", "Collective", 7.0),
		("CO_TINH", "Collective", 8.0),
		("CSTDT", "Individual", 3.0),
		("TTLDXS", "Collective", 1.5),
		("CSTDCS", "Individual", 1.0),
		("TTLDTT", "Collective", 0.8),
		("GK", "Individual", 0.3),
		("GK", "Collective", 0.6),
		("LDTT", "Individual", 0.3),
	]
	found = [
		{
			"award_form": form,
			"recipient_kind": kind,
			"coefficient": value,
			"source": source,
			"confidence": confidence,
		}
		for form, kind, value in rows
	]
	found += [
		{
			"award_form": "BK_TINH",
			"recipient_kind": "Individual",
			"coefficient": bk_individual,
			"source": source,
			"confidence": bk_confidence,
		},
		{
			"award_form": "BK_TINH",
			"recipient_kind": "Collective",
			"coefficient": bk_collective,
			"source": source,
			"confidence": bk_confidence,
		},
	]
	return found


def _bloc_rules():
	"""How a bloc votes and how many it proposes: the provinces set these; the app's defaults follow
	the practice the domain notes record (one Cờ per bloc, Cờ ≥ 80 % of all member units as in
	TT 01/2019/TT-VKSTC Đ20, Bằng khen by a majority of all member units)."""
	thresholds = [
		{
			"body": "Bloc meeting",
			"award_form": "CO_TINH",
			"threshold_percent": 80,
			"vote_base": "All members",
			"strict": 0,
			"source": "Thực tiễn khối thi đua (TT 01/2019/TT-VKSTC Điều 20)",
			"confidence": "P",
		},
		{
			"body": "Bloc meeting",
			"award_form": "BK_TINH",
			"threshold_percent": 50,
			"vote_base": "All members",
			"strict": 1,
			"source": "Đề xuất của ứng dụng (quá bán tổng số đơn vị)",
			"confidence": "P",
		},
	]
	quotas = [
		{
			"award_form": "CO_TINH",
			"scope": "Per bloc",
			"max_count": 1,
			"source": "NĐ 91/2017 Điều 12; NĐ 152/2025 Điều 7 (đơn vị dẫn đầu khối)",
			"confidence": "M",
		},
		{
			"award_form": "BK_TINH",
			"scope": "Per bloc",
			"max_count": 2,
			"source": "Đề xuất của ứng dụng",
			"confidence": "P",
		},
	]
	return thresholds, quotas


def _common_parameters(
	deadline: str,
	deadline_source: str,
	deadline_confidence: str,
	rounding_source: str,
	rounding_confidence: str,
):
	return [
		{
			"parameter": "Bloc meeting quorum",
			"value": 66.67,
			"source": "Đề xuất của ứng dụng (2/3 số đơn vị thành viên)",
			"confidence": "P",
		},
		{
			"parameter": "Provincial council quorum",
			"value": 66.67,
			"source": "NĐ 152/2025 Điều 45.4.b (Hội đồng TW, áp dụng tương tự)",
			"confidence": "P",
		},
		{
			"parameter": "Reward rounding",
			"text_value": "Up",
			"source": rounding_source,
			"confidence": rounding_confidence,
		},
		{
			"parameter": "Rounding step",
			"value": 10_000,
			"source": rounding_source,
			"confidence": rounding_confidence,
		},
		{
			"parameter": "Dossier deadline",
			"text_value": deadline,
			"source": deadline_source,
			"confidence": deadline_confidence,
		},
	]


def _succession_parameters() -> list[dict]:
	"""No official guidance counts consecutive years across a merger: the province decides, and
	until it does a successor starts its own count."""
	return [
		{
			"parameter": "Successor inherits collective streaks",
			"value": 0,
			"source": "Chưa có hướng dẫn chính thức; UBND tỉnh quyết định (NĐ 152/2025 Điều 60.5)",
			"confidence": "P",
		}
	]


def _registration_parameters() -> list[dict]:
	"""Many provincial rules consider for the year's titles only those who registered at the start
	of the year; the law leaves it to the province. Shipped as a warning: the unregistered are still
	considered, and the report says who was not registered."""
	return [
		{
			"parameter": "Unregistered still considered",
			"value": 1,
			"source": "Quy chế thi đua, khen thưởng của tỉnh (đăng ký thi đua đầu năm); tỉnh quyết định",
			"confidence": "P",
		}
	]


def _eligibility_parameters(law: str) -> list[dict]:
	"""What the titles of people and sub-units ask (thi_dua_app.rules.eligibility), under Law 2003/2013
	with Decree 91/2017 (``law`` "2013") or Law 2022 with its decrees ("2022")."""

	def row(parameter, value=None, text=None, source="", confidence="M"):
		found = {"parameter": parameter, "source": source, "confidence": confidence}
		if text is not None:
			found["text_value"] = text
		else:
			found["value"] = value
		return found

	if law == "2013":
		return [
			row("LDTT minimum months worked", 10, source="NĐ 91/2017 Điều 10", confidence="S2"),
			row("CSTDCS needs an initiative", 1, source="NĐ 91/2017 Điều 9.3; TT 07/2014", confidence="S2"),
			row(
				"CSTDCS share of LDTT", 15, source="NĐ 91/2017; TT 07/2014 (không quá 15 %)", confidence="S2"
			),
			row("CSTDT consecutive CSTDCS", 3, source="Luật TĐKT 2003 Điều 22", confidence="S2"),
			row("CSTDT initiative scope", text="Province", source="Luật TĐKT 2003 Điều 22", confidence="S2"),
			row("Individual Bang khen excellent years", 2, source="NĐ 91/2017 Điều 39", confidence="M"),
			row("Individual Bang khen initiatives", 2, source="NĐ 91/2017 Điều 39", confidence="M"),
			row("Collective Bang khen excellent years", 2, source="NĐ 91/2017 Điều 39", confidence="M"),
			row("TTLDTT share of LDTT", 50, source="Luật TĐKT 2003 Điều 28 (trên 50 %)", confidence="S2"),
			row(
				"TTLDTT share strictly above", 1, source="Luật TĐKT 2003 Điều 28 (trên 50 %)", confidence="S2"
			),
			row("TTLDTT all members complete duties", 0, source="Luật TĐKT 2003 Điều 28", confidence="S2"),
			row("TTLDXS share of LDTT", 70, source="Luật TĐKT 2003 Điều 27", confidence="S2"),
			row("TTLDXS CSTDCS members", 1, source="Luật TĐKT 2003 Điều 27", confidence="S2"),
			row(
				"Collective titles bar a cautioned member",
				1,
				source="Luật TĐKT 2003 Điều 27, 28 (không có cá nhân bị kỷ luật từ cảnh cáo trở lên)",
				confidence="S2",
			),
		]
	return [
		row(
			"LDTT minimum months worked",
			10,
			source="NĐ 91/2017 Điều 10 (giữ nguyên, cần kiểm tra)",
			confidence="M",
		),
		row("CSTDCS needs an initiative", 0, source="Luật TĐKT 2022 Điều 23", confidence="S2"),
		row("CSTDT consecutive CSTDCS", 3, source="Luật TĐKT 2022 Điều 22", confidence="S2"),
		row("CSTDT initiative scope", text="Province", source="Luật TĐKT 2022 Điều 22", confidence="S2"),
		row(
			"Individual Bang khen consecutive CSTDCS", 2, source="Luật TĐKT 2022 Điều 74.1.d", confidence="S"
		),
		row("Individual Bang khen excellent years", 2, source="Luật TĐKT 2022 Điều 74.1.d", confidence="M"),
		row("Individual Bang khen initiatives", 2, source="Luật TĐKT 2022 Điều 74.1.d", confidence="M"),
		row("Collective Bang khen excellent years", 2, source="Luật TĐKT 2022 Điều 74.2", confidence="M"),
		row("TTLDTT share of LDTT", 50, source="Luật TĐKT 2022 Điều 28 (cần kiểm tra)", confidence="M"),
		row("TTLDTT share strictly above", 0, source="Luật TĐKT 2022 Điều 28", confidence="M"),
		row("TTLDTT all members complete duties", 1, source="Luật TĐKT 2022 Điều 28", confidence="M"),
		row("TTLDXS share of LDTT", 70, source="Luật TĐKT 2022 Điều 27.1", confidence="S2"),
		row("TTLDXS CSTDCS members", 1, source="Luật TĐKT 2022 Điều 27.1", confidence="S2"),
		row(
			"Collective titles bar a cautioned member", 0, source="Luật TĐKT 2022 Điều 27, 28", confidence="M"
		),
	]


def _regime_2017():
	thresholds, quotas = _bloc_rules()
	return {
		"regime_code": "LTDKT2013-ND91",
		"regime_name": "Luật TĐKT 2003 (sửa đổi 2013), Nghị định 91/2017/NĐ-CP",
		"province": "",
		"valid_from": "2014-01-01",
		"valid_to": "2023-12-31",
		"notes": "Trước 15/9/2017 áp dụng Nghị định 65/2014/NĐ-CP; quy tắc khối thi đua không đổi (cần kiểm tra).",
		"legal_basis": [
			{"basis_text": LAW_2003, "legal_document": "16/VBHN-VPQH", "confidence": "S2"},
			{
				"basis_text": DECREE.format(number="91/2017/NĐ-CP", date="31 tháng 7 năm 2017"),
				"legal_document": "91/2017/NĐ-CP",
				"confidence": "S2",
			},
			{
				"basis_text": "Căn cứ Thông tư số 08/2017/TT-BNV ngày 27 tháng 10 năm 2017 của Bộ Nội vụ quy định chi tiết thi hành một số điều của Nghị định số 91/2017/NĐ-CP;",
				"legal_document": "08/2017/TT-BNV",
				"confidence": "M",
			},
		],
		"vote_thresholds": [
			*thresholds,
			{
				"body": "Provincial council",
				"award_form": "CSTDT",
				"threshold_percent": 90,
				"vote_base": "All members",
				"strict": 0,
				"source": "NĐ 91/2017 Điều 45.8",
				"confidence": "S2",
			},
			{
				"body": "Provincial council",
				"award_form": "CO_TINH",
				"threshold_percent": 50,
				"vote_base": "All members",
				"strict": 1,
				"source": "Đề xuất của ứng dụng",
				"confidence": "P",
			},
			{
				"body": "Provincial council",
				"award_form": "BK_TINH",
				"threshold_percent": 50,
				"vote_base": "All members",
				"strict": 1,
				"source": "Đề xuất của ứng dụng",
				"confidence": "P",
			},
			{
				"body": "Provincial council",
				"award_form": "TTLDXS",
				"threshold_percent": 50,
				"vote_base": "All members",
				"strict": 1,
				"source": "Đề xuất của ứng dụng (như Bằng khen)",
				"confidence": "P",
			},
			{
				"body": "Provincial council",
				"award_form": "CO_CP",
				"threshold_percent": 80,
				"vote_base": "All members",
				"strict": 0,
				"source": "Đề xuất của ứng dụng (như NĐ 152/2025 Điều 33.5)",
				"confidence": "P",
			},
		],
		"quotas": [
			*quotas,
			{
				"award_form": "CO_CP",
				"scope": "Province",
				"max_percent": 20,
				"warning_only": 1,
				"source": "TT 07/2014/TT-BNV; NĐ 91/2017 Điều 11",
				"confidence": "S2",
			},
		],
		"reward_coefficients": _coefficients(1.0, 2.0, "NĐ 91/2017 Điều 69–72", "M", "S2"),
		"parameters": _common_parameters(
			"15/12", "Đề xuất của ứng dụng", "P", "NĐ 91/2017 (làm tròn lên hàng chục nghìn đồng)", "M"
		)
		+ _eligibility_parameters("2013")
		+ _succession_parameters()
		+ _registration_parameters(),
	}


def _regime_2022(
	code: str,
	name: str,
	decree: str,
	decree_date: str,
	valid_from: str,
	valid_to: str | None,
	council_source: str,
	council_confidence: str,
):
	thresholds, quotas = _bloc_rules()
	# The Government's flag is a national title: its council threshold is the decree's, whatever
	# the province rules for its own titles.
	government_flag_source = (
		"NĐ 152/2025 Điều 33.5"
		if decree.startswith("152/")
		else f"{council_source} (Cờ thi đua của Chính phủ)"
	)
	return {
		"regime_code": code,
		"regime_name": name,
		"province": "",
		"valid_from": valid_from,
		"valid_to": valid_to,
		"legal_basis": [
			{"basis_text": LAW_2022, "legal_document": "06/2022/QH15", "confidence": "S"},
			{
				"basis_text": DECREE.format(number=decree, date=decree_date),
				"legal_document": decree,
				"confidence": "S",
			},
		],
		"vote_thresholds": [
			*thresholds,
			{
				"body": "Provincial council",
				"award_form": "CSTDT",
				"threshold_percent": 90,
				"vote_base": "All members",
				"strict": 0,
				"source": council_source,
				"confidence": council_confidence,
			},
			{
				"body": "Provincial council",
				"award_form": "CO_TINH",
				"threshold_percent": 80,
				"vote_base": "All members",
				"strict": 0,
				"source": council_source,
				"confidence": council_confidence,
			},
			{
				"body": "Provincial council",
				"award_form": "BK_TINH",
				"threshold_percent": 50,
				"vote_base": "All members",
				"strict": 1,
				"source": "Đề xuất của ứng dụng",
				"confidence": "P",
			},
			{
				"body": "Provincial council",
				"award_form": "TTLDXS",
				"threshold_percent": 50,
				"vote_base": "All members",
				"strict": 1,
				"source": "Đề xuất của ứng dụng (như Bằng khen)",
				"confidence": "P",
			},
			{
				"body": "Provincial council",
				"award_form": "CO_CP",
				"threshold_percent": 80,
				"vote_base": "All members",
				"strict": 0,
				"source": government_flag_source,
				"confidence": council_confidence if decree.startswith("98/") else "S",
			},
			# The unit's own council (hội đồng thi đua – khen thưởng của đơn vị) on its CSTĐCS.
			{
				"body": "Unit council",
				"award_form": "CSTDCS",
				"threshold_percent": 80,
				"vote_base": "All members",
				"strict": 0,
				"source": f"{council_source} (Chiến sĩ thi đua cơ sở)",
				"confidence": council_confidence,
			},
		],
		"quotas": [
			*quotas,
			{
				"award_form": "CO_CP",
				"scope": "Province",
				"max_percent": 20,
				"warning_only": 1,
				"source": "NĐ 152/2025 Điều 7.1",
				"confidence": "S",
			},
		],
		"reward_coefficients": _coefficients(1.5, 3.0, f"{decree} (mức tiền thưởng)", "S", "S"),
		"parameters": _common_parameters(
			"15/12", "Đề xuất của ứng dụng", "P", f"{decree} (làm tròn lên hàng chục nghìn đồng)", "S"
		)
		+ (
			[
				{
					"parameter": "Government flag deadline",
					"text_value": "30/06",
					"source": "NĐ 152/2025 Điều 35.1.b",
					"confidence": "S",
				}
			]
			if decree.startswith("152/")
			else []
		)
		+ _eligibility_parameters("2022")
		+ _succession_parameters()
		+ _registration_parameters(),
	}


def _bac_ninh_2025():
	regime = _regime_2022(
		"LTDKT2022-ND152-BN",
		"Luật TĐKT 2022, Nghị định 152/2025/NĐ-CP, Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh",
		"152/2025/NĐ-CP",
		"14 tháng 6 năm 2025",
		"2025-12-03",
		None,
		"QĐ 86/2025/QĐ-UBND (biểu quyết quá bán)",
		"S",
	)
	regime["province"] = "Bắc Ninh"
	regime["notes"] = (
		"Ngày có hiệu lực của QĐ 86/2025/QĐ-UBND cần kiểm tra; hồ sơ khối gửi Phòng Thi đua – Khen thưởng, Sở Nội vụ."
	)
	regime["legal_basis"].append(
		{
			"basis_text": "Căn cứ Quyết định số 86/2025/QĐ-UBND ngày 03 tháng 12 năm 2025 của Ủy ban nhân dân tỉnh Bắc Ninh ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh;",
			"legal_document": "86/2025/QĐ-UBND",
			"confidence": "M",
		}
	)
	for row in regime["vote_thresholds"]:
		if row["body"] == "Provincial council" and row["award_form"] != "CO_CP":
			row.update(
				threshold_percent=50,
				vote_base="Members present",
				strict=1,
				source="QĐ 86/2025/QĐ-UBND",
				confidence="S",
			)
	for row in regime["parameters"]:
		if row["parameter"] == "Provincial council quorum":
			row.update(value=80, source="QĐ 86/2025/QĐ-UBND", confidence="S")
		if row["parameter"] == "Dossier deadline":
			row.update(text_value="10/12", source="QĐ 86/2025/QĐ-UBND", confidence="S")
		if row["parameter"] == "TTLDTT share of LDTT":
			row.update(value=70, source="QĐ 86/2025/QĐ-UBND (ít nhất 70 %)", confidence="S")
		if row["parameter"] == "Collective titles bar a cautioned member":
			row.update(value=1, source="QĐ 86/2025/QĐ-UBND", confidence="S")
	return regime


def legal_regimes() -> list[dict]:
	return [
		_regime_2017(),
		_regime_2022(
			"LTDKT2022-ND98",
			"Luật TĐKT 2022, Nghị định 98/2023/NĐ-CP",
			"98/2023/NĐ-CP",
			"31 tháng 12 năm 2023",
			"2024-01-01",
			"2025-06-30",
			"NĐ 98/2023 Điều 30.7",
			"S2",
		),
		_regime_2022(
			"LTDKT2022-ND152",
			"Luật TĐKT 2022, Nghị định 152/2025/NĐ-CP",
			"152/2025/NĐ-CP",
			"14 tháng 6 năm 2025",
			"2025-07-01",
			None,
			"NĐ 98/2023 Điều 30.7 (NĐ 152/2025: tỉnh quy định)",
			"M",
		),
		_bac_ninh_2025(),
	]
