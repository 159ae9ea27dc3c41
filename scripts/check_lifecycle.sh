#!/usr/bin/env bash
# Install, migrate twice and uninstall the app on a scratch site of the bench, failing on any
# error or warning and on anything the app leaves behind. Called by run_tests.sh.
#
#   scripts/check_lifecycle.sh BENCH_DIR [SITE]
set -euo pipefail
BENCH_DIR=$1
SITE=${2:-thidua-lifecycle.localhost}
DB_ADMIN_USER=${THI_DUA_DB_ADMIN_USER:-thidua_admin}
DB_ADMIN_PASSWORD=${THI_DUA_DB_ADMIN_PASSWORD:-thidua_admin}
cd "$BENCH_DIR"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

fail() { echo "lifecycle: $*" >&2; sed 's/^/    /' "$log" | grep -v "Updating DocTypes" | tail -n 30 >&2; exit 1; }
run() {
	local label=$1
	shift
	"$@" >"$log" 2>&1 || fail "$label failed"
	# The framework's own notice about the MariaDB version is not about the app.
	if grep -v "MariaDB version" "$log" | grep -qiE "warning|error|traceback"; then
		fail "$label printed a warning or an error"
	fi
	echo "lifecycle: $label ok"
}

if [ ! -f "sites/$SITE/site_config.json" ]; then
	bench new-site "$SITE" --db-root-username "$DB_ADMIN_USER" --db-root-password "$DB_ADMIN_PASSWORD" \
		--admin-password admin >"$log" 2>&1 || fail "creating the scratch site failed"
fi
if bench --site "$SITE" list-apps 2>/dev/null | grep -q '^thi_dua_app'; then
	bench --site "$SITE" uninstall-app thi_dua_app --yes --no-backup >"$log" 2>&1 || fail "clearing the scratch site failed"
fi

run "install-app" bench --site "$SITE" install-app thi_dua_app
run "first migrate" bench --site "$SITE" migrate
schema_before=$(bench --site "$SITE" mariadb -e "show columns from \`tabEmulation Evaluation\`; select count(*) from tabWorkflow; select modified from tabDocType where module = 'Thi Dua' order by name" 2>/dev/null)
run "second migrate" bench --site "$SITE" migrate
schema_after=$(bench --site "$SITE" mariadb -e "show columns from \`tabEmulation Evaluation\`; select count(*) from tabWorkflow; select modified from tabDocType where module = 'Thi Dua' order by name" 2>/dev/null)
[ "$schema_before" = "$schema_after" ] || fail "a second migrate changed the schema or the DocTypes"
echo "lifecycle: migrate is idempotent"
run "uninstall-app" bench --site "$SITE" uninstall-app thi_dua_app --yes --no-backup
run "migrate after uninstall" bench --site "$SITE" migrate

left=$(bench --site "$SITE" mariadb -N -e "
	select concat('workflow ', name) from tabWorkflow where document_type = 'Emulation Evaluation'
	union all select concat('role ', name) from tabRole where name like 'Thi Dua %'
	union all select concat('doctype ', name) from tabDocType where module = 'Thi Dua'
	union all select concat('workspace ', name) from tabWorkspace where module = 'Thi Dua'
	union all select concat('user permission ', name) from \`tabUser Permission\` where allow = 'Member Unit'" 2>/dev/null)
[ -z "$left" ] || { echo "$left" >"$log"; fail "uninstall left records behind"; }
bench --site "$SITE" execute frappe.ping >"$log" 2>&1 && grep -q pong "$log" || fail "the site does not answer after uninstall"
echo "lifecycle: uninstall leaves a working site"
