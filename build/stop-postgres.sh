#!/usr/bin/env bash
# Stops the cluster build/start-postgres.sh started (its variables must be in the environment).
set -euo pipefail
if [ -n "${MICROCHAT_PG_DATA:-}" ] && [ -d "$MICROCHAT_PG_DATA" ]; then
  su postgres -c "$MICROCHAT_PG_CTL -D '$MICROCHAT_PG_DATA' -m immediate stop" >/dev/null || true
  rm -rf "$(dirname "$MICROCHAT_PG_DATA")" "$(dirname "$MICROCHAT_PG_DATA").pw"
fi
