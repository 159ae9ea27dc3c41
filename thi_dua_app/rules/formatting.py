"""Vietnamese administrative formats (Decree 30/2020/NĐ-CP, Appendix I): numbers with a decimal
comma and dot thousands, and the long date line "Bắc Ninh, ngày 07 tháng 3 năm 2017".
Pure Python, no frappe; exposed to print formats as Jinja methods."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal


def vn_number(value, decimals: int = 2, keep_zeros: bool = False) -> str:
	"""92.5 → "92,5"; 10400000 → "10.400.000"; trailing zeros dropped unless keep_zeros."""
	if value is None or value == "":
		return ""
	quantum = Decimal(1).scaleb(-decimals)
	number = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
	sign = "-" if number < 0 else ""
	whole, _, fraction = f"{abs(number):f}".partition(".")
	groups = []
	while len(whole) > 3:
		groups.insert(0, whole[-3:])
		whole = whole[:-3]
	groups.insert(0, whole)
	if not keep_zeros:
		fraction = fraction.rstrip("0")
	text = ".".join(groups) + ("," + fraction if fraction else "")
	return sign + text if text != "0" else "0"


def _as_date(value) -> date | None:
	if not value:
		return None
	if isinstance(value, datetime):
		return value.date()
	if isinstance(value, date):
		return value
	return datetime.strptime(str(value)[:10], "%Y-%m-%d").date()


def vn_long_date(value, place: str = "") -> str:
	"""Day below 10 and months 1–2 take a leading zero (Decree 30/2020, Appendix I)."""
	day = _as_date(value)
	if not day:
		return f"{place}, ngày … tháng … năm …" if place else "ngày … tháng … năm …"
	month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
	text = f"ngày {day.day:02d} tháng {month} năm {day.year}"
	return f"{place}, {text}" if place else text


def vn_short_date(value) -> str:
	day = _as_date(value)
	return day.strftime("%d/%m/%Y") if day else ""


def paginate_rows(items: list, first: float, rest: float) -> list[list]:
	"""Split table rows into pages: ``first`` units of height on page one (under the document's
	header), ``rest`` on the others. A row's height is its ``weight`` (default 1). Print formats
	repeat the table header on each page themselves, since not every PDF engine does."""
	pages: list[list] = [[]]
	room = first
	for item in items:
		weight = (item.get("weight") if isinstance(item, dict) else None) or 1
		if pages[-1] and weight > room:
			pages.append([])
			room = rest
		pages[-1].append(item)
		room -= weight
	return pages


def printed_lines(*texts, width: int = 48) -> int:
	"""How many printed lines a table row takes: its longest cell wrapped at ``width`` characters."""
	return max([1] + [-(-len(str(text or "")) // width) for text in texts])


def vn_time(value) -> str:
	"""A time of day as minutes write it: "08:00:00" (or a timedelta, as the database returns a
	Time) → "08 giờ 00"; empty stays empty."""
	if value is None or value == "":
		return ""
	if hasattr(value, "total_seconds"):
		minutes = int(value.total_seconds()) // 60
		hour, minute = divmod(minutes, 60)
	else:
		parts = str(value).split(":")
		try:
			hour, minute = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
		except ValueError:
			return ""
	return f"{hour % 24:02d} giờ {minute:02d}"
