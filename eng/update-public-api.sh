#!/usr/bin/env bash
# Records every new public symbol of a project in its PublicAPI.Unshipped.txt (RS0016), and drops
# entries for symbols that no longer exist (RS0017). Review the diff: it is the public API change.
# Usage: eng/update-public-api.sh src/Engagement.Rules.Engine
set -euo pipefail
project=${1:?project folder}
for round in 1 2 3; do
  log=$(dotnet build "$project" -c Debug --no-incremental -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= 2>&1 || true)
  added=$(grep -oP "RS0016: Symbol '\K.*?(?=' is not part of the declared public API)" <<<"$log" | sort -u || true)
  removed=$(grep -oP "RS0017: Symbol '\K.*?(?=' is part of the declared API)" <<<"$log" | sort -u || true)
  [ -z "$added$removed" ] && break
  file="$project/PublicAPI.Unshipped.txt"
  if [ -n "$removed" ]; then
    while IFS= read -r sym; do grep -vxF -- "$sym" "$file" >"$file.tmp" || true; mv "$file.tmp" "$file"; done <<<"$removed"
  fi
  if [ -n "$added" ]; then printf '%s\n' "$added" >>"$file"; fi
  { head -n1 "$file"; tail -n +2 "$file" | sort -u; } >"$file.tmp" && mv "$file.tmp" "$file"
done
grep -E "error|warning" <<<"$log" | grep -v -E "RS001[67]" | sort -u | head -20 || true
