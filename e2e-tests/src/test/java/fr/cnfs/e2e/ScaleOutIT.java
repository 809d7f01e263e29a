package fr.cnfs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.ServiceProcess;

/**
 * Two instances of each service, on their own ports, against the same broker and the same databases: the story runs
 * through both alternately, both consume (the consumer group splits the partitions), both outbox relays publish, and
 * the books are those of the single-instance run.
 */
class ScaleOutIT {

    private final RunningSystem system = RunningSystem.get();

    @AfterAll
    static void backToOneInstance() {
        RunningSystem.get().stopSecondInstances();
    }

    @Test
    void twoInstancesOfEachServiceKeepTheSameBooks() {
        ProgrammeStory.Books single = ProgrammeStoryIT.singleInstanceBooks()
                .orElseGet(() -> new ProgrammeStory(system.programme()).run());
        List<ServiceProcess> added = system.addSecondInstances();
        assertEquals(3, added.size());
        Map<String, Long> publishedBefore = new java.util.HashMap<>();
        system.services().forEach(service -> publishedBefore.put(service.name(), ServiceMetrics.published(service)));

        ProgrammeStory.Books scaledOut = new ProgrammeStory(system.programmeOverAllInstances()).run();

        assertEquals(single, scaledOut, "the books of two instances are those of one");
        BrokerConsole broker = new BrokerConsole(system.devstack().kafka().bootstrapServers());
        for (String group : List.of("applications-service", "funding-service", "placement-service")) {
            Map<String, List<TopicPartition>> assignments = broker.assignments(group);
            // Per topic the group consumes: four members (two consumers per instance, `concurrency=2`) share its four
            // partitions, one each, and cover them all: both instances consume.
            Map<String, Set<String>> membersByTopic = new TreeMap<>();
            Map<String, Set<Integer>> partitionsByTopic = new TreeMap<>();
            assignments.forEach((member, partitions) -> partitions.forEach(partition -> {
                membersByTopic.computeIfAbsent(partition.topic(), topic -> new TreeSet<>()).add(member);
                partitionsByTopic.computeIfAbsent(partition.topic(), topic -> new TreeSet<>()).add(partition.partition());
            }));
            assertTrue(!membersByTopic.isEmpty(), group + " consumes nothing");
            membersByTopic.forEach((topic, members) -> assertEquals(4, members.size(),
                    group + " on " + topic + ": " + assignments));
            partitionsByTopic.forEach((topic, partitions) -> assertEquals(Set.of(0, 1, 2, 3), partitions,
                    group + " on " + topic + ": " + assignments));
            System.out.printf("[scale-out] %s: %s%n", group, assignments);
        }
        for (String database : List.of("applications", "funding", "placement")) {
            for (ServiceProcess instance : system.instancesOf(database)) {
                long published = ServiceMetrics.published(instance) - publishedBefore.getOrDefault(instance.name(), 0L);
                long duplicates = ServiceMetrics.consumed(instance, "duplicate");
                System.out.printf("[scale-out] %s published %d events during the story, skipped %d duplicates%n",
                        instance.name(), published, duplicates);
                assertTrue(published > 0, instance.name() + "'s relay published nothing");
            }
        }
    }
}
