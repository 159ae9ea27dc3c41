# The services a bench needs, brought up when they are not: sourced by setup_bench.sh, .ci/run and
# check_services.sh. Each function says what it found and what it did.
#
#   ensure_redis [PORT]                     Redis on 127.0.0.1:PORT (6379): installed from Debian's
#                                           packages when missing, started when down (no persistence).
#   ensure_mariadb                          the machine's MariaDB (its own my.cnf, 127.0.0.1:3306 and
#                                           its socket, root over the socket): installed when
#                                           missing, configured for Frappe (utf8mb4) and started
#                                           when down; a running server is left as it is.
#   ensure_mariadb DATADIR PORT SOCKET [ARG…]
#                                           a server of its own on that data directory (made when
#                                           new), port and socket, utf8mb4, with any further server
#                                           arguments (a test's server, a replica …).
#   stop_mariadb SOCKET                     shut such a server down.
# Installing needs root and apt-get; without them the function says what to install and fails.

services_say() { printf '    %s\n' "$*"; }

install_packages() {
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		services_say "installing $* from Debian's packages"
		apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
	else
		echo "services: please install $* (this needs root and apt-get)" >&2
		return 1
	fi
}

ensure_redis() {
	local port=${1:-6379}
	if redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
		services_say "Redis answers on 127.0.0.1:$port"
		return 0
	fi
	command -v redis-server >/dev/null || install_packages redis-server || return 1
	services_say "starting Redis on 127.0.0.1:$port"
	redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no >/dev/null
	for _ in $(seq 1 30); do
		redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && return 0
		sleep 1
	done
	echo "services: Redis did not start on 127.0.0.1:$port" >&2
	return 1
}

# What Frappe asks of MariaDB's configuration (its installation guide): utf8mb4 throughout.
FRAPPE_MARIADB_SETTINGS=(--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci
	--character-set-client-handshake=FALSE)
FRAPPE_MARIADB_CNF="[mysqld]
character-set-client-handshake = FALSE
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci

[mysql]
default-character-set = utf8mb4"

mariadbd_path() { command -v mariadbd || { [ -x /usr/sbin/mariadbd ] && echo /usr/sbin/mariadbd; }; }

# Start mariadbd with these arguments in the background, then wait until root answers through the
# client command in MARIADB_CLIENT (an array the caller sets).
launch_mariadbd() {
	"$(mariadbd_path)" "$@" >/dev/null 2>&1 &
	disown
	for _ in $(seq 1 60); do
		"${MARIADB_CLIENT[@]}" -e "select 1" >/dev/null 2>&1 && return 0
		sleep 1
	done
	return 1
}

ensure_mariadb() {
	[ -n "$(mariadbd_path)" ] || install_packages mariadb-server mariadb-client || return 1
	if [ $# -ge 3 ]; then
		ensure_own_mariadb "$@"
		return
	fi
	MARIADB_CLIENT=(mariadb -uroot)
	if "${MARIADB_CLIENT[@]}" -e "select 1" >/dev/null 2>&1; then
		local charset
		charset=$("${MARIADB_CLIENT[@]}" -N -e "select @@character_set_server")
		services_say "MariaDB answers (server character set $charset)"
		[ "$charset" = utf8mb4 ] || services_say "note: Frappe's guide sets utf8mb4 in my.cnf; the app's databases are utf8mb4 whatever the server's default"
		return 0
	fi
	local conf_dir=/etc/mysql/mariadb.conf.d
	if [ -d "$conf_dir" ] && [ ! -f "$conf_dir/99-frappe.cnf" ]; then
		printf '%s\n' "$FRAPPE_MARIADB_CNF" >"$conf_dir/99-frappe.cnf"
		services_say "configured MariaDB for Frappe: $conf_dir/99-frappe.cnf (utf8mb4)"
	fi
	services_say "starting MariaDB"
	install -d -o mysql -g mysql /run/mysqld 2>/dev/null || true
	launch_mariadbd && return 0
	echo "services: MariaDB did not start (see its error log)" >&2
	return 1
}

ensure_own_mariadb() {
	local datadir=$1 port=$2 socket=$3
	shift 3
	MARIADB_CLIENT=(mariadb --no-defaults --socket="$socket" -uroot)
	if "${MARIADB_CLIENT[@]}" -e "select 1" >/dev/null 2>&1; then
		services_say "MariaDB answers on $socket"
		return 0
	fi
	if [ ! -d "$datadir/mysql" ]; then
		mkdir -p "$datadir"
		mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$datadir" \
			--auth-root-authentication-method=socket >"$datadir/install.log" 2>&1 || {
			echo "services: mariadb-install-db failed (see $datadir/install.log)" >&2
			return 1
		}
		services_say "made a MariaDB data directory in $datadir"
	fi
	services_say "starting MariaDB on 127.0.0.1:$port ($datadir)"
	launch_mariadbd --no-defaults --user="$(id -un)" --datadir="$datadir" --port="$port" \
		--bind-address=127.0.0.1 --skip-name-resolve --socket="$socket" --pid-file="$datadir/mariadbd.pid" \
		--log-error="$datadir/error.log" "${FRAPPE_MARIADB_SETTINGS[@]}" "$@" && return 0
	echo "services: MariaDB did not start on port $port (see $datadir/error.log)" >&2
	return 1
}

stop_mariadb() {
	mariadb-admin --no-defaults --socket="$1" -uroot shutdown >/dev/null 2>&1 || true
}
