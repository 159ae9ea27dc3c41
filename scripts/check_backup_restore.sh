#!/usr/bin/env bash
# Nothing lost in a backup: a scratch site with the demo (and its private evidence files) is
# backed up with `bench backup --with-files`, restored into a new site with `bench restore`, and
# migrated; every record of every app DocType and every attached file must come back (counts and
# checksums compared). Called by run_tests.sh.
#
#   scripts/check_backup_restore.sh BENCH_DIR
set -euo pipefail
APP_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=$1
SOURCE=${THI_DUA_BACKUP_SITE:-thidua-backup.localhost}
RESTORED=${THI_DUA_RESTORED_SITE:-thidua-restored.localhost}
DB_ADMIN_USER=${THI_DUA_DB_ADMIN_USER:-thidua_admin}
DB_ADMIN_PASSWORD=${THI_DUA_DB_ADMIN_PASSWORD:-thidua_admin}
[ -d "${HOME:-/root}/.pyenv/shims" ] && PATH="${HOME:-/root}/.pyenv/shims:$PATH"
work=$(mktemp -d)
log="$work/log"
# setup_bench.sh makes the site it builds the bench's default; the default before is put back.
default_site=$(cat "$BENCH_DIR/sites/currentsite.txt" 2>/dev/null || true)
restore_default() {
	if [ -n "$default_site" ] && [ -d "$BENCH_DIR/sites/$default_site" ]; then
		printf '%s' "$default_site" >"$BENCH_DIR/sites/currentsite.txt"
	else
		rm -f "$BENCH_DIR/sites/currentsite.txt"
	fi
}
trap 'restore_default; rm -rf "$work"' EXIT
fail() { echo "backup: $*" >&2; tail -n 30 "$log" >&2; exit 1; }
cd "$BENCH_DIR"
drop() {
	[ -d "sites/$1" ] || return 0
	bench drop-site "$1" --force --no-backup --db-root-username "$DB_ADMIN_USER" \
		--db-root-password "$DB_ADMIN_PASSWORD" >"$log" 2>&1 || fail "dropping $1 failed"
}

# Made anew each time: what is backed up is exactly a fresh install with the demo.
drop "$SOURCE"
drop "$RESTORED"
"$APP_DIR/scripts/setup_bench.sh" --site "$SOURCE" --no-start >"$log" 2>&1 || fail "making $SOURCE failed"
bench --site "$SOURCE" execute thi_dua_app.tests.fingerprint.write --kwargs "{'path': '$work/before.json'}" \
	>"$log" 2>&1 || fail "reading $SOURCE failed"
grep -v "^$" "$log" | tail -n 1

mkdir "$work/backup"
bench --site "$SOURCE" backup --with-files --backup-path "$work/backup" >"$log" 2>&1 || fail "bench backup failed"
database=$(ls "$work"/backup/*-database.sql.gz)
private=$(ls "$work"/backup/*-private-files.tar)
public=$(ls "$work"/backup/*-files.tar | grep -v private-files)
echo "backup: $(ls "$work/backup" | wc -l) files ($(du -sh "$work/backup" | cut -f1))"

bench new-site "$RESTORED" --db-root-username "$DB_ADMIN_USER" --db-root-password "$DB_ADMIN_PASSWORD" \
	--admin-password admin >"$log" 2>&1 || fail "making $RESTORED failed"
bench --site "$RESTORED" restore "$database" --with-private-files "$private" --with-public-files "$public" \
	--db-root-username "$DB_ADMIN_USER" --db-root-password "$DB_ADMIN_PASSWORD" --admin-password admin \
	>"$log" 2>&1 || fail "bench restore failed"
bench --site "$RESTORED" migrate >"$log" 2>&1 || fail "migrating the restored site failed"
bench --site "$RESTORED" execute thi_dua_app.tests.fingerprint.write --kwargs "{'path': '$work/after.json'}" \
	>"$log" 2>&1 || fail "reading $RESTORED failed"
grep -v "^$" "$log" | tail -n 1

python3 - "$work/before.json" "$work/after.json" <<'PY' || fail "the restored site differs from the one backed up"
import json, sys
before, after = (json.load(open(path)) for path in sys.argv[1:])
differences = [
	f"{kind} {key}: {before[kind].get(key)} -> {after[kind].get(key)}"
	for kind in ("tables", "files")
	for key in sorted(set(before[kind]) | set(after[kind]))
	if before[kind].get(key) != after[kind].get(key)
]
if not before["files"] or not any(file["private"] for file in before["files"].values()):
	differences.append("the site backed up has no private file: the check would prove nothing")
print("\n".join(differences) or "backup: every record and every file came back")
sys.exit(1 if differences else 0)
PY
drop "$RESTORED"
drop "$SOURCE"
