#!/usr/bin/env bash
# The start path of scripts/services.sh, proved on servers of its own — a MariaDB on its own data
# directory, port and socket, and a Redis on its own port — never by stopping the machine's: each
# is started, found configured as Frappe needs (utf8mb4), found again without a second start, then
# stopped. Called by run_tests.sh.
set -euo pipefail
APP_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=services.sh
source "$APP_DIR/scripts/services.sh"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
work=$(mktemp -d)
MARIADB_PORT=$(free_port)
REDIS_PORT=$(free_port)
SOCKET="$work/mariadb.sock"
cleanup() {
	stop_mariadb "$SOCKET"
	redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "services: $*" >&2; exit 1; }

ensure_mariadb "$work/data" "$MARIADB_PORT" "$SOCKET" || fail "the start path failed"
settings=$(mariadb --no-defaults -h 127.0.0.1 -P "$MARIADB_PORT" --protocol=tcp -uroot -N \
	-e "select @@port, @@character_set_server, @@collation_server" 2>/dev/null \
	|| mariadb --no-defaults --socket="$SOCKET" -uroot -N -e "select @@port, @@character_set_server, @@collation_server")
[ "$(echo "$settings" | tr '\t' ' ')" = "$MARIADB_PORT utf8mb4 utf8mb4_unicode_ci" ] \
	|| fail "the server runs with '$settings', not port $MARIADB_PORT and utf8mb4_unicode_ci"
again=$(ensure_mariadb "$work/data" "$MARIADB_PORT" "$SOCKET")
echo "$again" | grep -q "answers" || fail "a running server was started again: $again"
echo "services: MariaDB started on its own port $MARIADB_PORT with utf8mb4, and found running the second time"

ensure_redis "$REDIS_PORT" || fail "Redis did not start"
[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping)" = PONG ] || fail "Redis does not answer on $REDIS_PORT"
ensure_redis "$REDIS_PORT" | grep -q "answers" || fail "a running Redis was started again"
echo "services: Redis started on its own port $REDIS_PORT, and found running the second time"
