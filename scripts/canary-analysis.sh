#!/usr/bin/env bash
# Runbook: ./scripts/canary-analysis.sh --namespace production --duration 300
# The canary and the stable service are compared by URL: pass --baseline/--canary or set
# BASELINE_URL / CANARY_URL (for Kubernetes: the stable and preview Services).
set -euo pipefail
source "$(dirname "$0")/_buywhere.sh"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --namespace) shift 2 ;;  # the URLs identify the deployments; kept for runbook compatibility
    *) args+=("$1"); shift ;;
  esac
done
has() { local f; for f in "${args[@]}"; do [ "$f" = "$1" ] && return 0; done; return 1; }
if ! has --baseline; then args+=(--baseline "${BASELINE_URL:?set BASELINE_URL or pass --baseline}"); fi
if ! has --canary; then args+=(--canary "${CANARY_URL:?set CANARY_URL or pass --canary}"); fi
buywhere canary "${args[@]}"
