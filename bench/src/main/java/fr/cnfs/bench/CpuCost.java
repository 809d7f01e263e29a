package fr.cnfs.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one request costs in CPU, process by process, read from /proc (Linux). On a shared machine the throughput of
 * the same jars moves by a sixth from one run to the next; the CPU per request also shows which process a change
 * saves work in (a change that only PostgreSQL feels is invisible in the service's profile).
 */
final class CpuCost {

    /** Linux's USER_HZ: the unit of the CPU times in /proc, 100 on every mainstream architecture. */
    private static final double MILLIS_PER_TICK = 10.0;

    /** CPU ticks so far: the service under load, all PostgreSQL processes, this JVM (the load generator), the machine. */
    record Snapshot(long service, long postgres, long loadGenerator, long machine) {
    }

    /** CPU milliseconds per request over a run; NaN where /proc could not be read. */
    record PerRequest(double service, double postgres, double loadGenerator, double machine) {

        static PerRequest between(Snapshot before, Snapshot after, long requests) {
            if (before == null || after == null || requests <= 0) {
                return new PerRequest(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new PerRequest(per(after.service() - before.service(), requests),
                    per(after.postgres() - before.postgres(), requests),
                    per(after.loadGenerator() - before.loadGenerator(), requests),
                    per(after.machine() - before.machine(), requests));
        }

        private static double per(long ticks, long requests) {
            return ticks * MILLIS_PER_TICK / requests;
        }

        String format() {
            return String.format("%.2f | %.2f | %.2f | %.2f", service, postgres, loadGenerator, machine);
        }
    }

    private CpuCost() {
    }

    /** A snapshot, or null when /proc cannot be read (not Linux). PostgreSQL counts only when it runs here. */
    static Snapshot take(long servicePid) {
        try {
            long machine = Machine.cpuBusyTicks();
            return machine < 0 ? null : new Snapshot(processTicks(servicePid), postgresTicks(),
                    processTicks(ProcessHandle.current().pid()), machine);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** utime + stime of a process, fields 14 and 15 of /proc/PID/stat (counted after the command name). */
    private static long processTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The server and all its backends; a backend that ended during the run takes its CPU time with it. */
    private static long postgresTicks() throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if (Files.readString(process.resolve("comm")).trim().equals("postgres")) {
                        ticks += processTicks(Long.parseLong(process.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException gone) {
                    // The process ended between the listing and the read.
                }
            }
        }
        return ticks;
    }
}
