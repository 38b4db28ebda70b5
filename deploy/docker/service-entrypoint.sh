#!/bin/sh
# Secrets given as files (compose's generated ones, mounted Kubernetes secrets) are read at start, so they
# are written neither into the compose file nor into the image: the database password, and the password
# of the service's Kafka SCRAM user (the JAAS line is built here; the user name is KAFKA_SASL_USERNAME).
set -eu
if [ -n "${QUARKUS_DATASOURCE_PASSWORD_FILE:-}" ]; then
  QUARKUS_DATASOURCE_PASSWORD=$(cat "$QUARKUS_DATASOURCE_PASSWORD_FILE")
  export QUARKUS_DATASOURCE_PASSWORD
fi
if [ -n "${KAFKA_SASL_PASSWORD_FILE:-}" ]; then
  KAFKA_SASL_JAAS_CONFIG="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"${KAFKA_SASL_USERNAME:?KAFKA_SASL_USERNAME names the Kafka user}\" password=\"$(cat "$KAFKA_SASL_PASSWORD_FILE")\";"
  export KAFKA_SASL_JAAS_CONFIG
fi
exec java $JAVA_OPTS -jar /app/quarkus-run.jar
