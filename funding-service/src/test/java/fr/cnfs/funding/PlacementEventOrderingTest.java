package fr.cnfs.funding;

import static fr.cnfs.funding.FundingScenario.trancheId;
import static fr.cnfs.funding.FundingScenario.trancheStatus;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.ContractEnded;
import fr.cnfs.contracts.events.ContractStarted;
import fr.cnfs.contracts.events.PostReturned;
import fr.cnfs.contracts.events.Topics;
import fr.cnfs.contracts.events.TrancheDue;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.TopicProbe;
import fr.cnfs.funding.domain.GrantService;
import fr.cnfs.funding.domain.PostOccupationService;
import fr.cnfs.plumbing.inbox.EventEnvelope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Out-of-order, duplicate and non-compliant placement events: parked or dead-lettered, never lost, never applied twice. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "funding_test"))
class PlacementEventOrderingTest {

    private static final String DEAD_LETTERS = Topics.deadLetterOf("funding-service");

    @Inject
    ObjectMapper objectMapper;

    @Inject
    MovableClock clock;

    @Inject
    PostOccupationService occupation;

    @Inject
    GrantService grants;

    private FundingScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new FundingScenario(objectMapper);
        clock.setToday(LocalDate.of(2022, 6, 1));
    }

    @Test
    void aContractEndedBeforeItsContractStartedIsParkedThenAppliedOnce() {
        ApplicationApproved approved = scenario.lyonApproval(1, 24);
        UUID postId = approved.postIds().get(0);
        String grantId = scenario.award(approved);
        ContractStarted contract = scenario.contract(approved, postId, LocalDate.of(2021, 9, 1), null);
        ContractEnded ended = scenario.end(contract, LocalDate.of(2022, 2, 28), "RESIGNATION");

        scenario.publish(ended);
        JsonPath parked = awaitParked(postId, 1);
        assertEquals("PARKED", parked.getString("items[0].status"));
        assertTrue(parked.getString("items[0].waitingFor").contains("start of contract " + contract.contractId()));
        assertEquals("AWAITING_CONTRACT", scenario.post(grantId, postId).get("status"));

        scenario.publish(contract);
        Map<String, Object> post = scenario.awaitPostStatus(grantId, postId, "VACANT");
        assertEquals(180, post.get("occupiedDays"));
        assertEquals("DUE", trancheStatus(post, 1));
        assertEquals("APPLIED", scenario.parkedEvents(postId).getString("items[0].status"));

        // Both delivered again (same event ids would be skipped by the inbox; new ids are recognised by contract).
        scenario.publish(ended);
        scenario.publish(contract);
        awaitConsumed(approved, postId, 2);
        post = scenario.post(grantId, postId);
        assertEquals("VACANT", post.get("status"));
        assertEquals(180, post.get("occupiedDays"));
        assertEquals(List.of("APPLIED", "PARKED"), scenario.parkedEvents(postId).getList("items.status"));
        assertEquals(1, scenario.fundingEvents(grantId, TrancheDue.TYPE).size());
    }

    @Test
    void placementEventsBeforeTheGrantWaitForItInArrivalOrder() {
        ApplicationApproved approved = scenario.lyonApproval(1, 24);
        UUID postId = approved.postIds().get(0);
        ContractStarted contract = scenario.contract(approved, postId, LocalDate.of(2021, 9, 1), null);
        ContractEnded ended = scenario.end(contract, LocalDate.of(2022, 6, 30), "RESIGNATION");

        // The end arrives first, then the start, then at last the approval on its own topic.
        scenario.publish(ended);
        awaitParked(postId, 1);
        scenario.publish(contract);
        JsonPath parked = awaitParked(postId, 2);
        assertTrue(parked.getString("items[1].waitingFor").contains("grant of post " + postId));

        String grantId = scenario.award(approved);
        Map<String, Object> post = scenario.awaitPostStatus(grantId, postId, "VACANT");
        assertEquals(300, post.get("occupiedDays"));
        assertEquals("DUE", trancheStatus(post, 1));
        assertEquals("2021-09-01", FundingScenario.tranche(post, 1).get("dueDate"));
        await().atMost(FundingScenario.PATIENCE).until(() -> scenario.parkedEvents(postId).<String> getList("items.status")
                .equals(List.of("APPLIED", "APPLIED")));
        scenario.awaitFundingEvent(grantId, TrancheDue.TYPE, trancheId(post, 1));
        assertEquals(1, scenario.fundingEvents(grantId, TrancheDue.TYPE).size());
    }

    @Test
    void theSameEventDeliveredTwiceOrTheSameContractUnderAnotherIdIsAppliedOnce() {
        ApplicationApproved approved = scenario.lyonApproval(1, 24);
        UUID postId = approved.postIds().get(0);
        String grantId = scenario.award(approved);
        ContractStarted contract = scenario.contract(approved, postId, LocalDate.of(2022, 1, 3), null);
        UUID eventId = UUID.randomUUID();
        scenario.publish(contract, eventId);
        scenario.publish(contract, eventId);
        scenario.publish(contract);
        awaitConsumed(approved, postId, 1);

        Map<String, Object> post = scenario.post(grantId, postId);
        assertEquals("OCCUPIED", post.get("status"));
        assertEquals("DUE", trancheStatus(post, 1));
        assertEquals(1, scenario.grant(grantId).getList("posts[0].contracts").size());
        scenario.awaitFundingEvent(grantId, TrancheDue.TYPE, trancheId(post, 1));
        assertEquals(1, scenario.fundingEvents(grantId, TrancheDue.TYPE).size());
    }

    @Test
    void aContractBelowTheSmicOrPartTimeIsDeadLetteredAndCreatesNothing() {
        ApplicationApproved approved = scenario.lyonApproval(1, 24);
        UUID postId = approved.postIds().get(0);
        String grantId = scenario.award(approved);
        // 1,554.58 was the SMIC until 30 September 2021; on 1 October 2021 it is 1,589.47.
        ContractStarted underpaid = scenario.contract(approved, postId, LocalDate.of(2021, 10, 1), null, "1554.58", "35");
        ContractStarted partTime = scenario.contract(approved, postId, LocalDate.of(2021, 10, 1), null, "1800.00", "28");
        scenario.publish(underpaid);
        scenario.publish(partTime);

        ConsumerRecord<String, String> first = awaitDeadLetter(underpaid.contractId());
        assertTrue(TopicProbe.header(first, "dead-letter-reason").contains("below the gross monthly SMIC of 1589.47"),
                TopicProbe.header(first, "dead-letter-reason"));
        ConsumerRecord<String, String> second = awaitDeadLetter(partTime.contractId());
        assertTrue(TopicProbe.header(second, "dead-letter-reason").contains("35 hours"));

        Map<String, Object> post = scenario.post(grantId, postId);
        assertEquals("AWAITING_CONTRACT", post.get("status"));
        assertEquals("PLANNED", trancheStatus(post, 1));
        assertEquals(0, scenario.grant(grantId).getList("posts[0].contracts").size());
        assertEquals(0, scenario.parkedEvents(postId).getInt("totalItems"));
        assertEquals(0, scenario.fundingEvents(grantId, TrancheDue.TYPE).size());
    }

    @Test
    void aReplacementStartingBeforeTheRunningContractEndsWaitsForThatEnd() {
        ApplicationApproved approved = scenario.lyonApproval(1, 24);
        UUID postId = approved.postIds().get(0);
        String grantId = scenario.award(approved);
        ContractStarted first = scenario.contract(approved, postId, LocalDate.of(2021, 9, 1), null);
        scenario.publish(first);
        scenario.awaitPostStatus(grantId, postId, "OCCUPIED");

        ContractStarted replacement = scenario.contract(approved, postId, LocalDate.of(2022, 1, 3), null);
        scenario.publish(replacement);
        JsonPath parked = awaitParked(postId, 1);
        assertTrue(parked.getString("items[0].waitingFor").contains("end of contract " + first.contractId()));

        scenario.publish(scenario.end(first, LocalDate.of(2021, 12, 31), "RESIGNATION"));
        await().atMost(FundingScenario.PATIENCE).until(() -> "APPLIED".equals(scenario.parkedEvents(postId).getString("items[0].status")));
        Map<String, Object> post = scenario.post(grantId, postId);
        assertEquals("OCCUPIED", post.get("status"));
        // Four months of the first contract (120 days), then the replacement from 3 January 2022.
        assertEquals(120 + 148, post.get("occupiedDays"));
        assertEquals(2, scenario.grant(grantId).getList("posts[0].contracts").size());
    }

    @Test
    void aPostReturnedWhileItsContractRunsWaitsForTheContractEnd() {
        ApplicationApproved approved = scenario.lyonApproval(1, 24);
        UUID postId = approved.postIds().get(0);
        String grantId = scenario.award(approved);
        ContractStarted contract = scenario.contract(approved, postId, LocalDate.of(2021, 9, 1), null);
        scenario.publish(contract);
        scenario.awaitPostStatus(grantId, postId, "OCCUPIED");

        scenario.publish(scenario.returned(approved, postId, LocalDate.of(2022, 3, 1)));
        awaitParked(postId, 1);
        assertEquals("OCCUPIED", scenario.post(grantId, postId).get("status"));

        scenario.publish(scenario.end(contract, LocalDate.of(2022, 2, 28), "DISMISSAL"));
        Map<String, Object> post = scenario.awaitPostStatus(grantId, postId, "CLOSED");
        assertEquals("POST_RETURNED", post.get("closingReason"));
        assertEquals(180, post.get("occupiedDays"));
        // 50,000 × 180 / 720; T1 (25,000) is due but unpaid, so it is replaced by what was earned.
        assertEquals(12500.00f, ((Number) post.get("earnedToDate")).floatValue());
        assertEquals("CANCELLED", trancheStatus(post, 1));
        assertEquals("DUE", trancheStatus(post, 4));
        assertEquals(12500.00f, ((Number) FundingScenario.tranche(post, 4).get("amount")).floatValue());
    }

    /**
     * Events of different posts are applied side by side (one consumer per partition), and a grant's status follows all
     * of its posts. The last two open posts of a grant close in two transactions held open together: each must see the
     * other's change (the second waits for the grant's row), or both would leave the grant ACTIVE with every post
     * closed. Without that lock, both transactions reach the barrier and the grant stays ACTIVE.
     */
    @Test
    void theLastPostsOfAGrantClosedSideBySideEndTheGrant() throws Exception {
        ApplicationApproved approved = scenario.lyonApproval(3, 24);
        String grantId = scenario.award(approved);
        LocalDate returnedOn = LocalDate.of(2022, 6, 1);
        scenario.publish(scenario.returned(approved, approved.postIds().get(0), returnedOn));
        scenario.awaitPostStatus(grantId, approved.postIds().get(0), "CLOSED");
        assertEquals("ACTIVE", scenario.grant(grantId).getString("status"));

        CyclicBarrier bothApplied = new CyclicBarrier(2);
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> closings = approved.postIds().subList(1, 3).stream()
                    .map(postId -> consumers.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                        occupation.onPostReturned(scenario.returned(approved, postId, returnedOn),
                                new EventEnvelope(UUID.randomUUID().toString(), PostReturned.TYPE, "test", null, null,
                                        Topics.PLACEMENTS, 0, 0L));
                        try {
                            // Hold the transaction open until the other one has applied its post too, or 2 s.
                            bothApplied.await(2, TimeUnit.SECONDS);
                        } catch (TimeoutException | BrokenBarrierException e) {
                            // The other transaction waits for this one's lock: commit and let it go on.
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    })))
                    .collect(java.util.stream.Collectors.toList());
            for (Future<?> closing : closings) {
                closing.get(30, TimeUnit.SECONDS);
            }
        } finally {
            consumers.shutdownNow();
        }
        for (UUID postId : approved.postIds()) {
            assertEquals("CLOSED", scenario.post(grantId, postId).get("status"));
        }
        assertEquals("ENDED", scenario.grant(grantId).getString("status"));
    }

    /**
     * A contract start parked because its grant is missing, while that grant is being committed by the other consumer:
     * each transaction misses the other's row (the grant finds nothing parked, the start finds no grant). The parking
     * sweep applies it afterwards; without the sweep's retry it would wait until it expired to the dead-letter topic.
     */
    @Test
    void aStartParkedWhileItsGrantWasCommittedIsAppliedByTheSweep() throws Exception {
        ApplicationApproved approved = scenario.lyonApproval(1, 24);
        UUID postId = approved.postIds().get(0);
        ContractStarted contract = scenario.contract(approved, postId, LocalDate.of(2021, 9, 1), null);
        CyclicBarrier bothApplied = new CyclicBarrier(2);
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        try {
            Future<?> start = consumers.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                occupation.onContractStarted(contract, new EventEnvelope(UUID.randomUUID().toString(),
                        ContractStarted.TYPE, "test", null, null, Topics.PLACEMENTS, 0, 0L));
                awaitQuietly(bothApplied);
            }));
            Future<?> grant = consumers.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                grants.award(approved);
                awaitQuietly(bothApplied);
            }));
            start.get(30, TimeUnit.SECONDS);
            grant.get(30, TimeUnit.SECONDS);
        } finally {
            consumers.shutdownNow();
        }
        String grantId = scenario.awaitGrantOf(approved.applicationId());
        Map<String, Object> post = scenario.awaitPost(grantId, postId, p -> "DUE".equals(trancheStatus(p, 1)));
        assertEquals("OCCUPIED", post.get("status"));
        assertEquals("APPLIED", scenario.parkedEvents(postId).getString("items[0].status"));
    }

    private static void awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await(5, TimeUnit.SECONDS);
        } catch (TimeoutException | BrokenBarrierException e) {
            throw new IllegalStateException("the two transactions were not open together", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonPath awaitParked(UUID postId, int count) {
        return await().atMost(FundingScenario.PATIENCE).until(() -> scenario.parkedEvents(postId),
                parked -> parked.getInt("totalItems") == count);
    }

    private ConsumerRecord<String, String> awaitDeadLetter(UUID contractId) {
        return scenario.topics().await(DEAD_LETTERS, record -> record.value() != null
                && record.value().contains(contractId.toString()), FundingScenario.PATIENCE)
                .orElseThrow(() -> new AssertionError("contract " + contractId + " was not dead-lettered"));
    }

    /**
     * Proves the consumer went past everything published so far on a post: events of one post share its partition,
     * so a last ContractEnded of an unknown contract, which parks, is consumed after them.
     */
    private void awaitConsumed(ApplicationApproved approved, UUID postId, int parkedAfterMarker) {
        ContractStarted unknown = scenario.contract(approved, postId, LocalDate.of(2021, 9, 1), null);
        scenario.publish(scenario.end(unknown, LocalDate.of(2021, 9, 30), "NATURAL_END"));
        awaitParked(postId, parkedAfterMarker);
    }
}
