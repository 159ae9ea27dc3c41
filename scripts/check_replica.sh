#!/usr/bin/env bash
# Past one machine: a MariaDB primary and a replica (GTID replication), each started here on its
# own data directory and port (the machine's server is left as it is), a site on the primary
# configured with Frappe's replica keys, served on 127.0.0.1; scripts/check_replica.py then shows
# report queries reaching the replica and writes the primary, and the app still correct while the
# replica lags and once it is down. Everything is removed afterwards. Called by run_tests.sh.
#
#   scripts/check_replica.sh BENCH_DIR
set -euo pipefail
APP_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=$1
SITE=${THI_DUA_REPLICA_SITE:-thidua-replica.localhost}
ADMIN_USER=thidua_admin
ADMIN_PASSWORD=${THI_DUA_DB_ADMIN_PASSWORD:-thidua_admin}
# shellcheck source=services.sh
source "$APP_DIR/scripts/services.sh"
[ -d "${HOME:-/root}/.pyenv/shims" ] && PATH="${HOME:-/root}/.pyenv/shims:$PATH"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
work=$(mktemp -d)
log="$work/log"
PRIMARY_PORT=$(free_port)
REPLICA_PORT=$(free_port)
WEB_PORT=$(free_port)
PRIMARY_SOCKET="$work/primary.sock"
REPLICA_SOCKET="$work/replica.sock"
server_pid=
cd "$BENCH_DIR"
cleanup() {
	[ -n "$server_pid" ] && { kill "$server_pid" 2>/dev/null || true; pkill -P "$server_pid" 2>/dev/null || true; }
	if [ -d "sites/$SITE" ]; then
		bench drop-site "$SITE" --force --no-backup --db-root-username "$ADMIN_USER" \
			--db-root-password "$ADMIN_PASSWORD" >/dev/null 2>&1 || rm -rf "sites/$SITE"
	fi
	stop_mariadb "$REPLICA_SOCKET"
	stop_mariadb "$PRIMARY_SOCKET"
	rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "replica: $*" >&2; grep -v "^    \|^  File" "$log" | tail -n 30 >&2 2>/dev/null; exit 1; }
root() { mariadb --no-defaults --socket="$1" -uroot -N -e "$2"; }

ensure_mariadb "$work/primary" "$PRIMARY_PORT" "$PRIMARY_SOCKET" --server-id=1 --log-bin="$work/primary/binlog" \
	--binlog-format=ROW --gtid-strict-mode=ON || fail "the primary did not start"
ensure_mariadb "$work/replica" "$REPLICA_PORT" "$REPLICA_SOCKET" --server-id=2 --read-only=ON \
	--gtid-strict-mode=ON || fail "the replica did not start"
# Everything the primary does from here on — the accounts included — reaches the replica.
root "$PRIMARY_SOCKET" "CREATE USER 'replicator'@'127.0.0.1' IDENTIFIED BY 'replicator';
	GRANT REPLICATION SLAVE ON *.* TO 'replicator'@'127.0.0.1';
	CREATE USER '$ADMIN_USER'@'127.0.0.1' IDENTIFIED BY '$ADMIN_PASSWORD';
	GRANT ALL PRIVILEGES ON *.* TO '$ADMIN_USER'@'127.0.0.1' WITH GRANT OPTION;"
root "$REPLICA_SOCKET" "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$PRIMARY_PORT,
	MASTER_USER='replicator', MASTER_PASSWORD='replicator', MASTER_USE_GTID=slave_pos; START SLAVE;"
echo "replica: primary on 127.0.0.1:$PRIMARY_PORT, replica on 127.0.0.1:$REPLICA_PORT (GTID)"

[ -d "sites/$SITE" ] && rm -rf "sites/$SITE"
bench new-site "$SITE" --db-host 127.0.0.1 --db-port "$PRIMARY_PORT" --db-root-username "$ADMIN_USER" \
	--db-root-password "$ADMIN_PASSWORD" --mariadb-user-host-login-scope=% --admin-password admin \
	--install-app thi_dua_app >"$log" 2>&1 || fail "making the site on the primary failed"
bench --site "$SITE" execute thi_dua_app.demo.load_demo >"$log" 2>&1 || fail "loading the demo failed"
bench --site "$SITE" set-config --parse read_from_replica 1 >/dev/null
bench --site "$SITE" set-config replica_host 127.0.0.1 >/dev/null
bench --site "$SITE" set-config --parse replica_db_port "$REPLICA_PORT" >/dev/null
bench --site "$SITE" serve --port "$WEB_PORT" --noreload >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do
	curl -sf "http://127.0.0.1:$WEB_PORT/api/method/ping" >/dev/null && break
	sleep 1
done
env/bin/python "$APP_DIR/scripts/check_replica.py" --url "http://127.0.0.1:$WEB_PORT" \
	--primary-socket "$PRIMARY_SOCKET" --replica-socket "$REPLICA_SOCKET" \
	|| { tail -n 40 "$work/server.log" >&2; fail "the site did not behave as it should with its replica"; }
