#!/usr/bin/env bash
# Packs the solution into a local folder feed and uses it as a stranger would, outside the
# repository: installs the template from its package, makes a project, builds it against the
# feed, starts it on 127.0.0.1, registers and logs in over HTTP with curl, and runs a console
# project that references Microchat.Client from the feed against it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d)
# A version no cache has seen, so restore takes these packages and not an older 0.1.0.
version="0.1.0-ci.$(date +%s)"
hive="$work/hive"
port=$((20000 + RANDOM % 20000))
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== pack Microchat $version"
dotnet pack "$root/Microchat.sln" -c Release -o "$work/feed" -p:Version="$version" --nologo -v quiet -warnaserror
ls "$work/feed"

cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML

echo "== install the template from its package and make a project"
cd "$work"
dotnet new install "$work/feed/Microchat.Templates.$version.nupkg" --debug:custom-hive "$hive"
dotnet new microchat-server -o ChatApp --MicrochatVersion "$version" --debug:custom-hive "$hive"
test -f ChatApp/.gitignore && test -f ChatApp/README.md
dotnet build ChatApp --nologo -v quiet

echo "== start it on 127.0.0.1:$port"
(cd ChatApp && exec dotnet bin/Debug/net10.0/ChatApp.dll --urls "http://127.0.0.1:$port") > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1; then break; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/health"; echo

echo "== register and log in over HTTP"
curl -fsS -X POST "http://127.0.0.1:$port/api/users" -H 'Content-Type: application/json' \
  -d '{"alias":"alice","password":"correct horse battery","name":"Alice"}'; echo
token=$(curl -fsS -X POST "http://127.0.0.1:$port/api/auth/tokens" -H 'Content-Type: application/json' \
  -d '{"login":"alice","password":"correct horse battery","name":"package test"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
test -n "$token"
curl -fsS "http://127.0.0.1:$port/api/chats" -H "Authorization: Bearer $token"; echo
curl -fsS -o /dev/null "http://127.0.0.1:$port/scalar"
# The web chat page is served at / (its login form, by its test hooks).
curl -fsS "http://127.0.0.1:$port/" | grep -q 'data-test="login-alias"'
curl -fsS -o /dev/null "http://127.0.0.1:$port/app.js"

echo "== a console project with Microchat.Client from the feed"
dotnet new console -o ChatConsole --debug:custom-hive "$hive" > /dev/null
dotnet add ChatConsole package Microchat.Client --version "$version" > /dev/null
cat > ChatConsole/Program.cs <<'CS'
using Microchat.Client;
using Microchat.Contracts;

var client = new MicrochatClient(new HttpClient { BaseAddress = new Uri(args[0]) });
await client.Auth.LoginAsync(new CreateTokenRequest("alice", "correct horse battery", "console"));
var sent = await client.Messages.SendAsync("@alice", new SendMessageRequest("Saved from the console"));
var chats = await client.Chats.ListAsync();
Console.WriteLine($"sent message {sent.Id}; {chats.Count} chat(s); last: {chats[0].LastMessage?.Text}");
if (chats[0].LastMessage?.Text != "Saved from the console") return 1;
return 0;
CS
dotnet run --project ChatConsole -- "http://127.0.0.1:$port/api/"

echo "== the PostgreSQL variant of the template builds against the same feed"
dotnet new microchat-server -o ChatAppPg --MicrochatVersion "$version" --storage postgresql --debug:custom-hive "$hive"
grep -q UsePostgreSql ChatAppPg/Program.cs
dotnet build ChatAppPg --nologo -v quiet

echo "package test: the packed template and Microchat.Client $version work outside the repository"
