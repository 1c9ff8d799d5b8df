#!/usr/bin/env bash
# Builds the load tool and the sample host in Release, then runs every benchmark case.
#   bash benchmarks/run.sh            # full mode: writes BENCHMARKS results and plots beside BENCHMARKS.md
#   bash benchmarks/run.sh --quick    # CI smoke run (a few minutes): fails only if a case cannot run
# Any other arguments go to the tool (see benchmarks/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build -c Release --nologo -v q samples/Microchat.Sample.Host/Microchat.Sample.Host.csproj
dotnet build -c Release --nologo -v q benchmarks/Microchat.LoadTest/Microchat.LoadTest.csproj
exec dotnet run -c Release --no-build --project benchmarks/Microchat.LoadTest -- --no-build "$@"
