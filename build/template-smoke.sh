#!/usr/bin/env bash
# Packs the libraries into a throw-away feed, installs the `dotnet new` template from
# templates/microchat-server, creates a project from it and builds it against that feed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d)
version="0.1.0-smoke.$(date +%s)"
trap 'dotnet new uninstall "$root/templates/microchat-server" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

for project in Microchat.Abstractions Microchat.Server Microchat.Storage.LiteDb Microchat.Storage.PostgreSql; do
  dotnet pack "$root/src/$project" -c Release -o "$work/feed" -p:Version="$version" --nologo -v quiet
done
dotnet new install "$root/templates/microchat-server" --force >/dev/null
dotnet new microchat-server -o "$work/app" -n ChatApp --MicrochatVersion "$version" >/dev/null
cat > "$work/app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="smoke" value="$work/feed" />
  </packageSources>
</configuration>
XML
dotnet build "$work/app" --nologo -v quiet
echo "template smoke: a project made by 'dotnet new microchat-server' builds against Microchat $version"

# The PostgreSQL variant: same feed, the other store.
dotnet new microchat-server -o "$work/app-pg" -n ChatAppPg --MicrochatVersion "$version" --storage postgresql >/dev/null
cp "$work/app/nuget.config" "$work/app-pg/nuget.config"
grep -q 'UsePostgreSql' "$work/app-pg/Program.cs"
dotnet build "$work/app-pg" --nologo -v quiet
echo "template smoke: 'dotnet new microchat-server --storage postgresql' builds too"
