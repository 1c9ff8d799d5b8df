#!/usr/bin/env bash
# Lints the committed OpenAPI document with Redocly's recommended rules (pinned version): 0 errors.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
npx --yes @redocly/cli@2.77.0 lint --extends recommended "$root/docs/openapi.json"
