#!/usr/bin/env bash
# Install the Debian packages the test suite needs: Prometheus (promtool),
# Alertmanager (amtool), Chromium and its WebDriver.
#
# Idempotent: packages already installed are skipped, and when nothing is
# missing apt is not touched at all. Runs as root, without stdin, with CI=true.
# Debian's prometheus packages start their daemons from the maintainer scripts;
# a temporary policy-rc.d (exit 101 = "action forbidden") keeps invoke-rc.d from
# starting anything, so the install neither needs systemd nor leaves daemons
# behind.
set -euo pipefail

PACKAGES=(prometheus prometheus-alertmanager chromium chromium-driver)

if [[ "$(id -u)" -ne 0 ]]; then
  echo "install-system-deps: must run as root" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
export APT_LISTCHANGES_FRONTEND=none
export NEEDRESTART_MODE=a

missing=()
for pkg in "${PACKAGES[@]}"; do
  # dpkg-query prints "install ok installed" only for fully configured packages.
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-system-deps: all present (${PACKAGES[*]})"
  exit 0
fi
echo "install-system-deps: installing ${missing[*]}"

policy=/usr/sbin/policy-rc.d
policy_backup=""
if [[ -e "$policy" ]]; then
  policy_backup="$(mktemp)"
  cp -p "$policy" "$policy_backup"
fi
restore_policy() {
  if [[ -n "$policy_backup" ]]; then
    mv -f "$policy_backup" "$policy"
  else
    rm -f "$policy"
  fi
}
trap restore_policy EXIT
printf '#!/bin/sh\nexit 101\n' >"$policy"
chmod 0755 "$policy"

apt-get update -qq </dev/null
apt-get install -y -qq --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  "${missing[@]}" </dev/null >/dev/null

# policy-rc.d forbids starting services; report (never kill: a process of that
# name may belong to someone else) if one is running anyway.
for daemon in prometheus prometheus-alertmanager; do
  if pgrep -x "$daemon" >/dev/null 2>&1; then
    echo "install-system-deps: warning: a $daemon process is running" >&2
  fi
done

for tool in promtool amtool chromium chromedriver; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "install-system-deps: $tool missing after install" >&2
    exit 1
  fi
done
echo "install-system-deps: done"
