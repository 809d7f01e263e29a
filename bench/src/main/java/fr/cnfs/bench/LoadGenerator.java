package fr.cnfs.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP load generator: {@code connections} workers, each with its own keep-alive connection, send the
 * next request as soon as the previous answer is read, for a fixed duration. Every response time goes into an
 * HdrHistogram (microseconds, 3 significant digits). Closed loop means a slow server also slows the offered load, so
 * the percentiles are those of the requests actually sent (no coordinated-omission correction): the report says so.
 */
final class LoadGenerator {

    /** One timed run. Latencies in milliseconds. */
    record Result(long requests, long errors, double seconds, double throughput, double p50, double p99, double p999,
            double max, String firstError) {
    }

    /** Builds the request a worker sends next; {@code sequence} is unique across workers within a run. */
    interface RequestFactory {
        HttpRequest next(long sequence);
    }

    private LoadGenerator() {
    }

    static Result run(int connections, Duration duration, RequestFactory requests, IntFunction<Boolean> acceptable) {
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try {
            List<Future<Worker>> futures = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                futures.add(workers.submit(() -> {
                    // One client per worker: one HTTP/1.1 connection each, as wrk's connections are.
                    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5)).build();
                    Worker worker = new Worker();
                    while (System.nanoTime() < deadline) {
                        HttpRequest request = requests.next(sequence.getAndIncrement());
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            worker.histogram.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                            if (!acceptable.apply(response.statusCode())) {
                                worker.error("HTTP " + response.statusCode() + " " + new String(response.body(),
                                        java.nio.charset.StandardCharsets.UTF_8));
                            }
                        } catch (java.io.IOException e) {
                            worker.histogram.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                            worker.error(e.toString());
                        }
                    }
                    return worker;
                }));
            }
            Histogram all = new Histogram(3);
            long errors = 0;
            String firstError = null;
            for (Future<Worker> future : futures) {
                Worker worker = future.get();
                all.add(worker.histogram);
                errors += worker.errors;
                if (firstError == null) {
                    firstError = worker.firstError;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long count = all.getTotalCount();
            return new Result(count, errors, seconds, count / seconds, millis(all.getValueAtPercentile(50)),
                    millis(all.getValueAtPercentile(99)), millis(all.getValueAtPercentile(99.9)),
                    millis(all.getMaxValue()), firstError);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A load worker failed", e.getCause());
        } finally {
            workers.shutdownNow();
            try {
                workers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    private static final class Worker {
        final Histogram histogram = new Histogram(3);
        long errors;
        String firstError;

        void error(String description) {
            errors++;
            if (firstError == null) {
                firstError = description.length() > 300 ? description.substring(0, 300) : description;
            }
        }
    }
}
