#!/usr/bin/env sh
# Runs the CallVault benchmarks in Release; arguments are passed through (default: all).
# Examples: bench/run.sh            bench/run.sh memory --hours 4            bench/run.sh ingest --duration 30
set -eu
cd "$(dirname "$0")/.."
[ $# -eq 0 ] && set -- all
exec dotnet run -c Release --project bench/CallVault.Bench -- "$@"
