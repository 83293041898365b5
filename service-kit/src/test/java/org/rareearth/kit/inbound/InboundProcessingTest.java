package org.rareearth.kit.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.events.CurrentDatasetEvent;
import org.rareearth.shared.events.EventDecodingException;
import org.rareearth.shared.events.Topics;

/**
 * The inbound discipline on real messages (SmallRye's own {@link Message} with ack and nack
 * callbacks, as the Kafka connector hands them over). The services' tests show the same rules on
 * the real broker and database.
 */
class InboundProcessingTest {

    private static final CurrentDatasetEvent POINTER = new CurrentDatasetEvent(CurrentDatasetEvent.SCHEMA_VERSION, 1,
            "sha256:ab", List.of(2023), List.of("850511"), "reconstruction", "2026-12-03T10:00:00Z", "operator");
    /** A database that is down: the PostgreSQL driver's "connection refused". */
    private static final String CONNECTION_REFUSED = "08001";

    /** What happened to one message: acked, or nacked with a reason. */
    private static final class Tracked {
        final CountDownLatch acked = new CountDownLatch(1);
        final List<Throwable> nacks = new CopyOnWriteArrayList<>();
        final Message<String> message;

        Tracked(String payload) {
            message = Message.of(payload, () -> {
                acked.countDown();
                return CompletableFuture.completedFuture(null);
            }, reason -> {
                nacks.add(reason);
                return CompletableFuture.completedFuture(null);
            });
        }

        boolean wasAcked() {
            return acked.getCount() == 0;
        }
    }

    private static InboundProcessing processing(int attempts) {
        InboundProcessing processing = new InboundProcessing();
        processing.registry = new SimpleMeterRegistry();
        processing.config = new InboundConfig() {
            @Override
            public int attempts() {
                return attempts;
            }

            @Override
            public Duration backoff() {
                return Duration.ofMillis(5);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofMillis(20);
            }
        };
        return processing;
    }

    private static RuntimeException databaseDown() {
        // as Hibernate and Agroal report it: the driver's SQLException as the cause
        return new IllegalStateException("could not open a connection",
                new SQLException("Connection to localhost refused", CONNECTION_REFUSED));
    }

    @Test
    void aTombstoneOnACompactedTopicIsAcknowledgedWithoutHandling() {
        Tracked t = new Tracked(null);
        AtomicInteger handled = new AtomicInteger();
        processing(3).handle(t.message, Topics.DATASET_CURRENT, e -> handled.incrementAndGet());
        assertThat(t.wasAcked()).isTrue();
        assertThat(t.nacks).isEmpty();
        assertThat(handled).hasValue(0);
    }

    @Test
    void anUnreadableMessageIsNackedAtOnceWithItsReason() {
        Tracked t = new Tracked("{\"schemaVersion\": 99}");
        AtomicInteger handled = new AtomicInteger();
        processing(3).handle(t.message, Topics.DATASET_CURRENT, e -> handled.incrementAndGet());
        assertThat(t.wasAcked()).isFalse();
        assertThat(t.nacks).singleElement().isInstanceOf(EventDecodingException.class)
                .extracting(Throwable::getMessage).asString().contains("unsupported schemaVersion 99");
        assertThat(handled).hasValue(0);
    }

    @Test
    void aTransientFaultIsRetriedBeyondTheAttemptsAndTheValidMessageIsNeverNacked() {
        Tracked t = new Tracked(Topics.DATASET_CURRENT.encode(POINTER));
        AtomicInteger tries = new AtomicInteger();
        int outage = 6;
        processing(2).handle(t.message, Topics.DATASET_CURRENT, e -> {
            if (tries.incrementAndGet() <= outage) {
                throw databaseDown();
            }
            assertThat(e).isEqualTo(POINTER);
        });
        assertThat(tries).hasValue(outage + 1);
        assertThat(t.wasAcked()).isTrue();
        assertThat(t.nacks).isEmpty();
    }

    @Test
    void anotherFailureIsNackedAfterTheAttempts() {
        Tracked t = new Tracked(Topics.DATASET_CURRENT.encode(POINTER));
        AtomicInteger tries = new AtomicInteger();
        processing(3).handle(t.message, Topics.DATASET_CURRENT, e -> {
            tries.incrementAndGet();
            throw new IllegalArgumentException("refused by the handler");
        });
        assertThat(tries).hasValue(3);
        assertThat(t.wasAcked()).isFalse();
        assertThat(t.nacks).singleElement().extracting(Throwable::getMessage).isEqualTo("refused by the handler");
    }

    @Test
    void shutdownWhileRetryingNeitherAcksNorNacks() throws Exception {
        InboundProcessing processing = processing(3);
        Tracked t = new Tracked(Topics.DATASET_CURRENT.encode(POINTER));
        CountDownLatch retrying = new CountDownLatch(2);
        CompletableFuture<CompletionStage<Void>> outcome = CompletableFuture.supplyAsync(() ->
                processing.handle(t.message, Topics.DATASET_CURRENT, e -> {
                    retrying.countDown();
                    throw databaseDown();
                }));
        assertThat(retrying.await(10, TimeUnit.SECONDS)).as("handling is being retried").isTrue();
        processing.onStop(new ShutdownEvent());
        CompletionStage<Void> stage = outcome.get(10, TimeUnit.SECONDS);
        assertThat(stage.toCompletableFuture().isDone()).as("the consumer's stage stays open").isFalse();
        assertThat(t.wasAcked()).isFalse();
        assertThat(t.nacks).isEmpty();
    }

    @Test
    void shutdownAtASafePointNeitherAcksNorNacks() {
        Tracked t = new Tracked(Topics.DATASET_CURRENT.encode(POINTER));
        CompletionStage<Void> stage = processing(3).handle(t.message, Topics.DATASET_CURRENT, e -> {
            throw new ServiceStoppingException();
        });
        assertThat(stage.toCompletableFuture().isDone()).isFalse();
        assertThat(t.wasAcked()).isFalse();
        assertThat(t.nacks).isEmpty();
    }
}
