#!/usr/bin/env bash
# Regenerates test/intercept/oracle/expected.json from Intercept itself: builds Intercept's own
# internal/config, internal/engine and internal/conv (at the pinned commit, with yaml.v3 v3.0.1)
# together with test/intercept/oracle/harness/main.go, and runs that over test/intercept/cases/.
#
#   scripts/intercept-oracle.sh                 # clones Intercept from GitHub into a temp folder
#   scripts/intercept-oracle.sh --source DIR    # or reads it from a checkout or bare git dir
#
# Needs Go and git. Not part of `npm test`; afterwards `git diff test/intercept/oracle/` shows changes.
set -euo pipefail

COMMIT=77f042909607bfca53837d6d5921c5a40c2c1dc6
URL=https://github.com/PolicyLayer/Intercept
DEBIAN_YAML=/usr/share/gocode/src/gopkg.in/yaml.v3 # Debian's golang-gopkg-yaml.v3-dev (v3.0.1)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/test/intercept/oracle/expected.json

source=""
while [ $# -gt 0 ]; do
  case $1 in
    --source) source=$(cd "${2:?--source needs a folder}" && pwd); shift 2 ;;
    *) echo "usage: $0 [--source INTERCEPT_CHECKOUT_OR_GIT_DIR]" >&2; exit 2 ;;
  esac
done

# Prerequisites, one line each.
command -v git >/dev/null || { echo "git is missing: install it (Debian: apt-get install git)" >&2; exit 1; }
command -v go >/dev/null || { echo "go is missing: install Go 1.19+ (Debian: apt-get install golang-go golang-gopkg-yaml.v3-dev)" >&2; exit 1; }

# The committed file was made with Go 1.19; Go 1.22+ words one regexp error differently.
case $(go version) in *" go1.19"*) ;; *) echo "note: not Go 1.19, so regex-rules.yaml's message may differ" >&2 ;; esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. Intercept's git history: the given one, or just the pinned commit fetched from GitHub.
if [ -n "$source" ]; then
  gitdir=$(git -C "$source" rev-parse --absolute-git-dir)
else
  gitdir=$work/intercept.git
  git init -q --bare "$gitdir"
  git --git-dir="$gitdir" fetch -q --depth 1 "$URL" "$COMMIT" ||
    { echo "could not fetch $URL at $COMMIT: check the network, or pass --source DIR" >&2; exit 1; }
fi

git --git-dir="$gitdir" cat-file -e "$COMMIT^{commit}" 2>/dev/null ||
  { echo "$gitdir has no commit $COMMIT: git fetch it there, or omit --source" >&2; exit 1; }

# 2. A module named like Intercept's (its internal packages import only from inside it), holding
#    the three packages at the pinned commit and the harness.
mod=$work/intercept
mkdir -p "$mod/cmd/oracle"
git --git-dir="$gitdir" archive "$COMMIT" internal/config internal/engine internal/conv | tar -x -C "$mod"
rm -f "$mod"/internal/*/*_test.go
cp "$ROOT/test/intercept/oracle/harness/main.go" "$mod/cmd/oracle/"
printf 'module github.com/policylayer/intercept\n\ngo 1.19\n\nrequire gopkg.in/yaml.v3 v3.0.1\n' >"$mod/go.mod"
# Intercept's own checksums for yaml.v3 and the module its go.mod names, used when Go downloads them.
git --git-dir="$gitdir" show "$COMMIT:go.sum" | grep -E '^gopkg\.in/(yaml\.v3|check\.v1) ' >"$mod/go.sum"

# 3. yaml.v3 v3.0.1: Debian's copy when installed, offline; otherwise the Go toolchain fetches it.
if [ -d "$DEBIAN_YAML" ]; then
  echo "replace gopkg.in/yaml.v3 => $DEBIAN_YAML" >>"$mod/go.mod"
  export GOFLAGS=-mod=mod GOPROXY=off
fi

# 4. Build, run over every case, and replace expected.json only if all of that worked.
(cd "$mod" && go build -o "$work/oracle" ./cmd/oracle)
"$work/oracle" "$ROOT/test/intercept/cases" >"$work/expected.json"
mv "$work/expected.json" "$OUT"
echo "wrote ${OUT#"$ROOT"/} with $(go version | cut -d' ' -f3) from Intercept $COMMIT"
