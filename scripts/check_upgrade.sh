#!/usr/bin/env bash
# Migrating from the previous release loses nothing: a scratch site is built with the code of the
# newest release in CHANGELOG.md (its commit, taken from this repository's history) and that
# release's demo, then migrated with the code in hand; every record must still be there, and no
# value a record had may have become empty (patches may rewrite values; new columns may appear).
# Called by run_tests.sh.
#
#   scripts/check_upgrade.sh BENCH_DIR [COMMIT]
set -euo pipefail
APP_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=$1
RELEASE=${2:-$(grep -oE 'commit [0-9a-f]{40}' "$APP_DIR/CHANGELOG.md" | head -n 1 | cut -d' ' -f2)}
SITE=${THI_DUA_UPGRADE_SITE:-thidua-upgrade.localhost}
DB_ADMIN_USER=${THI_DUA_DB_ADMIN_USER:-thidua_admin}
DB_ADMIN_PASSWORD=${THI_DUA_DB_ADMIN_PASSWORD:-thidua_admin}
[ -d "${HOME:-/root}/.pyenv/shims" ] && PATH="${HOME:-/root}/.pyenv/shims:$PATH"
work=$(mktemp -d)
log="$work/log"
fail() { echo "upgrade: $*" >&2; grep -v "^    \|^  File" "$log" 2>/dev/null | tail -n 30 >&2; exit 1; }
[ -n "$RELEASE" ] || fail "CHANGELOG.md names no release commit"
git -C "$APP_DIR" cat-file -e "$RELEASE^{commit}" 2>/dev/null || fail "release commit $RELEASE is not in this repository's history"
cd "$BENCH_DIR"
drop() {
	[ -d "sites/$SITE" ] || return 0
	bench drop-site "$SITE" --force --no-backup --db-root-username "$DB_ADMIN_USER" \
		--db-root-password "$DB_ADMIN_PASSWORD" >"$log" 2>&1 || fail "dropping $SITE failed"
}
trap 'drop; rm -rf "$work"' EXIT

# The release's code, run in place of the checkout's: first on Python's path.
mkdir "$work/release"
git -C "$APP_DIR" archive "$RELEASE" | tar -x -C "$work/release"
released() { (cd sites && PYTHONPATH="$work/release" ../env/bin/python -m frappe.utils.bench_helper frappe "$@"); }
current() { (cd sites && ../env/bin/python -m frappe.utils.bench_helper frappe "$@"); }

where=$(cd sites && PYTHONPATH="$work/release" ../env/bin/python -c \
	'import thi_dua_app; print(thi_dua_app.__version__, thi_dua_app.__file__)')
case "$where" in
	*" $work/release/"*) echo "upgrade: the release's code ${where%% *} stands in for the checkout's" ;;
	*) fail "the release's code is not the one Python finds ($where)" ;;
esac

drop
bench new-site "$SITE" --db-root-username "$DB_ADMIN_USER" --db-root-password "$DB_ADMIN_PASSWORD" \
	--admin-password admin >"$log" 2>&1 || fail "making $SITE failed"
released --site "$SITE" install-app thi_dua_app >"$log" 2>&1 || fail "installing release ${RELEASE:0:7} failed"
released --site "$SITE" execute thi_dua_app.demo.load_demo >"$log" 2>&1 || fail "the release's demo failed"
current --site "$SITE" execute thi_dua_app.tests.fingerprint.write_rows --kwargs "{'path': '$work/before.json'}" \
	>"$log" 2>&1 || fail "reading the release's site failed"
echo "upgrade: release ${RELEASE:0:7} with its demo: $(grep -v '^$' "$log" | tail -n 1 | cut -d: -f2-)"
current --site "$SITE" migrate >"$log" 2>&1 || fail "migrating to the code in hand failed"
current --site "$SITE" execute thi_dua_app.tests.fingerprint.write_rows --kwargs "{'path': '$work/after.json'}" \
	>"$log" 2>&1 || fail "reading the migrated site failed"
echo "upgrade: migrated to the code in hand: $(grep -v '^$' "$log" | tail -n 1 | cut -d: -f2-)"

# The app's print formats are the code's, under the code's names (a patch removes renamed ones).
current --site "$SITE" execute thi_dua_app.tests.fingerprint.app_print_formats >"$work/formats.json" 2>"$log" ||
	fail "reading the print formats failed"
python3 - "$APP_DIR" "$work/formats.json" <<'PY' || fail "the print formats are not the code's"
import json, pathlib, sys
code = sorted(
	json.loads(path.read_text(encoding="utf-8"))["name"]
	for path in pathlib.Path(sys.argv[1]).glob("thi_dua_app/thi_dua/print_format/*/*.json")
)
site = json.loads(pathlib.Path(sys.argv[2]).read_text(encoding="utf-8").strip().splitlines()[-1])
print(f"upgrade: {len(site)} print formats of the app on the site, {len(code)} in the code")
if sorted(site) != code:
	print("left behind:", sorted(set(site) - set(code)), "missing:", sorted(set(code) - set(site)))
	sys.exit(1)
PY

python3 - "$work/before.json" "$work/after.json" <<'PY' || fail "the migration lost data"
import json, sys
before, after = (json.load(open(path)) for path in sys.argv[1:])
# Values a patch of this release empties on purpose, by table and column, and the patch that does.
CLEARED_ON_PURPOSE = {
	# a tie-break note names the neighbour: kept only on evaluations of published pledges
	("Emulation Evaluation", "tie_break_note"): "clear_unpublished_tie_break_notes",
}
lost, rewritten, cleared = [], 0, 0
for table, rows in before.items():
	for name, row in rows.items():
		now = after.get(table, {}).get(name)
		if now is None:
			lost.append(f"{table} {name}: gone")
			continue
		for column, value in row.items():
			if column not in now:
				lost.append(f"{table} {name}: column {column} gone")
			elif value not in (None, "") and now[column] in (None, ""):
				if (table, column) in CLEARED_ON_PURPOSE:
					cleared += 1
				else:
					lost.append(f"{table} {name}: {column} was {value!r}, now empty")
			elif value != now[column] and column not in ("modified", "modified_by"):
				rewritten += 1
records = sum(len(rows) for rows in before.values())
print(
	f"upgrade: {records} records kept; {rewritten} values rewritten by patches; "
	f"{cleared} emptied on purpose ({', '.join(sorted(set(CLEARED_ON_PURPOSE.values())))}); {len(lost)} lost"
)
print("\n".join(lost[:30]))
sys.exit(1 if lost or not records else 0)
PY
