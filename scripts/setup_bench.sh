#!/usr/bin/env bash
# Bring up a development bench for thi_dua_app: Frappe from a given source and branch, a site
# with the app installed, the 2017 demo bloc loaded and (unless --no-start) the desk on a port.
#
#   scripts/setup_bench.sh [--frappe-path URL|DIR] [--frappe-branch BRANCH] [--bench-dir DIR]
#                          [--site NAME] [--port N] [--no-demo] [--no-start]
#
# Defaults: the official upstream https://github.com/frappe/frappe, branch version-15, bench in
# $THI_DUA_BENCH (or ~/thi-dua-bench), site thidua.localhost, port 8000. MariaDB (127.0.0.1:3306,
# root over the socket) and Redis (127.0.0.1:6379) are installed from Debian's packages when
# missing and started when down (scripts/services.sh). Every step is idempotent: running the
# script again reuses what exists.
set -euo pipefail

APP_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FRAPPE_PATH=${FRAPPE_PATH:-https://github.com/frappe/frappe}
FRAPPE_BRANCH=${FRAPPE_BRANCH:-version-15}
BENCH_DIR=${THI_DUA_BENCH:-${HOME:-/root}/thi-dua-bench}
SITE=${THI_DUA_SITE:-thidua.localhost}
PORT=${THI_DUA_PORT:-8000}
LOAD_DEMO=1
START=1
# A MariaDB account that may create databases; made once through the root socket login.
DB_ADMIN_USER=${THI_DUA_DB_ADMIN_USER:-thidua_admin}
DB_ADMIN_PASSWORD=${THI_DUA_DB_ADMIN_PASSWORD:-thidua_admin}
ADMIN_PASSWORD=${THI_DUA_ADMIN_PASSWORD:-admin}

while [ $# -gt 0 ]; do
	case "$1" in
		--frappe-path) FRAPPE_PATH=$2; shift 2 ;;
		--frappe-branch) FRAPPE_BRANCH=$2; shift 2 ;;
		--bench-dir) BENCH_DIR=$2; shift 2 ;;
		--site) SITE=$2; shift 2 ;;
		--port) PORT=$2; shift 2 ;;
		--no-demo) LOAD_DEMO=0; shift ;;
		--no-start) START=0; shift ;;
		-h|--help) sed -n 2,11p "$0"; exit 0 ;;
		*) echo "setup_bench: unknown option $1" >&2; exit 2 ;;
	esac
done

log() { printf '\n==> %s\n' "$*"; }
# shellcheck source=services.sh
source "$APP_DIR/scripts/services.sh"
# A Python installed with pyenv (as on these machines) keeps its commands, bench among them, here.
[ -d "${HOME:-/root}/.pyenv/shims" ] && PATH="${HOME:-/root}/.pyenv/shims:$PATH"
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3

