#!/usr/bin/env bash
# Runs every test suite of CallVault. On a fresh Debian machine (as root) it first installs what
# the suites need; it starts any loopback service they use and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }

# 1. Debian packages: ffmpeg (audio fixtures and transcoding), sox and espeak-ng (spoken test audio).
missing=()
for pair in ffmpeg:ffmpeg ffprobe:ffmpeg sox:sox espeak-ng:espeak-ng; do
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

# 3. Build once, then run every test project.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "Building"
dotnet build CallVault.slnx -c Release -nologo -v quiet

log "Testing"
results=$(mktemp)
trap 'rm -f "$results"' EXIT
status=0
dotnet test CallVault.slnx -c Release --no-build -nologo 2>&1 | tee "$results" || status=$?

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
