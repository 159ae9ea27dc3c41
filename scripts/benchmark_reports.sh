#!/usr/bin/env bash
# The app's speed beside what the database itself does, in a site of its own (the province is
# generated once, then reused): each report beside the same aggregate as one SQL query, re-ranking
# a bloc of 12 and of 40 units (its queries must not grow), a unit saving its evaluation beside a
# plain Frappe save, and every person's title verdicts beside reading their rows. Takes the same
# framework options as setup_bench.sh.
#
#   scripts/benchmark_reports.sh [--small] [--frappe-path URL|DIR] [--frappe-branch BRANCH]
#
# The full province is 40 blocs × 12 units × 10 years and 20,000 people (a few minutes to
# generate the first time); --small is 3 blocs × 12 units × 2 years and 400 people, in a site of
# its own: the test command runs it, so the benchmark cannot silently break.
set -euo pipefail
APP_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${THI_DUA_BENCH:-${HOME:-/root}/thi-dua-bench}
SIZE=full
args=()
for arg in "$@"; do
	if [ "$arg" = --small ]; then SIZE=small; else args+=("$arg"); fi
done
default_site=thidua-benchmark.localhost
[ "$SIZE" = small ] && default_site=thidua-benchmark-small.localhost
SITE=${THI_DUA_BENCHMARK_SITE:-$default_site}
"$APP_DIR/scripts/setup_bench.sh" "${args[@]}" --site "$SITE" --no-demo --no-start >/dev/null
[ -d "${HOME:-/root}/.pyenv/shims" ] && PATH="${HOME:-/root}/.pyenv/shims:$PATH"
cd "$BENCH_DIR"
bench --site "$SITE" set-config --parse throttle_user_limit 100000 >/dev/null
bench --site "$SITE" execute thi_dua_app.benchmark.run --kwargs "{'size': '$SIZE'}"
bench --site "$SITE" execute thi_dua_app.benchmark.run_people --kwargs "{'size': '$SIZE'}"
