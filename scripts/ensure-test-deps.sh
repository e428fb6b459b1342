#!/usr/bin/env bash
# Makes sure the system programs the tests need are present, before `pnpm test` runs them:
#   - Chromium for the Playwright journeys: $CHROMIUM_PATH, else `chromium` on PATH;
#   - PostgreSQL's server programs for the Postgres half of the store tests: initdb in
#     $FC_TEST_PG_BIN when set (and only there), else on PATH, else /usr/lib/postgresql/*/bin.
# An override (CHROMIUM_PATH, FC_TEST_PG_BIN) that points nowhere fails at once: no package fixes it.
# Whatever is missing comes from Debian: as root with apt-get, it is installed (apt-get update
# once, then install, 3 attempts); otherwise one line says what to run and the script exits 1.
# FC_TEST_DEPS_NO_INSTALL=1 never installs, even as root: it only checks and prints that line.
# When everything is present it only looks at a few paths and returns in milliseconds.
set -euo pipefail

missing_what=()
missing_pkgs=()

misconfigured() {
  echo "fc-fleet: $1; fix or unset it" >&2
  exit 1
}

has_initdb() {
  command -v initdb >/dev/null 2>&1 && return 0
  local candidate
  for candidate in /usr/lib/postgresql/*/bin/initdb; do
    [ -x "$candidate" ] && return 0
  done
  return 1
}

check() {
  missing_what=()
  missing_pkgs=()
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    [ -x "$CHROMIUM_PATH" ] || misconfigured "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"
  elif ! command -v chromium >/dev/null 2>&1; then
    missing_what+=(Chromium)
    missing_pkgs+=(chromium)
  fi
  if [ -n "${FC_TEST_PG_BIN:-}" ]; then
    [ -x "$FC_TEST_PG_BIN/initdb" ] || misconfigured "FC_TEST_PG_BIN=$FC_TEST_PG_BIN has no executable initdb"
  elif ! has_initdb; then
    missing_what+=("PostgreSQL (initdb)")
    missing_pkgs+=(postgresql)
  fi
}

give_up() {
  local what
  what=$(printf '%s and ' "${missing_what[@]}")
  echo "fc-fleet: missing ${what% and }; run: sudo apt-get install -y ${missing_pkgs[*]}" >&2
  exit 1
}

check
[ "${#missing_pkgs[@]}" -eq 0 ] && exit 0

if [ -n "${FC_TEST_DEPS_NO_INSTALL:-}" ] || [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  give_up
fi

echo "fc-fleet: installing ${missing_pkgs[*]} from Debian" >&2
export DEBIAN_FRONTEND=noninteractive
updated=""
for attempt in 1 2 3; do
  if { [ -n "$updated" ] || apt-get update -qq; } && updated=1 &&
    apt-get install -y -qq "${missing_pkgs[@]}" >/dev/null; then
    break
  fi
  if [ "$attempt" -lt 3 ]; then
    echo "fc-fleet: apt attempt $attempt failed; retrying" >&2
    sleep 10
  fi
done

check
[ "${#missing_pkgs[@]}" -eq 0 ] || give_up
