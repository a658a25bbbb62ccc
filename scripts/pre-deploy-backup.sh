#!/usr/bin/env bash
# Runbook wrapper (R44):
#   pre-deploy-backup.sh backup     pre-deploy-<timestamp> backup + .rollback_state
#   pre-deploy-backup.sh list       pre-deploy backups
#   pre-deploy-backup.sh restore [--yes]
#                                   restore the backup named in .rollback_state
# The state file is ROLLBACK_STATE_FILE (default $DATA_DIR/.rollback_state, DATA_DIR default ./data).
set -euo pipefail
. "$(dirname "$0")/_buywhere.sh"
state="${ROLLBACK_STATE_FILE:-${DATA_DIR:-./data}/.rollback_state}"
case "${1:-}" in
  backup) buywhere backup pre-deploy ;;
  list) buywhere backup list pre-deploy "${@:2}" ;;
  restore)
    if [ ! -f "$state" ]; then
      echo "no rollback state at $state: run 'pre-deploy-backup.sh backup' before deploying" >&2
      exit 1
    fi
    # shellcheck disable=SC1090
    . "$state"
    echo "rolling back to $BACKUP_ID (taken $BACKUP_CREATED_AT, app $APP_VERSION)"
    buywhere backup restore "$BACKUP_FILE" "${@:2}"
    ;;
  *) sed -n '2,8p' "$0" >&2; exit 2 ;;
esac
