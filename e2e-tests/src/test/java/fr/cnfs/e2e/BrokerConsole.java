package fr.cnfs.e2e;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What an operator does with Kafka's command-line tools, for the fault tests: read offsets and lags, move or reset a
 * stopped consumer group, read a window of a topic and publish records again by hand.
 */
final class BrokerConsole {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;

    BrokerConsole(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    Map<TopicPartition, Long> endOffsets(String topic) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (TopicPartition partition : partitionsOf(admin, topic)) {
                request.put(partition, OffsetSpec.latest());
            }
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topic, e);
        }
    }

    /** Records not yet consumed by the group: end offsets minus committed offsets, over the topics. */
    long lag(String group, Collection<String> topics) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            long lag = 0;
            for (String topic : topics) {
                for (Map.Entry<TopicPartition, Long> end : endOffsets(topic).entrySet()) {
                    OffsetAndMetadata offset = committed.get(end.getKey());
                    lag += end.getValue() - (offset == null ? 0 : offset.offset());
                }
            }
            return lag;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the offsets of group " + group, e);
        }
    }

    void awaitNoLag(String group, Collection<String> topics, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> lag(group, topics) == 0);
    }

    /** Commits the group's offsets at the end of the topic; the group must have no running member. */
    void moveGroupToEnd(String group, String topic) {
        commit(group, endOffsets(topic));
    }

    /** Commits the group's offsets at the start of every partition of the topics, as for a replay. */
    void resetGroupToEarliest(String group, Collection<String> topics) {
        Map<TopicPartition, Long> earliest = new HashMap<>();
        try (Admin admin = admin()) {
            for (String topic : topics) {
                Map<TopicPartition, OffsetSpec> request = new HashMap<>();
                for (TopicPartition partition : partitionsOf(admin, topic)) {
                    request.put(partition, OffsetSpec.earliest());
                }
                admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                        .forEach((partition, info) -> earliest.put(partition, info.offset()));
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the earliest offsets", e);
        }
        commit(group, earliest);
    }

    /** The partitions each running member of the group was assigned, by member id. */
    Map<String, List<TopicPartition>> assignments(String group) {
        try (Admin admin = admin()) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups()
                    .get(group).get(30, TimeUnit.SECONDS);
            Map<String, List<TopicPartition>> assignments = new HashMap<>();
            for (MemberDescription member : description.members()) {
                assignments.computeIfAbsent(member.consumerId(), key -> new ArrayList<>())
                        .addAll(member.assignment().topicPartitions());
            }
            return assignments;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot describe group " + group, e);
        }
    }

    /** The records of the topic from the given offsets to the current end. */
    List<ConsumerRecord<String, String>> recordsFrom(String topic, Map<TopicPartition, Long> from) {
        Map<TopicPartition, Long> end = endOffsets(topic);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(end.keySet());
            end.keySet().forEach(partition -> consumer.seek(partition, from.getOrDefault(partition, 0L)));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && end.entrySet().stream()
                    .anyMatch(entry -> consumer.position(entry.getKey()) < entry.getValue())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    /** Publishes the records again, in the given order, with their keys, values and headers. */
    void republish(List<ConsumerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (ConsumerRecord<String, String> original : records) {
                ProducerRecord<String, String> copy = new ProducerRecord<>(original.topic(), original.partition(),
                        original.key(), original.value());
                for (Header header : original.headers()) {
                    copy.headers().add(header.key(), header.value());
                }
                producer.send(copy).get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot publish again", e);
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void commit(String group, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        offsets.forEach((partition, offset) -> commits.put(partition, new OffsetAndMetadata(offset)));
        try (Admin admin = admin()) {
            admin.alterConsumerGroupOffsets(group, commits).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot move the offsets of group " + group
                    + " (it must have no running member)", e);
        }
    }

    private static List<TopicPartition> partitionsOf(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                .stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "console-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }
}
