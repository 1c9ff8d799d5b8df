#!/usr/bin/env bash
# Builds the load tool and the sample host it starts (Release), then runs every benchmark case.
#   bash benchmarks/run.sh            # full mode: the table, JSON and plots go beside BENCHMARKS.md
#   bash benchmarks/run.sh --quick    # CI smoke run: fails only if a case cannot run, asserts no timings
# Any other arguments go to the tool (see benchmarks/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
exec dotnet run -c Release --project benchmarks/Microchat.LoadTest -- "$@"
