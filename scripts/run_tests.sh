#!/usr/bin/env bash
# Every test layer of thi_dua_app, against a real Frappe site:
#   1. site-free unit tests of the pure domain modules (pytest);
#   2. the install / migrate / uninstall lifecycle on a scratch site, the start of MariaDB and
#      Redis on servers of their own, a site of the previous release migrated, a backup restored
#      into a new site, a site reading from a MariaDB replica of its own, then the integration tests
#      inside the test site (bench run-tests), including the REST permission matrix run against a
#      web server of that site as real logged-in users;
#   3. browser tests of the desk in headless Chromium (tests/browser), with screenshots;
#   4. the benchmark on a small province of its own site, so that it cannot silently break.
# It reuses the bench at $THI_DUA_BENCH (default ~/thi-dua-bench) or builds one with
# scripts/setup_bench.sh, and exits non-zero when any layer fails or no bench can be had.
#
#   scripts/run_tests.sh [--frappe-path URL|DIR] [--frappe-branch BRANCH]
#
# THI_DUA_COVERAGE=1 measures the integration layer's coverage too; it nearly doubles that
# layer's time (Python 3.11 traces every call), so CI leaves it to the site-free layer.
set -euo pipefail

APP_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export THI_DUA_BENCH=${THI_DUA_BENCH:-${HOME:-/root}/thi-dua-bench}
TEST_SITE=${THI_DUA_TEST_SITE:-thidua-test.localhost}
# Free ports for the two test web servers of the site, so no other server can answer in their
# place (the canary sweep spreads its users over both, one core each).
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
TEST_PORT=${THI_DUA_TEST_PORT:-$(free_port)}
TEST_PORT_2=${THI_DUA_TEST_PORT_2:-$(free_port)}
ARTIFACTS=${THI_DUA_ARTIFACTS:-$APP_DIR/test-artifacts}
BENCH_DIR=$THI_DUA_BENCH
PY="$BENCH_DIR/env/bin/python"

fail() { printf '\nrun_tests: %s\n' "$*" >&2; exit 1; }
[ -d "${HOME:-/root}/.pyenv/shims" ] && PATH="${HOME:-/root}/.pyenv/shims:$PATH"
step() { printf '\n==> %s\n' "$*"; }

step "Bench and test site ($BENCH_DIR, $TEST_SITE)"
"$APP_DIR/scripts/setup_bench.sh" "$@" --site "$TEST_SITE" --no-demo --no-start \
	|| fail "no bench could be had (scripts/setup_bench.sh failed)"
[ -x "$PY" ] || fail "the bench has no Python environment"
cd "$BENCH_DIR"
bench --site "$TEST_SITE" set-config allow_tests true >/dev/null
bench --site "$TEST_SITE" execute thi_dua_app.demo.use_vietnamese_formats >/dev/null
# The tests make many users; Frappe refuses more than 60 new users an hour by default.
bench --site "$TEST_SITE" set-config --parse throttle_user_limit 100000 >/dev/null
"$PY" -m pip install --quiet "pytest>=7" "coverage>=7" "requests>=2.31" "playwright>=1.40" "hypothesis>=6.100" \
	"ruff>=0.17,<0.18" || fail "cannot install the test tools"
# The browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
if ! command -v chromium >/dev/null; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	fi
	command -v chromium >/dev/null || fail "Chromium is needed for the browser tests (apt-get install chromium)"
fi
mkdir -p "$ARTIFACTS"
rm -f "$ARTIFACTS"/.coverage*

status=0

step "Lint: ruff check and ruff format --check"
(cd "$APP_DIR" && "$PY" -m ruff check . && "$PY" -m ruff format --check .) || status=1

step "Layer 1: site-free unit tests"
(cd "$APP_DIR" && "$PY" -m coverage run --data-file="$ARTIFACTS/.coverage.unit" --source=thi_dua_app \
	-m pytest -q -p no:cacheprovider tests/unit) || status=1

step "Layer 2: install, migrate and uninstall on a scratch site"
"$APP_DIR/scripts/check_lifecycle.sh" "$BENCH_DIR" || status=1

step "Layer 2: MariaDB and Redis started by scripts/services.sh on servers of their own"
"$APP_DIR/scripts/check_services.sh" || status=1

step "Layer 2: a site of the previous release (CHANGELOG.md) migrated to this code, nothing lost"
"$APP_DIR/scripts/check_upgrade.sh" "$BENCH_DIR" || status=1

step "Layer 2: backup with files, restore into a new site, nothing lost"
"$APP_DIR/scripts/check_backup_restore.sh" "$BENCH_DIR" || status=1

step "Layer 2: reads on a MariaDB replica (GTID), writes on the primary; lag and a replica down"
"$APP_DIR/scripts/check_replica.sh" "$BENCH_DIR" || status=1

