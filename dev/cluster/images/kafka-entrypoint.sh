#!/bin/sh
# Starts one KRaft Kafka node configured by KAFKA_* variables, as the apache/kafka image reads them:
# KAFKA_FOO_BAR -> foo.bar, "__" -> "_", "___" -> "-". Writes only to /tmp and the log dir.
set -eu

# Single-node defaults; any KAFKA_* variable the pod sets wins.
: "${KAFKA_NODE_ID:=1}"
: "${KAFKA_PROCESS_ROLES:=broker,controller}"
: "${KAFKA_LISTENERS:=PLAINTEXT://:9092,CONTROLLER://:9093}"
: "${KAFKA_ADVERTISED_LISTENERS:=PLAINTEXT://localhost:9092}"
: "${KAFKA_CONTROLLER_LISTENER_NAMES:=CONTROLLER}"
: "${KAFKA_LISTENER_SECURITY_PROTOCOL_MAP:=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT}"
: "${KAFKA_LOG_DIRS:=/var/lib/kafka/data}"
: "${KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR:=1}"
: "${KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR:=1}"
: "${KAFKA_TRANSACTION_STATE_LOG_MIN_ISR:=1}"
: "${KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR:=1}"
: "${KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR:=1}"
if [ -z "${KAFKA_CONTROLLER_QUORUM_BOOTSTRAP_SERVERS:-}" ]; then
  : "${KAFKA_CONTROLLER_QUORUM_VOTERS:=${KAFKA_NODE_ID}@localhost:9093}"
  export KAFKA_CONTROLLER_QUORUM_VOTERS
fi
export KAFKA_NODE_ID KAFKA_PROCESS_ROLES KAFKA_LISTENERS KAFKA_ADVERTISED_LISTENERS KAFKA_CONTROLLER_LISTENER_NAMES \
  KAFKA_LISTENER_SECURITY_PROTOCOL_MAP KAFKA_LOG_DIRS KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR \
  KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR KAFKA_TRANSACTION_STATE_LOG_MIN_ISR \
  KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR

config_dir=/tmp/kafka
props="$config_dir/server.properties"
mkdir -p "$config_dir"
: > "$props"
for name in $(env | sed -n 's/^\(KAFKA_[A-Z0-9_]*\)=.*/\1/p' | sort -u); do
  case "$name" in
    # JVM settings, and the variables Kubernetes adds for a Service named kafka, are not broker properties.
    KAFKA_HEAP_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_OPTS | KAFKA_GC_LOG_OPTS | KAFKA_JMX_OPTS | KAFKA_LOG4J_OPTS) continue ;;
    KAFKA_PORT | KAFKA_PORT_* | KAFKA_SERVICE_*) continue ;;
  esac
  key=$(printf '%s' "${name#KAFKA_}" | tr 'A-Z' 'a-z' | sed -e 's/___/-/g' -e 's/__/%/g' -e 's/_/./g' -e 's/%/_/g')
  printf '%s=%s\n' "$key" "$(printenv "$name")" >> "$props"
done

java_opts="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true} ${KAFKA_OPTS:-}"
log4j="-Dlog4j2.configurationFile=/opt/kafka/config/log4j2.yaml"
classpath='/opt/kafka/libs/*'

first_log_dir=${KAFKA_LOG_DIRS%%,*}
if [ ! -f "$first_log_dir/meta.properties" ]; then
  cluster_id=${CLUSTER_ID:-$(java $log4j -cp "$classpath" kafka.tools.StorageTool random-uuid)}
  # A static voter list needs a plain format; a bootstrap-servers quorum formats this node as its first voter.
  standalone=
  if [ -n "${KAFKA_CONTROLLER_QUORUM_BOOTSTRAP_SERVERS:-}" ]; then standalone=--standalone; fi
  # shellcheck disable=SC2086
  java $java_opts $log4j -cp "$classpath" kafka.tools.StorageTool format -t "$cluster_id" -c "$props" --ignore-formatted $standalone
fi

# shellcheck disable=SC2086
exec java $java_opts -XX:+ExitOnOutOfMemoryError $log4j -cp "$classpath" kafka.Kafka "$props"
