#!/usr/bin/env bash
# Configures ECS service autoscaling as the emergency-api-scaling runbook describes:
# CPU target tracking (default 70 %), scale-out cooldown 60 s, scale-in cooldown 300 s, and an
# ALB response-time policy (default target 80 ms). Parameters come from the environment.
set -euo pipefail
AWS_CLUSTER=${AWS_CLUSTER:?set AWS_CLUSTER, e.g. buywhere-production}
AWS_REGION=${AWS_REGION:-ap-southeast-1}
ECS_SERVICE=${ECS_SERVICE:-buywhere-api}
MIN_CAPACITY=${MIN_CAPACITY:-1}
MAX_CAPACITY=${MAX_CAPACITY:-10}
CPU_TARGET=${CPU_TARGET:-70}
LATENCY_TARGET=${LATENCY_TARGET:-80}
SCALE_OUT_COOLDOWN=${SCALE_OUT_COOLDOWN:-60}
SCALE_IN_COOLDOWN=${SCALE_IN_COOLDOWN:-300}
ALB_RESOURCE_LABEL=${ALB_RESOURCE_LABEL:-}
DRY_RUN=${DRY_RUN:-false}

resource_id="service/${AWS_CLUSTER}/${ECS_SERVICE}"
run() { if [ "$DRY_RUN" = true ]; then printf 'DRY RUN:'; printf ' %q' "$@"; echo; else "$@"; fi; }

echo "Configuring autoscaling for ${resource_id} in ${AWS_REGION}: ${MIN_CAPACITY}-${MAX_CAPACITY} tasks, CPU ${CPU_TARGET}%"
run aws application-autoscaling register-scalable-target \
  --service-namespace ecs --scalable-dimension ecs:service:DesiredCount \
  --resource-id "$resource_id" --min-capacity "$MIN_CAPACITY" --max-capacity "$MAX_CAPACITY" \
  --region "$AWS_REGION"

run aws application-autoscaling put-scaling-policy \
  --policy-name "${ECS_SERVICE}-cpu-scaling" --service-namespace ecs \
  --scalable-dimension ecs:service:DesiredCount --resource-id "$resource_id" \
  --policy-type TargetTrackingScaling \
  --target-tracking-scaling-policy-configuration "{\"TargetValue\": ${CPU_TARGET}, \"ScaleInCooldown\": ${SCALE_IN_COOLDOWN}, \"ScaleOutCooldown\": ${SCALE_OUT_COOLDOWN}, \"PredefinedMetricSpecification\": {\"PredefinedMetricType\": \"ECSServiceAverageCPUUtilization\"}}" \
  --region "$AWS_REGION"

if [ -n "$ALB_RESOURCE_LABEL" ]; then
  run aws application-autoscaling put-scaling-policy \
    --policy-name "${ECS_SERVICE}-latency-scaling" --service-namespace ecs \
    --scalable-dimension ecs:service:DesiredCount --resource-id "$resource_id" \
    --policy-type TargetTrackingScaling \
    --target-tracking-scaling-policy-configuration "{\"TargetValue\": ${LATENCY_TARGET}, \"ScaleInCooldown\": ${SCALE_IN_COOLDOWN}, \"ScaleOutCooldown\": ${SCALE_OUT_COOLDOWN}, \"CustomizedMetricSpecification\": {\"MetricName\": \"TargetResponseTime\", \"Namespace\": \"AWS/ApplicationELB\", \"Statistic\": \"Average\", \"Unit\": \"Milliseconds\", \"Dimensions\": [{\"Name\": \"TargetGroup\", \"Value\": \"${ALB_RESOURCE_LABEL}\"}]}}" \
    --region "$AWS_REGION"
else
  echo "ALB_RESOURCE_LABEL not set: skipping the latency policy (CPU policy configured)"
fi

run aws application-autoscaling describe-scalable-targets --service-namespace ecs \
  --resource-ids "$resource_id" --region "$AWS_REGION"
