#!/usr/bin/env bash
# Runbook: ./scripts/deployment-monitor.sh monitor --environment production --api-url URL --duration 600 --check-interval 30
#          ./scripts/deployment-monitor.sh status | history | circuit-breaker [--reset]
set -euo pipefail
source "$(dirname "$0")/_buywhere.sh"
sub=${1:-status}
shift || true
buywhere deploy "$sub" "$@"
