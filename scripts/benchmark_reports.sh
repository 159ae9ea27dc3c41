#!/usr/bin/env bash
# Report speed for a province of 40 blocs × 12 units × 10 years with a 40-criterion table, in a
# site of its own (made once, then reused): each report's median time beside the same aggregate
# done as one SQL query, and the ratio. Takes the same framework options as setup_bench.sh.
#
#   scripts/benchmark_reports.sh [--frappe-path URL|DIR] [--frappe-branch BRANCH]
set -euo pipefail
APP_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${THI_DUA_BENCH:-${HOME:-/root}/thi-dua-bench}
SITE=${THI_DUA_BENCHMARK_SITE:-thidua-benchmark.localhost}
"$APP_DIR/scripts/setup_bench.sh" "$@" --site "$SITE" --no-demo --no-start >/dev/null
cd "$BENCH_DIR"
bench --site "$SITE" set-config --parse throttle_user_limit 100000 >/dev/null
bench --site "$SITE" execute thi_dua_app.benchmark.run
bench --site "$SITE" execute thi_dua_app.benchmark.run_people
