#!/usr/bin/env bash
# Runbook wrapper (disaster-recovery runbook):
#   backup.sh backup hourly|daily|weekly      take a backup (then apply retention)
#   backup.sh list [TIER] [--json]            list backups, newest first
#   backup.sh prune [TIER]                    apply retention 24/7/4
#   backup.sh verify [all|latest|TIER|FILE]   checksum + scratch restore
#   backup.sh restore FILE [catalog|us_catalog|<cc>_catalog] [--yes]
#                                             full restore, or one market (us_catalog = US only)
set -euo pipefail
. "$(dirname "$0")/_buywhere.sh"
cmd="${1:-}"
shift || true
case "$cmd" in
  backup|create) buywhere backup create "${1:-hourly}" "${@:2}" ;;
  list) buywhere backup list "$@" ;;
  prune) buywhere backup prune "$@" ;;
  verify) buywhere backup verify "${1:-latest}" "${@:2}" ;;
  restore)
    file="${1:?usage: backup.sh restore FILE [catalog|us_catalog] [--yes]}"
    scope="${2:-catalog}"
    case "$scope" in
      --*) buywhere backup restore "$file" "${@:2}" ;;
      catalog|full) buywhere backup restore "$file" "${@:3}" ;;
      *_catalog) buywhere backup restore "$file" --market "${scope%_catalog}" "${@:3}" ;;
      *) echo "unknown restore scope '$scope': use catalog or <country>_catalog" >&2; exit 2 ;;
    esac
    ;;
  *) sed -n '2,9p' "$0" >&2; exit 2 ;;
esac
