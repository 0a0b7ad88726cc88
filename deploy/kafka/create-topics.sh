#!/usr/bin/env bash
# Create strikestream's topics with explicit partition counts (the topic-init
# job of docker-compose.yml; runs in the apache/kafka image).
#
# Partition counts are part of the design, not broker defaults: claims are
# keyed by region and the workers' tables are co-partitioned with them, so a
# count can never change silently. An existing topic with a different count
# fails the job instead of being left as it is.
set -euo pipefail

BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9092}"
PREFIX="${STREAM_TOPIC_PREFIX:-}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
DAY_MS=86400000

# name partitions retention-days
TOPICS=(
  "strikes.raw.v1 4 30"
  "strikes.claims.v1 4 30"
  "strikes.alerts.v1 1 90"
  "strikes.dlq.v1 1 90"
)

for _ in $(seq 1 60); do
  if "$KAFKA_BIN/kafka-broker-api-versions.sh" --bootstrap-server "$BOOTSTRAP" >/dev/null 2>&1; then
    break
  fi
  sleep 2
done

for spec in "${TOPICS[@]}"; do
  read -r name partitions days <<<"$spec"
  topic="${PREFIX}${name}"
  "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1 \
    --config "retention.ms=$((days * DAY_MS))" --config cleanup.policy=delete
  actual="$("$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --describe \
    --topic "$topic" | grep -c 'Partition: ')"
  if [[ "$actual" -ne "$partitions" ]]; then
    echo "create-topics: $topic has $actual partitions, expected $partitions" >&2
    exit 1
  fi
  echo "create-topics: $topic ready ($partitions partitions, ${days}d retention)"
done
