package fr.cnfs.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.RsaKeyUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DevstackTest {

    private static Devstack devstack;

    @BeforeAll
    static void start() {
        devstack = Devstack.start(Path.of("target", "devstack-test"), DevstackSettings.forTests(System.getenv()));
    }

    @AfterAll
    static void stop() {
        devstack.close();
        assertFalse(devstack.kafka().isRunning());
    }

    @Test
    void createsTheCnfsTopicsWithSeveralPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", devstack.kafka().bootstrapServers()))) {
            var topics = admin.describeTopics(KafkaBroker.CNFS_TOPICS).allTopicNames().get(10, TimeUnit.SECONDS);
            for (String topic : KafkaBroker.CNFS_TOPICS) {
                assertEquals(KafkaBroker.CNFS_TOPIC_PARTITIONS, topics.get(topic).partitions().size(), topic);
            }
        }
    }

    @Test
    void aRecordSurvivesABrokerRestart() throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, devstack.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("devstack.check", "key", "kept across restarts")).get(30, TimeUnit.SECONDS);
        }
        devstack.kafka().stop();
        assertFalse(devstack.kafka().isRunning());
        devstack.kafka().start();
        assertTrue(KafkaBroker.current().isRunning());

        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, devstack.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "devstack-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of("devstack.check"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            ConsumerRecord<String, String> found = null;
            while (found == null && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    found = record;
                }
            }
            assertEquals("kept across restarts", found == null ? null : found.value());
        }
    }

    @Test
    void createsDatabasesOnTheAvailablePostgres() throws Exception {
        devstack.postgres().recreateDatabase("devstack_check");
        devstack.postgres().ensureDatabase("devstack_check");
        Properties credentials = new Properties();
        credentials.setProperty("user", devstack.postgres().username());
        try (var connection = DriverManager.getConnection(devstack.postgres().jdbcUrl("devstack_check"), credentials);
                var result = connection.createStatement().executeQuery("SELECT current_database()")) {
            assertTrue(result.next());
            assertEquals("devstack_check", result.getString(1));
        }
    }

    @Test
    void startsAnEmbeddedPostgresWhenNothingAnswers() throws Exception {
        int silentPort = FreePorts.pick();
        try (PostgresServer embedded = PostgresServer.connectOrStart("127.0.0.1", silentPort, "postgres", "",
                Path.of("target", "devstack-embedded"), 0)) {
            assertTrue(embedded.isEmbedded());
            embedded.ensureDatabase("placement");
            embedded.stopServer();
            assertFalse(FreePorts.answers("127.0.0.1", embedded.port()));
            embedded.startServer();
            Properties credentials = new Properties();
            credentials.setProperty("user", embedded.username());
            try (var connection = DriverManager.getConnection(embedded.jdbcUrl("placement"), credentials);
                    var result = connection.createStatement().executeQuery("SHOW server_version")) {
                assertTrue(result.next());
                assertTrue(result.getString(1).startsWith("16."), result.getString(1));
            }
        }
    }

    @Test
    void mintsTokensTheServicesCanVerify() throws Exception {
        String token = DevIdentities.STRUCTURE.token(devstack.keys(), Duration.ofMinutes(5));
        String pem = java.nio.file.Files.readString(devstack.keys().publicKeyFile());
        var claims = new JwtConsumerBuilder()
                .setExpectedIssuer(DevKeys.ISSUER)
                .setExpectedAudience(DevKeys.AUDIENCE)
                .setVerificationKey(new RsaKeyUtil().fromPemEncoded(pem))
                .build()
                .processToClaims(token);
        assertEquals(List.of("structure"), claims.getStringListClaimValue("groups"));
        assertEquals("21690123100011", claims.getStringClaimValue("siret"));
    }
}