# PDFs need wkhtmltopdf, and a Times-metric face with every Vietnamese glyph (Tinos) where
# Times New Roman itself is not installed.
ensure_system_packages() {
	local missing=()
	command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
	fc-list 2>/dev/null | grep -qiE "Times New Roman|Tinos" || missing+=(fonts-croscore)
	[ ${#missing[@]} -eq 0 ] && return
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		log "Installing ${missing[*]}"
		apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	else
		echo "setup_bench: please install ${missing[*]} (PDF printing needs them)" >&2
	fi
}

ensure_tools() {
	command -v bench >/dev/null || "$PY" -m pip install --quiet "frappe-bench>=5.22"
	command -v yarn >/dev/null || npm install --global --silent yarn
	command -v git >/dev/null || { echo "setup_bench: git is required" >&2; exit 1; }
	log "MariaDB and Redis"
	ensure_redis || { echo "setup_bench: Redis is not answering on 127.0.0.1:6379 and could not be started" >&2; exit 1; }
	ensure_mariadb || { echo "setup_bench: MariaDB is not answering and could not be started" >&2; exit 1; }
	mariadb -uroot -e "select 1" >/dev/null || { echo "setup_bench: MariaDB root login over the socket failed" >&2; exit 1; }
	mariadb -uroot -e "CREATE USER IF NOT EXISTS '$DB_ADMIN_USER'@'localhost' IDENTIFIED BY '$DB_ADMIN_PASSWORD';
		GRANT ALL PRIVILEGES ON *.* TO '$DB_ADMIN_USER'@'localhost' WITH GRANT OPTION;
		CREATE USER IF NOT EXISTS '$DB_ADMIN_USER'@'127.0.0.1' IDENTIFIED BY '$DB_ADMIN_PASSWORD';
		GRANT ALL PRIVILEGES ON *.* TO '$DB_ADMIN_USER'@'127.0.0.1' WITH GRANT OPTION;"
}

# Python requirements of the framework, installed from the package index. A requirement pinned
# to a git URL (the framework pins forks of some packages) falls back to the same package from
# the index when the git host cannot be reached.
install_framework_python() {
	local pip="$BENCH_DIR/env/bin/pip"
	"$pip" install --quiet --upgrade pip "setuptools<81" wheel
	if "$pip" install --quiet -e "$BENCH_DIR/apps/frappe"; then
		return
	fi
	log "Direct install failed; installing the framework's requirements from the package index"
	"$BENCH_DIR/env/bin/python" - "$BENCH_DIR/apps/frappe/pyproject.toml" >"$BENCH_DIR/framework-requirements.txt" <<-'PY'
		import re, sys, tomllib
		project = tomllib.load(open(sys.argv[1], "rb"))["project"]
		for req in project["dependencies"]:
		    match = re.match(r"^\s*([A-Za-z0-9_.\-\[\]]+)\s*@\s*git\+", req)
		    print(match.group(1) if match else req)
	PY
	"$pip" install --quiet -r "$BENCH_DIR/framework-requirements.txt"
	"$pip" install --quiet --no-deps -e "$BENCH_DIR/apps/frappe"
}

# Node packages of the framework, as its yarn.lock pins them. A package pinned to a git host that
# cannot be reached is taken from the npm registry at the version the lock file records, through
# a copy of package.json and yarn.lock outside the framework.
install_framework_node() {
	local frappe="$BENCH_DIR/apps/frappe"
	if (cd "$frappe" && yarn install --frozen-lockfile --check-files --non-interactive --network-timeout 600000 >/dev/null 2>&1); then
		return
	fi
	log "yarn install failed; resolving git-hosted packages from the npm registry"
	local tmp
	tmp=$(mktemp -d)
	cp "$frappe/yarn.lock" "$tmp/yarn.lock"
	"$BENCH_DIR/env/bin/python" - "$frappe/package.json" "$frappe/yarn.lock" "$tmp/package.json" <<-'PY'
		import json, re, sys
		pkg = json.load(open(sys.argv[1]))
		lock = open(sys.argv[2]).read()
		for section in ("dependencies", "devDependencies"):
		    for name, spec in pkg.get(section, {}).items():
		        if spec.startswith(("github:", "git+", "git:")):
		            entry = re.search(r'^"?' + re.escape(f"{name}@{spec}") + r'"?:\n\s+version "([^"]+)"', lock, re.M)
		            if not entry:
		                sys.exit(f"no locked version of {name} in yarn.lock")
		            pkg[section][name] = entry.group(1)
		json.dump(pkg, open(sys.argv[3], "w"), indent=2)
	PY
	(cd "$tmp" && yarn install --non-interactive --ignore-engines --network-timeout 600000 >/dev/null)
	rm -rf "$frappe/node_modules"
	mv "$tmp/node_modules" "$frappe/node_modules"
	rm -rf "$tmp"
}

make_bench() {
	log "Bench $BENCH_DIR (framework from $FRAPPE_PATH, $FRAPPE_BRANCH)"
	mkdir -p "$BENCH_DIR"/{apps,sites,config/pids,logs}
	[ -x "$BENCH_DIR/env/bin/python" ] || "$PY" -m venv "$BENCH_DIR/env"
	if [ ! -d "$BENCH_DIR/apps/frappe/.git" ]; then
		git clone --quiet --depth 1 --branch "$FRAPPE_BRANCH" "$FRAPPE_PATH" "$BENCH_DIR/apps/frappe"
	fi
	"$BENCH_DIR/env/bin/python" -c "import frappe" 2>/dev/null || install_framework_python
	# Each slow step leaves a mark once it succeeded, so an interrupted setup resumes where it stopped.
	if [ ! -f "$BENCH_DIR/.node-installed" ]; then
		install_framework_node
		touch "$BENCH_DIR/.node-installed"
	fi
	[ -f "$BENCH_DIR/patches.txt" ] || : >"$BENCH_DIR/patches.txt"
	[ -f "$BENCH_DIR/sites/apps.txt" ] || printf 'frappe\n' >"$BENCH_DIR/sites/apps.txt"
}

write_config() {
	"$BENCH_DIR/env/bin/python" - "$BENCH_DIR/sites/common_site_config.json" "$PORT" <<-'PY'
		import json, os, sys
		path, port = sys.argv[1], int(sys.argv[2])
		conf = json.load(open(path)) if os.path.exists(path) else {}
		conf.update({
		    "frappe_user": os.environ.get("USER") or "root",
		    "db_host": "127.0.0.1",
		    "redis_cache": "redis://127.0.0.1:6379",
		    "redis_queue": "redis://127.0.0.1:6379",
		    "redis_socketio": "redis://127.0.0.1:6379",
		    "webserver_port": port,
		    "socketio_port": 9000,
		    "developer_mode": 1,
		    "live_reload": False,
		})
		json.dump(conf, open(path, "w"), indent=1, sort_keys=True)
	PY
}

install_app() {
	# The app in the bench is this checkout itself (a link), so tests and the desk run what is here.
	local target="$BENCH_DIR/apps/thi_dua_app"
	if [ "$(readlink -f "$target" 2>/dev/null)" != "$APP_DIR" ]; then
		rm -rf "$target"
		ln -s "$APP_DIR" "$target"
	fi
	"$BENCH_DIR/env/bin/pip" install --quiet --no-build-isolation -e "$APP_DIR" >"$BENCH_DIR/logs/setup-pip-app.log" 2>&1 \
		|| { cat "$BENCH_DIR/logs/setup-pip-app.log" >&2; exit 1; }
	grep -qx thi_dua_app "$BENCH_DIR/sites/apps.txt" || printf 'thi_dua_app\n' >>"$BENCH_DIR/sites/apps.txt"
}

build_assets() {
	if [ ! -f "$BENCH_DIR/.assets-built" ]; then
		log "Building desk assets"
		(cd "$BENCH_DIR" && bench build --app frappe)
		# esbuild reports some errors and still exits 0: check that the desk bundle is there.
		grep -q '"desk.bundle.js"' "$BENCH_DIR/sites/assets/assets.json" 2>/dev/null \
			&& grep -q '"air-datepicker' "$BENCH_DIR/apps/frappe/node_modules/air-datepicker/package.json" \
			|| { echo "setup_bench: building the desk assets failed" >&2; exit 1; }
		touch "$BENCH_DIR/.assets-built"
	fi
	(cd "$BENCH_DIR" && bench build --app thi_dua_app >/dev/null && bench compile-po-to-mo --app thi_dua_app --force >/dev/null)
}

# Run a bench command with its (long, progress-bar) output in a log; show the end of it on failure.
quietly() {
	local log="$BENCH_DIR/logs/setup-$1.log"
	shift
	if ! (cd "$BENCH_DIR" && "$@") >"$log" 2>&1; then
		echo "setup_bench: '$*' failed; the end of $log:" >&2
		tail -c 4000 "$log" | tr '\r' '\n' | tail -n 40 >&2
		exit 1
	fi
}

make_site() {
	local name=$1
	if [ ! -f "$BENCH_DIR/sites/$name/site_config.json" ]; then
		log "Creating site $name"
		quietly "new-site-$name" bench new-site "$name" --db-root-username "$DB_ADMIN_USER" \
			--db-root-password "$DB_ADMIN_PASSWORD" --admin-password "$ADMIN_PASSWORD"
	fi
	if ! (cd "$BENCH_DIR" && bench --site "$name" list-apps 2>/dev/null | grep -q '^thi_dua_app'); then
		log "Installing thi_dua_app on $name"
		quietly "install-$name" bench --site "$name" install-app thi_dua_app
	fi
	log "Migrating $name"
	quietly "migrate-$name" bench --site "$name" migrate
}

ensure_tools
ensure_system_packages
make_bench
write_config
install_app
build_assets
make_site "$SITE"
if [ "$LOAD_DEMO" = 1 ]; then
	log "Loading the 2017 demo bloc"
	(cd "$BENCH_DIR" && bench --site "$SITE" execute thi_dua_app.demo.load_demo)
fi
(cd "$BENCH_DIR" && bench use "$SITE" >/dev/null)

if [ "$START" = 1 ]; then
	log "Desk: http://$SITE:$PORT (or http://127.0.0.1:$PORT) — stop with Ctrl+C"
	cd "$BENCH_DIR" && exec bench --site "$SITE" serve --port "$PORT" --noreload
fi
