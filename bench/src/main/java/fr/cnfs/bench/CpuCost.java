package fr.cnfs.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one request, or one programme run, costs in CPU, process by process, read from /proc (Linux). On a shared
 * machine the throughput of the same jars moves by a sixth from one run to the next; the CPU also shows which process
 * a change saves work in (a change that only PostgreSQL feels is invisible in the service's profile).
 */
final class CpuCost {

    /** Linux's USER_HZ: the unit of the CPU times in /proc, 100 on every mainstream architecture. */
    private static final double SECONDS_PER_TICK = 0.01;

    /** CPU milliseconds per request over a run; NaN where /proc could not be read. */
    record PerRequest(double service, double postgres, double loadGenerator, double machine) {

        /** Per request of {@code service} (a name of the usages), PostgreSQL, the load generator, the machine. */
        static PerRequest between(Usage before, Usage after, String service, long requests) {
            Map<String, Double> seconds = secondsBetween(before, after);
            if (seconds.isEmpty() || requests <= 0) {
                return new PerRequest(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new PerRequest(per(seconds.get(service), requests), per(seconds.get("PostgreSQL"), requests),
                    per(seconds.get("load generator"), requests), per(seconds.get("machine"), requests));
        }

        private static double per(double seconds, long requests) {
            return seconds * 1000 / requests;
        }

        String format() {
            return String.format("%.2f | %.2f | %.2f | %.2f", service, postgres, loadGenerator, machine);
        }
    }

    /** CPU ticks so far of each named process, of all PostgreSQL processes, of this JVM and of the machine. */
    record Usage(Map<String, Long> processes, Map<String, Long> compilers, long postgres, long loadGenerator,
            long kernelThreads, long interrupts, long steal, long machine) {

        /** CPU seconds from {@code before} to this usage of each named JVM's JIT compiler threads. */
        private Map<String, Double> compilerSecondsSince(Usage before) {
            Map<String, Double> seconds = new LinkedHashMap<>();
            compilers.forEach((name, ticks) -> seconds.put(name,
                    seconds(ticks - before.compilers().getOrDefault(name, 0L))));
            return seconds;
        }

        private Map<String, Double> secondsSince(Usage before) {
            Map<String, Double> seconds = new LinkedHashMap<>();
            long named = 0;
            for (Map.Entry<String, Long> process : processes.entrySet()) {
                long ticks = process.getValue() - before.processes().getOrDefault(process.getKey(), 0L);
                named += ticks;
                seconds.put(process.getKey(), seconds(ticks));
            }
            long[] others = { postgres - before.postgres(), loadGenerator - before.loadGenerator(),
                    kernelThreads - before.kernelThreads() };
            String[] names = { "PostgreSQL", "load generator", "kernel threads" };
            for (int i = 0; i < others.length; i++) {
                named += others[i];
                seconds.put(names[i], seconds(others[i]));
            }
            // Tick-based accounting (CONFIG_TICK_CPU_ACCOUNTING, no IRQ_TIME_ACCOUNTING): a tick spent in an
            // interrupt goes to the interrupt counters of /proc/stat and to the task it interrupted, so interrupt time
            // is already inside the processes' times, unless it interrupted the idle task; subtracted again, it left
            // "the rest" at -62.8 s in a ten-times run. A stolen tick goes to the steal counter only.
            long stealTicks = steal - before.steal();
            seconds.put("steal", seconds(stealTicks));
            long machineTicks = machine - before.machine();
            seconds.put("the rest", seconds(machineTicks - named - stealTicks));
            seconds.put("machine", seconds(machineTicks));
            seconds.put(OF_WHICH_INTERRUPTS, seconds(interrupts - before.interrupts()));
            return seconds;
        }

        private static double seconds(long ticks) {
            return ticks * SECONDS_PER_TICK;
        }
    }

    /** The key of the interrupt time, which is inside the other figures, not beside them. */
    static final String OF_WHICH_INTERRUPTS = "of which interrupts";

    private CpuCost() {
    }

    /**
     * CPU seconds between two usages: each named process, then "PostgreSQL", "load generator", "kernel threads"
     * (kworker, ksoftirqd, kdamond...), "steal" (time the hypervisor gave to other guests), "the rest" (the machine's
     * busy time outside all of those: other programs, processes that ended during the interval, and interrupts that
     * hit the idle task), "machine", and {@value #OF_WHICH_INTERRUPTS} (irq and softirq time, loopback networking
     * mostly, which the kernel also charges to the task it interrupted: part of the times before it, not added).
     * Empty when either side could not be read.
     */
    static Map<String, Double> secondsBetween(Usage before, Usage after) {
        return before == null || after == null ? Map.of() : after.secondsSince(before);
    }

    /** CPU seconds between two usages of each named JVM's JIT compiler threads; empty when either is missing. */
    static Map<String, Double> compilerSecondsBetween(Usage before, Usage after) {
        return before == null || after == null ? Map.of() : after.compilerSecondsSince(before);
    }

    /** A usage of these processes (name to pid), or null when /proc cannot be read (not Linux). */
    static Usage usage(Map<String, Long> pids) {
        try {
            Machine.CpuTicks machine = Machine.cpuTicks();
            if (machine == null) {
                return null;
            }
            Map<String, Long> processes = new LinkedHashMap<>();
            Map<String, Long> compilers = new LinkedHashMap<>();
            for (Map.Entry<String, Long> pid : pids.entrySet()) {
                processes.put(pid.getKey(), processTicks(pid.getValue()));
                compilers.put(pid.getKey(), compilerTicks(pid.getValue()));
            }
            long[] postgresAndKernel = postgresAndKernelThreadTicks();
            return new Usage(processes, compilers, postgresAndKernel[0], processTicks(ProcessHandle.current().pid()),
                    postgresAndKernel[1], machine.interrupts(), machine.steal(), machine.busy());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** utime + stime of a process, fields 14 and 15 of /proc/PID/stat (counted after the command name). */
    private static long processTicks(long pid) throws IOException {
        return ticksOf(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    /** utime + stime from a process's or a thread's stat file. */
    private static long ticksOf(Path statFile) throws IOException {
        return Stat.read(statFile).ticks();
    }

    /** What the kit reads of a /proc stat file: the command name, the parent's pid, and its own and reaped CPU ticks. */
    private record Stat(String command, long parent, long ticks, long reapedChildrenTicks) {

        /** Fields counted after the command name, which may itself hold spaces and parentheses. */
        static Stat read(Path statFile) throws IOException {
            String stat = Files.readString(statFile);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new Stat(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')), Long.parseLong(fields[1]),
                    Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
        }
    }

    /**
     * utime + stime of the JVM's JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre" in /proc). The JVM stops
     * an idle compiler thread after a while and its time leaves the count with it, so this is a lower bound.
     */
    private static long compilerTicks(long pid) throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : threads) {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        ticks += ticksOf(thread.resolve("stat"));
                    }
                } catch (IOException | RuntimeException gone) {
                    // The thread ended between the listing and the read.
                }
            }
        }
        return ticks;
    }

    /**
     * {PostgreSQL, kernel threads} in one pass over /proc. PostgreSQL is the server and all its backends, with those
     * that ended: the server reaps its backends, and the kernel adds a reaped child's time to its parent's cutime and
     * cstime. Without them, a pool's connection closed during a long run took its backend's CPU time out of
     * PostgreSQL's count and into "the rest". Kernel threads are kthreadd (pid 2) and its children.
     */
    private static long[] postgresAndKernelThreadTicks() throws IOException {
        long postgres = 0;
        long kernel = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    Stat stat = Stat.read(process.resolve("stat"));
                    if (stat.command().equals("postgres")) {
                        postgres += stat.ticks() + stat.reapedChildrenTicks();
                    } else if (stat.parent() == 2 || process.getFileName().toString().equals("2")) {
                        kernel += stat.ticks();
                    }
                } catch (IOException | RuntimeException gone) {
                    // The process ended between the listing and the read.
                }
            }
        }
        return new long[] { postgres, kernel };
    }
}
