#!/bin/sh
# The compose broker: KRaft, one node, clients authenticated with SASL/SCRAM-SHA-512 and authorized by ACLs.
# The controller listener is bound to the container's loopback, so its unauthenticated principal (a super
# user, which KRaft's own broker-to-controller traffic needs) cannot be reached from the compose network.
# Passwords come from the generated secrets volume; only the admin credential is written at format time,
# the services' credentials and ACLs are applied by setup-kafka.sh once the broker answers.
set -eu
secrets=/run/paperstream
admin_password=$(cat "$secrets/kafka-admin-password")
config=/tmp/paperstream-server.properties
data=/var/lib/kafka/data

cat > "$config" <<PROPERTIES
node.id=1
process.roles=broker,controller
listeners=INTERNAL://:19092,CONTROLLER://127.0.0.1:9093
advertised.listeners=INTERNAL://kafka:19092
listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=INTERNAL
controller.listener.names=CONTROLLER
controller.quorum.voters=1@127.0.0.1:9093
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.internal.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin_password";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin;User:ANONYMOUS
allow.everyone.if.no.acl.found=false
auto.create.topics.enable=false
log.dirs=$data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES

# The health check and setup-kafka.sh talk to the broker as admin.
cat > /tmp/paperstream-admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin_password";
PROPERTIES

if [ ! -f "$data/meta.properties" ]; then
  /opt/kafka/bin/kafka-storage.sh format -t "$(/opt/kafka/bin/kafka-storage.sh random-uuid)" -c "$config" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$admin_password]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$config"
