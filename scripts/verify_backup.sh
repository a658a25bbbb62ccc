#!/usr/bin/env bash
# Runbook wrapper: verify_backup.sh verify [all|latest|hourly|daily|weekly|FILE]
# Exit status is non-zero when any backup fails; writes backup_verification.prom
# (BACKUP_VERIFICATION_PROM) for node_exporter's textfile collector.
set -euo pipefail
. "$(dirname "$0")/_buywhere.sh"
case "${1:-verify}" in
  verify) buywhere backup verify "${2:-all}" "${@:3}" ;;
  *) buywhere backup verify "$@" ;;
esac
