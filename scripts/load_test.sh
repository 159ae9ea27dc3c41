#!/usr/bin/env bash
# The deadline, as production runs it: the benchmark's small province served by gunicorn with
# several workers and a background worker (as `bench start` or a production setup runs them), on
# 127.0.0.1 only, driven by 12 and then 48 logged-in unit officers saving their evaluations and
# submitting them through REST while each bloc's head verifies, for a bounded time. Prints
# throughput, p50 / p95 latency, errors, InnoDB deadlocks and lost updates (every acknowledged
# write read back); exits non-zero on any error, deadlock or loss.
#
#   scripts/load_test.sh [--officers "12 48"] [--seconds 60] [--workers 4] [--frappe-path URL|DIR] …
set -euo pipefail
APP_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${THI_DUA_BENCH:-${HOME:-/root}/thi-dua-bench}
SITE=${THI_DUA_BENCHMARK_SITE:-thidua-benchmark-small.localhost}
OFFICERS="12 48"
SECONDS_EACH=60
WORKERS=4
args=()
while [ $# -gt 0 ]; do
	case "$1" in
		--officers) OFFICERS=$2; shift 2 ;;
		--seconds) SECONDS_EACH=$2; shift 2 ;;
		--workers) WORKERS=$2; shift 2 ;;
		*) args+=("$1"); shift ;;
	esac
done
[ -d "${HOME:-/root}/.pyenv/shims" ] && PATH="${HOME:-/root}/.pyenv/shims:$PATH"
"$APP_DIR/scripts/setup_bench.sh" "${args[@]}" --site "$SITE" --no-demo --no-start >/dev/null
cd "$BENCH_DIR"
bench --site "$SITE" set-config --parse throttle_user_limit 100000 >/dev/null
work=$(mktemp -d)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pids=()
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; pkill -P "$pid" 2>/dev/null || true; done; rm -rf "$work"' EXIT

echo "==> gunicorn ($WORKERS workers) on 127.0.0.1:$PORT and a background worker"
(cd sites && exec ../env/bin/gunicorn -b "127.0.0.1:$PORT" -w "$WORKERS" -t 120 --max-requests 5000 \
	--preload frappe.app:application) >"$work/gunicorn.log" 2>&1 &
pids+=($!)
bench worker --queue short,default,long >"$work/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
	curl -sf -H "Host: $SITE" "http://127.0.0.1:$PORT/api/method/ping" >/dev/null && break
	sleep 1
done
curl -sf -H "Host: $SITE" "http://127.0.0.1:$PORT/api/method/ping" >/dev/null \
	|| { tail -n 30 "$work/gunicorn.log"; echo "load: gunicorn did not answer" >&2; exit 1; }

deadlocks() { bench --site "$SITE" mariadb -N -e "show global status like 'Innodb_deadlocks'" 2>/dev/null | awk '{print $2}'; }
status=0
for officers in $OFFICERS; do
	echo "==> $officers officers, $SECONDS_EACH s"
	bench --site "$SITE" execute thi_dua_app.load_test.prepare \
		--kwargs "{'officers': $officers, 'path': '$work/plan.json'}" | grep -v '^$' | tail -n 1
	before=$(deadlocks)
	env/bin/python "$APP_DIR/scripts/load_test.py" --url "http://127.0.0.1:$PORT" --site "$SITE" \
		--plan "$work/plan.json" --officers "$officers" --seconds "$SECONDS_EACH" \
		--results "$work/results.json" || status=1
	after=$(deadlocks)
	echo "  InnoDB deadlocks during the run: $((after - before))"
	[ "$after" = "$before" ] || status=1
	bench --site "$SITE" execute thi_dua_app.load_test.check \
		--kwargs "{'plan': '$work/plan.json', 'results': '$work/results.json'}" | grep -v '^$' | tail -n 1 || status=1
done
if grep -qiE "traceback|deadlock" "$work/gunicorn.log" "$work/worker.log"; then
	echo "load: the server logged errors:" >&2
	grep -iE -A 3 "traceback|deadlock" "$work/gunicorn.log" "$work/worker.log" | tail -n 40 >&2
	status=1
fi
exit $status
