#!/usr/bin/env bash
# Runbook wrapper (R33):
#   failover_replica.sh --check-only        primary/replica reachability, role, lag, slots
#   failover_replica.sh --promote [--force] promote DATABASE_REPLICA_URL (refuses while the old
#                                           primary still answers unless --force)
set -euo pipefail
. "$(dirname "$0")/_buywhere.sh"
case "${1:-}" in
  --check-only|--check|check) buywhere replication status --check-only "${@:2}" ;;
  --promote|promote) buywhere replication promote "${@:2}" ;;
  *) sed -n '2,5p' "$0" >&2; exit 2 ;;
esac