step "Layer 2: integration tests in site $TEST_SITE"
server_pids=()
# On the way out the servers stop and the site forgets them (a host_name pointing at a stopped
# server would break Frappe's own test suites and PDFs on this site).
trap 'for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null || true; pkill -P "$pid" 2>/dev/null || true; done
(cd "$BENCH_DIR" && bench --site "$TEST_SITE" set-config host_name None >/dev/null 2>&1) || true' EXIT
for port in "$TEST_PORT" "$TEST_PORT_2"; do
	server_log="$ARTIFACTS/test-server-$port.log"
	if [ "$TEST_PORT" = "$TEST_PORT_2" ] || curl -s -o /dev/null "http://127.0.0.1:$port/"; then
		fail "port $port is already in use; set THI_DUA_TEST_PORT and THI_DUA_TEST_PORT_2 to two free ports"
	fi
	bench --site "$TEST_SITE" serve --port "$port" --noreload >"$server_log" 2>&1 &
	server_pids+=($!)
	for _ in $(seq 1 60); do
		curl -sf "http://127.0.0.1:$port/api/method/ping" >/dev/null && break
		kill -0 "${server_pids[-1]}" 2>/dev/null || fail "the test web server stopped (see $server_log)"
		sleep 1
	done
	curl -sf "http://127.0.0.1:$port/api/method/ping" >/dev/null || fail "the test web server did not answer"
done
export THI_DUA_TEST_URL="http://127.0.0.1:$TEST_PORT"
export THI_DUA_TEST_URLS="$THI_DUA_TEST_URL http://127.0.0.1:$TEST_PORT_2"
# PDFs fetch the site's stylesheets over HTTP: point the site at the server that is running.
bench --site "$TEST_SITE" set-config host_name "$THI_DUA_TEST_URL" >/dev/null
# What `bench run-tests` runs (under coverage when asked); CI=1 makes it exit non-zero on a failure.
measure=()
if [ "${THI_DUA_COVERAGE:-0}" = 1 ]; then
	measure=(-m coverage run --data-file="$ARTIFACTS/.coverage.site" --source="$APP_DIR/thi_dua_app")
fi
(cd "$BENCH_DIR/sites" && CI=1 "$PY" "${measure[@]}" -m frappe.utils.bench_helper frappe \
	--site "$TEST_SITE" run-tests --app thi_dua_app) || status=1

step "Layer 3: browser tests (screenshots in $ARTIFACTS/browser)"
export THI_DUA_TEST_SITE="$TEST_SITE" THI_DUA_ARTIFACTS="$ARTIFACTS" THI_DUA_CHROMIUM="$(command -v chromium)"
# The desk as production runs it has a background worker: Frappe enqueues every notification, and
# the browser tests read them in the bell. Started here, after the integration tests (which make
# theirs at once), and stopped before the benchmark. What the integration tests left queued (the
# gravatars and contacts of users they made and removed) is purged first: it would only delay,
# and fail on users that are gone.
bench purge-jobs --site "$TEST_SITE" >/dev/null
bench worker --queue short,default,long >"$ARTIFACTS/test-worker.log" 2>&1 &
worker_pid=$!
server_pids+=("$worker_pid")
(cd "$APP_DIR" && "$PY" -m pytest -q -p no:cacheprovider tests/browser) || status=1
kill "$worker_pid" 2>/dev/null || true
pkill -P "$worker_pid" 2>/dev/null || true

step "Benchmark on a small province (scripts/benchmark_reports.sh --small)"
"$APP_DIR/scripts/benchmark_reports.sh" --small "$@" || status=1

# Without the integration layer measured, the report is of the pure modules (no frappe import),
# which are the site-free layer's to test.
include=()
if [ "${THI_DUA_COVERAGE:-0}" = 1 ]; then
	step "Coverage of the app's Python code (site-free and integration layers)"
else
	step "Coverage of the pure domain modules (site-free layer; THI_DUA_COVERAGE=1 measures the rest)"
	pure=$(cd "$APP_DIR" && grep -L -E '^(import|from) frappe' thi_dua_app/*.py thi_dua_app/rules/*.py | paste -sd, -)
	include=(--include="$pure")
fi
(cd "$APP_DIR" && "$PY" -m coverage combine --data-file="$ARTIFACTS/.coverage" "$ARTIFACTS"/.coverage.* >/dev/null \
	&& "$PY" -m coverage report --data-file="$ARTIFACTS/.coverage" "${include[@]}" --omit='*/test_*.py,*/tests/*' \
		| tail -n 25) || true

if [ "$status" -ne 0 ]; then
	fail "some tests failed"
fi
printf '\nAll test layers passed.\n'
