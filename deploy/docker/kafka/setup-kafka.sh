#!/bin/sh
# Runs once per `docker compose up`, after the broker is healthy and before the services start: creates
# every topic (partitions and retention as deploy/k8s/base/kafka/topics.yaml), gives each service its
# SCRAM credential from the secrets volume and exactly the ACLs of its KafkaUser in
# deploy/k8s/base/kafka/users.yaml (checked by the k8s-validation module). Every step is idempotent.
set -eu
secrets=/run/paperstream
bin=/opt/kafka/bin
admin=/tmp/paperstream-admin.properties
cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(cat "$secrets/kafka-admin-password")";
PROPERTIES
server=kafka:19092

topic() { # name partitions retention.ms
  "$bin/kafka-topics.sh" --bootstrap-server "$server" --command-config "$admin" --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor 1 --config "retention.ms=$3" --config cleanup.policy=delete
}
year=31536000000; ninety_days=7776000000; thirty_days=2592000000
topic paper.discovered 12 $year
topic paper.scored 12 $ninety_days
topic paper.parsed 6 $year
topic benchmark.requested 3 $year
topic benchmark.completed 3 $year
for dlq in dlq.ingest.paper.scored dlq.priority.paper.discovered dlq.priority.paper.parsed \
    dlq.notes.paper.discovered dlq.notes.paper.scored dlq.notes.paper.parsed dlq.notes.benchmark.completed \
    dlq.kernel.benchmark.requested; do
  topic "$dlq" 3 $thirty_days
done

user() { # service
  "$bin/kafka-configs.sh" --bootstrap-server "$server" --command-config "$admin" --alter --entity-type users \
    --entity-name "$1" --add-config "SCRAM-SHA-512=[password=$(cat "$secrets/kafka-$1-password")]"
  "$bin/kafka-acls.sh" --bootstrap-server "$server" --command-config "$admin" --add \
    --allow-principal "User:$1" --operation Read --group "$1"
}
grant() { # service topic operation...
  service=$1; topic=$2; shift 2
  for operation in "$@"; do
    "$bin/kafka-acls.sh" --bootstrap-server "$server" --command-config "$admin" --add \
      --allow-principal "User:$service" --operation "$operation" --topic "$topic"
  done
}

user ingest-service
grant ingest-service paper.scored Read Describe Write
grant ingest-service paper.discovered Write Describe
grant ingest-service paper.parsed Write Describe
grant ingest-service dlq.ingest.paper.scored Write Describe Read

user priority-service
grant priority-service paper.discovered Read Describe Write
grant priority-service paper.parsed Read Describe Write
grant priority-service paper.scored Write Describe
grant priority-service dlq.priority.paper.discovered Write Describe Read
grant priority-service dlq.priority.paper.parsed Write Describe Read

user notes-service
grant notes-service paper.discovered Read Describe Write
grant notes-service paper.scored Read Describe Write
grant notes-service paper.parsed Read Describe Write
grant notes-service benchmark.completed Read Describe Write
grant notes-service benchmark.requested Write Describe
grant notes-service dlq.notes.paper.discovered Write Describe Read
grant notes-service dlq.notes.paper.scored Write Describe Read
grant notes-service dlq.notes.paper.parsed Write Describe Read
grant notes-service dlq.notes.benchmark.completed Write Describe Read

user kernel-service
grant kernel-service benchmark.requested Read Describe Write
grant kernel-service benchmark.completed Write Describe
grant kernel-service dlq.kernel.benchmark.requested Write Describe Read
echo "topics, users and ACLs are in place"
