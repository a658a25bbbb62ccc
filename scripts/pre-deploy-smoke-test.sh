#!/usr/bin/env bash
# Runbook: ./scripts/pre-deploy-smoke-test.sh --base-url https://api-staging.buywhere.io
set -euo pipefail
source "$(dirname "$0")/_buywhere.sh"
buywhere smoke-test "$@"
