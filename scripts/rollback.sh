#!/usr/bin/env bash
# Rollback hook examples of the deployment runbook: Kubernetes, Argo Rollouts and ECS forms.
# Usable as the deploy monitor's --rollback-command, e.g. "scripts/rollback.sh quick production".
#   rollback.sh k8s ENV [--revision N] [--annotate MSG]   kubectl rollout undo
#   rollback.sh quick ENV                                  undo to the previous revision
#   rollback.sh k8s-list ENV | k8s-revisions ENV           rollout history
#   rollback.sh k8s-argo ENV | k8s-argo-abort ENV | k8s-argo-pause ENV | k8s-argo-promote ENV | argo-status ENV
#   rollback.sh ecs ENV                                    previous task definition from .rollback_state
#   rollback.sh history                                    rollbacks recorded here
set -euo pipefail
DEPLOYMENT=${DEPLOYMENT:-buywhere-api}
STATE_DIR=${STATE_DIR:-.deployment_state}
HISTORY="$STATE_DIR/rollback_history.log"
cmd=${1:-}; env=${2:-${DEPLOY_ENVIRONMENT:-}}
shift 2 2>/dev/null || shift $# || true
record() { mkdir -p "$STATE_DIR"; printf '%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$env" "$cmd" "$*" >> "$HISTORY"; }
need_env() { [ -n "$env" ] || { echo "usage: rollback.sh $cmd ENVIRONMENT" >&2; exit 2; }; }
case "$cmd" in
  k8s|quick)
    need_env
    revision=""; annotate=""
    while [ $# -gt 0 ]; do case "$1" in --revision) revision=$2; shift 2;; --annotate) annotate=$2; shift 2;; *) shift;; esac; done
    kubectl rollout undo "deployment/$DEPLOYMENT" -n "$env" ${revision:+--to-revision="$revision"}
    [ -n "$annotate" ] && kubectl annotate "deployment/$DEPLOYMENT" -n "$env" --overwrite kubernetes.io/change-cause="$annotate"
    kubectl rollout status "deployment/$DEPLOYMENT" -n "$env" --timeout=600s
    record "revision=${revision:-previous} ${annotate}" ;;
  k8s-list) need_env; kubectl rollout history "deployment/$DEPLOYMENT" -n "$env" ;;
  k8s-revisions) need_env; kubectl get replicasets -n "$env" -l app="$DEPLOYMENT" -o custom-columns=REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,CREATED:.metadata.creationTimestamp,IMAGE:.spec.template.spec.containers[0].image ;;
  k8s-argo) need_env; kubectl argo rollouts undo "$DEPLOYMENT" -n "$env"; record "argo undo" ;;
  k8s-argo-abort) need_env; kubectl argo rollouts abort "$DEPLOYMENT" -n "$env"; record "argo abort" ;;
  k8s-argo-pause) need_env; kubectl argo rollouts pause "$DEPLOYMENT" -n "$env" ;;
  k8s-argo-promote) need_env; kubectl argo rollouts promote "$DEPLOYMENT" -n "$env" ;;
  argo-status) need_env; kubectl argo rollouts get rollout "$DEPLOYMENT" -n "$env" ;;
  ecs)
    need_env
    [ -f .rollback_state ] || { echo ".rollback_state not found: run scripts/pre-deploy-backup.sh backup first" >&2; exit 2; }
    # shellcheck disable=SC1091
    source .rollback_state
    aws ecs update-service --cluster "${AWS_CLUSTER:-buywhere-$env}" --service "$DEPLOYMENT" \
      --task-definition "${PREV_TASK:?PREV_TASK missing in .rollback_state}" --force-new-deployment
    aws ecs wait services-stable --cluster "${AWS_CLUSTER:-buywhere-$env}" --services "$DEPLOYMENT"
    record "task=$PREV_TASK" ;;
  history) [ -f "$HISTORY" ] && cat "$HISTORY" || echo "no rollbacks recorded in $HISTORY" ;;
  *) sed -n '2,11p' "$0"; exit 2 ;;
esac
