#!/usr/bin/env python3
"""Adds the symbols the PublicApiAnalyzer reports as undeclared (RS0016) to each project's
PublicAPI.Unshipped.txt, and removes the ones it reports as gone (RS0017). Feed it a build log:
    dotnet build 2>&1 | python3 build/update-public-api.py"""
import os, re, sys
added, removed = {}, {}
for line in sys.stdin:
    m = re.search(r"error (RS001[67]): Symbol '(.+?)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*\[(.+?\.csproj)\]", line)
    if not m: continue
    code, symbol, project = m.groups()
    (added if code == "RS0016" else removed).setdefault(os.path.dirname(project), set()).add(symbol)
for folder in set(added) | set(removed):
    path = os.path.join(folder, "PublicAPI.Unshipped.txt")
    lines = open(path).read().splitlines() if os.path.exists(path) else ["#nullable enable"]
    lines = [l for l in lines if l not in removed.get(folder, set())]
    lines += sorted(s for s in added.get(folder, set()) if s not in lines)
    header = [l for l in lines if l.startswith("#")]
    body = sorted(set(l for l in lines if l and not l.startswith("#")))
    open(path, "w").write("\n".join(header + body) + "\n")
    print(f"{path}: +{len(added.get(folder, ()))} -{len(removed.get(folder, ()))}")
