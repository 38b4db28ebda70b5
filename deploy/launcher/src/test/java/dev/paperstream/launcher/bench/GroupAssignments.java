package dev.paperstream.launcher.bench;

import dev.paperstream.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

/** Which instance of priority and notes holds which partitions: the evidence that a scale-out split the work. */
final class GroupAssignments {
    static final List<String> GROUPS = List.of("priority-service", "notes-service");

    private GroupAssignments() {
    }

    /**
     * Waits until in every group {@code consumers} members hold partitions of paper.discovered: one per
     * instance, since each instance has one consumer per channel.
     */
    static void await(String bootstrap, int consumers, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, ConsumerGroupDescription> groups = describe(bootstrap);
            boolean split = groups.values().stream().allMatch(g -> g.members().stream()
                    .filter(m -> m.assignment().topicPartitions().stream()
                            .anyMatch(tp -> tp.topic().equals(Topics.PAPER_DISCOVERED)))
                    .count() >= consumers);
            if (split) {
                print(groups);
                return;
            }
            if (System.nanoTime() > deadline) {
                print(groups);
                throw new IllegalStateException("the groups did not split between " + consumers + " instances");
            }
            Thread.sleep(1000);
        }
    }

    static void print(String bootstrap) throws Exception {
        print(describe(bootstrap));
    }

    private static void print(Map<String, ConsumerGroupDescription> groups) {
        groups.forEach((name, g) -> {
            System.out.printf("group %s (%s):%n", name, g.groupState());
            Map<String, String> byMember = new TreeMap<>();
            for (MemberDescription m : g.members()) {
                String partitions = m.assignment().topicPartitions().stream()
                        .map(tp -> tp.topic() + "-" + tp.partition()).sorted().collect(Collectors.joining(" "));
                byMember.put(m.consumerId(), partitions.isEmpty() ? "(none)" : partitions);
            }
            byMember.forEach((member, partitions) -> System.out.printf("  %-70s %s%n", member, partitions));
        });
    }

    private static Map<String, ConsumerGroupDescription> describe(String bootstrap)
            throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeConsumerGroups(GROUPS).all().get();
        }
    }
}
