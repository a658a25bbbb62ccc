#!/usr/bin/env bash
# Runbook: API_URL=https://api.buywhere.io ENVIRONMENT=production ./scripts/enhanced-health-check.sh
#          ./scripts/enhanced-health-check.sh --api-url URL --environment production
set -euo pipefail
source "$(dirname "$0")/_buywhere.sh"
buywhere health-check "$@"
