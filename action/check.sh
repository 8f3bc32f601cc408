#!/usr/bin/env bash
# The step of the bestpractices GitHub Action (action.yml), usable as a plain
# CI step too: installs bestpractices, runs `bestpractices check`, and writes
# the Markdown progress report to $GITHUB_STEP_SUMMARY when there is one.
#
# Inputs are environment variables (INPUT_LEVEL, INPUT_STRICT, ...; see
# action.yml). Exit status: 0 the level is achieved (and, with json-in-sync,
# .bestpractices.json is up to date), 1 it is not, 2 bad input or a failed
# install (a download whose SHA-256 does not match is never run).
set -uo pipefail

level=${INPUT_LEVEL:-passing}
strict=${INPUT_STRICT:-false}
json_in_sync=${INPUT_JSON_IN_SYNC:-false}
file=${INPUT_FILE:-}
lang=${INPUT_LANG:-en}
summary=${INPUT_SUMMARY:-true}
sarif=${INPUT_SARIF:-}
version=${INPUT_VERSION:-}
install=${INPUT_INSTALL:-auto}
release_url=${INPUT_RELEASE_URL:-https://github.com/bestpractices/bestpractices/releases/download}
action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}
module=github.com/bestpractices/bestpractices

fail() { # message: bad input or a failed install
  echo "::error title=bestpractices::$1"
  emit 2
}

emit() { # exit with status $1, recorded as the step's output
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "exit-code=$1" >>"$GITHUB_OUTPUT"; fi
  exit "$1"
}

boolean() { # name value
  case $2 in
    true | false) ;;
    *) fail "input $1 must be true or false, not \"$2\"" ;;
  esac
}
boolean strict "$strict"
boolean json-in-sync "$json_in_sync"
boolean summary "$summary"

# A version: the input, else the action's own ref when it is a release tag.
if [ -z "$version" ]; then
  case ${ACTION_REF:-} in v[0-9]*.[0-9]*.[0-9]*) version=$ACTION_REF ;; esac
fi
if [ -n "$version" ] && ! [[ $version =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  fail "input version must be a release such as v1.2.3, not \"$version\""
fi
if [ "$install" = auto ]; then
  if [ -n "$version" ]; then install=release; else install=source; fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

sha256() { # file: its SHA-256, with the tool the runner has
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  else
    shasum -a 256 "$1" | cut -d ' ' -f 1
  fi
}

case $install in
  release)
    [ -n "$version" ] || fail "install: release needs a version (input version)"
    case ${RUNNER_OS:-$(uname -s)} in
      Linux) os=linux ;;
      macOS | Darwin) os=darwin ;;
      Windows | MINGW* | MSYS*) os=windows ;;
      *) fail "no release for this runner's system (${RUNNER_OS:-$(uname -s)})" ;;
    esac
    case ${RUNNER_ARCH:-$(uname -m)} in
      X64 | x86_64 | amd64) arch=amd64 ;;
      ARM64 | arm64 | aarch64) arch=arm64 ;;
      *) fail "no release for this runner's architecture (${RUNNER_ARCH:-$(uname -m)})" ;;
    esac
    asset=bestpractices_${version}_${os}_${arch}
    if [ "$os" = windows ]; then asset=$asset.exe; fi
    curl -fsSL --retry 3 -o "$tmp/SHA256SUMS" "$release_url/$version/SHA256SUMS" ||
      fail "could not download $release_url/$version/SHA256SUMS"
    curl -fsSL --retry 3 -o "$tmp/$asset" "$release_url/$version/$asset" ||
      fail "could not download $release_url/$version/$asset"
    want=$(awk -v name="$asset" '$2 == name || $2 == "*" name { print $1 }' "$tmp/SHA256SUMS")
    got=$(sha256 "$tmp/$asset")
    if [ -z "$want" ] || [ "$want" != "$got" ]; then
      fail "the SHA-256 of $asset ($got) is not the one SHA256SUMS lists (${want:-none}): not running it"
    fi
    chmod +x "$tmp/$asset"
    bin=$tmp/$asset
    ;;
  go)
    GOBIN=$tmp go install "$module/cmd/bestpractices@${version:-latest}" || fail "go install $module/cmd/bestpractices@${version:-latest} failed"
    bin=$tmp/bestpractices
    ;;
  source)
    (cd "$action_path" && go build -trimpath -o "$tmp/bestpractices" ./cmd/bestpractices) ||
      fail "could not build bestpractices from $action_path"
    bin=$tmp/bestpractices
    ;;
  path)
    bin=$(command -v bestpractices) || fail "bestpractices is not on PATH"
    ;;
  *)
    fail "input install must be auto, release, go, source or path, not \"$install\""
    ;;
esac

common=(--lang "$lang")
if [ -n "$file" ]; then common+=(--file "$file"); fi
args=(check --level "$level" "${common[@]}")
if [ "$strict" = true ]; then args+=(--strict); fi

"$bin" --version
"$bin" "${args[@]}" >"$tmp/check.txt" 2>&1
code=$?
if [ "$code" -ne 2 ] && [ "$json_in_sync" = true ]; then
  "$bin" check --json-in-sync "${common[@]}" >>"$tmp/check.txt" 2>&1
  sync=$?
  if [ "$sync" -gt "$code" ]; then code=$sync; fi
fi
cat "$tmp/check.txt"

if [ -n "$sarif" ] && [ "$code" -ne 2 ]; then
  sarif_args=(check --format sarif --level "$level" "${common[@]}")
  if [ "$strict" = true ]; then sarif_args+=(--strict); fi
  "$bin" "${sarif_args[@]}" >"$tmp/check.sarif" 2>/dev/null
  if [ $? -eq 2 ]; then fail "could not write the SARIF log"; fi
  # Written apart, then copied: a redirect into a missing directory fails
  # in the shell, before the command runs, with the check's status.
  cp "$tmp/check.sarif" "$sarif" 2>/dev/null || fail "could not write the SARIF log to $sarif (does its directory exist?)"
fi

if [ "$summary" = true ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  {
    "$bin" status --format markdown "${common[@]}" 2>/dev/null
    echo
    # An indented block: nothing from the answers file can end it early.
    sed 's/^/    /' "$tmp/check.txt"
    echo
  } >>"$GITHUB_STEP_SUMMARY"
fi
emit "$code"
