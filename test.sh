#!/usr/bin/env bash
# Runs every test suite of CallVault. On a fresh Debian machine (as root) it first installs what
# the suites need; it starts any loopback service they use and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }

# 1. Debian packages: ffmpeg (audio fixtures and transcoding), sox and espeak-ng (spoken test audio),
#    chromium (the dashboard's browser tests, driven by Playwright).
missing=()
for pair in ffmpeg:ffmpeg ffprobe:ffmpeg sox:sox espeak-ng:espeak-ng chromium:chromium; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair##*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  if [ "$(id -u)" = 0 ]; then
    log "Installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing tools: ${missing[*]}. Install them (apt-get install ${missing[*]}) or run as root." >&2
    exit 1
  fi
fi

# 2. .NET local tools, if the repository pins any.
if [ -f .config/dotnet-tools.json ]; then
  dotnet tool restore
fi

# >>> S3-compatible test server (s3rver) for the storage suites >>>
# Installs the pinned npm tools when missing, starts s3rver on a free loopback port with a temporary
# data folder, and exports where it is; stop_s3rver (in the EXIT trap) stops it and deletes the folder.
s3rver_pid=""
s3rver_dir=""
stop_s3rver() {
  if [ -n "$s3rver_pid" ]; then
    kill "$s3rver_pid" 2>/dev/null || true
    wait "$s3rver_pid" 2>/dev/null || true
  fi
  if [ -n "$s3rver_dir" ]; then
    rm -rf "$s3rver_dir"
  fi
}
trap stop_s3rver EXIT
if [ ! -x tools/node_modules/.bin/s3rver ]; then
  log "Installing test tools (npm ci --prefix tools)"
  npm ci --prefix tools --no-audit --no-fund
fi
s3rver_dir=$(mktemp -d -t callvault-s3rver.XXXXXX)
mkdir "$s3rver_dir/data"
s3rver_port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});')
# --openssl-legacy-provider: s3rver's paged listing fails on current Node without it.
NODE_OPTIONS=--openssl-legacy-provider tools/node_modules/.bin/s3rver \
  -d "$s3rver_dir/data" -a 127.0.0.1 -p "$s3rver_port" -s >"$s3rver_dir/s3rver.log" 2>&1 &
s3rver_pid=$!
for _ in $(seq 1 150); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$s3rver_port") 2>/dev/null; then
    break
  fi
  if ! kill -0 "$s3rver_pid" 2>/dev/null; then
    echo "s3rver exited:" >&2
    cat "$s3rver_dir/s3rver.log" >&2
    exit 1
  fi
  sleep 0.1
done
if ! (exec 3<>"/dev/tcp/127.0.0.1/$s3rver_port") 2>/dev/null; then
  echo "s3rver did not answer on 127.0.0.1:$s3rver_port" >&2
  exit 1
fi
export CALLVAULT_TEST_S3_SERVICE_URL="http://127.0.0.1:$s3rver_port"
export CALLVAULT_TEST_S3_ACCESS_KEY=S3RVER CALLVAULT_TEST_S3_SECRET_KEY=S3RVER
export CALLVAULT_TEST_S3_BUCKET_PREFIX=callvault-test
log "s3rver listening on $CALLVAULT_TEST_S3_SERVICE_URL"
# <<< S3-compatible test server (s3rver) <<<

# >>> PostgreSQL test server for the second run of the database suites >>>
# Installs Debian's postgresql when missing, starts a throw-away cluster on a free loopback port in a
# temporary folder (as the postgres user when run as root: PostgreSQL refuses to run as root), and
# exports its connection string; stop_postgres (in the EXIT trap) stops it and deletes the folder.
pg_dir=""
pg_bin=""
stop_postgres() {
  if [ -n "$pg_dir" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "$pg_dir" ]; then
    rm -rf "$pg_dir"
  fi
}
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
trap 'stop_s3rver; stop_postgres' EXIT
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ]; then
  if [ "$(id -u)" = 0 ]; then
    log "Installing postgresql"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  else
    echo "PostgreSQL is missing. Install it (apt-get install postgresql) or run as root." >&2
    exit 1
  fi
fi
pg_dir=$(mktemp -d -t callvault-postgres.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
pg_port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});')
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --encoding=UTF8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; exit 1; }
# fsync off: a throw-away cluster needs no durability, and the suites create many databases.
if ! as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w -t 60 start \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
  echo "PostgreSQL did not start:" >&2
  cat "$pg_dir/postgres.log" >&2
  exit 1
fi
export CALLVAULT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
log "PostgreSQL listening on 127.0.0.1:$pg_port"
# <<< PostgreSQL test server <<<

# 3. Build once, then run every test project.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "Building"
dotnet build CallVault.slnx -c Release -nologo -v quiet

log "Testing"
results=$(mktemp)
trap 'rm -f "$results"; stop_s3rver; stop_postgres' EXIT
status=0
# Everything on SQLite; tests traited Database=postgres (among them the three-instance test,
# ScaleOut.MultiInstanceTests in the Web suite) run only in the PostgreSQL pass below.
dotnet test CallVault.slnx -c Release --no-build -nologo --filter "Database!=postgres" 2>&1 | tee "$results" || status=$?

# The database suites once more, on PostgreSQL: every repository and integration test on both databases.
log "Testing on PostgreSQL"
for project in tests/CallVault.Infrastructure.Tests tests/CallVault.Web.Tests; do
  # SQLite-only tests (file locks, WAL) and the storage suite (no database) ran once above.
  CALLVAULT_TEST_DATABASE=postgres dotnet test "$project" -c Release --no-build -nologo \
    --filter "Database!=sqlite&FullyQualifiedName!~.Tests.Storage." 2>&1 | tee -a "$results" || status=$?
done

# One closing line for any reader: "N passed, N failed".
passed=$(grep -Eo 'Passed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
echo
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
