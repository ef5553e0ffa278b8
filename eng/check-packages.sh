#!/usr/bin/env bash
# Packs every library, checks each .nupkg/.snupkg carries README and licence, then builds and runs a tiny
# consumer against the packages from a local folder feed, so a packaging mistake fails CI.
set -euo pipefail
artifacts=${1:?artifacts folder}
root=$(cd "$(dirname "$0")/.." && pwd)
packages="$artifacts/packages"
rm -rf "$packages"; mkdir -p "$packages"
# A version unique to this run: the NuGet cache would otherwise serve a stale package of an earlier run.
suffix="ci.$(date +%Y%m%d%H%M%S)"
version="0.1.0-$suffix"
dotnet pack "$root/Engagement.Rules.sln" -c Release --no-restore -p:VersionPrefix=0.1.0 -p:VersionSuffix="$suffix" -o "$packages" >/dev/null

status=0
for project in "$root"/src/*/*.csproj; do
  id=$(basename "$project" .csproj)
  nupkg="$packages/$id.$version.nupkg"
  if [ ! -f "$nupkg" ]; then echo "error: no package for $id" >&2; status=1; continue; fi
  [ -f "$packages/$id.$version.snupkg" ] || { echo "error: no symbol package for $id" >&2; status=1; }
  listing=$(unzip -l "$nupkg")
  grep -q ' README.md$' <<<"$listing" || { echo "error: $id package has no README.md" >&2; status=1; }
  grep -q ' LICENSE$' <<<"$listing" || { echo "error: $id package has no LICENSE" >&2; status=1; }
done
[ "$status" -eq 0 ] || exit "$status"

consumer=$(mktemp -d)
trap 'rm -rf "$consumer"' EXIT
cp "$root/eng/package-consumer/Program.cs" "$consumer/"
sed "s/@VERSION@/$version/g" "$root/eng/package-consumer/PackageConsumer.csproj.in" >"$consumer/PackageConsumer.csproj"
cat >"$consumer/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
CONFIG
# The consumer must not inherit this repository's build settings.
printf '<Project />\n' >"$consumer/Directory.Build.props"
printf '<Project />\n' >"$consumer/Directory.Packages.props"
(cd "$consumer" && dotnet run -c Release)
