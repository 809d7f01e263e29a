package fr.cnfs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** What the results file says about the machine: cores, memory, Java, and how busy it was. */
final class Machine {

    private Machine() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String memory() {
        return meminfo("MemTotal:").stream().mapToObj(kb -> String.format("%.1f GiB", kb / 1024.0 / 1024.0))
                .findFirst().orElse("unknown");
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String java() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The share of the machine's CPU time that was busy (not idle, not waiting for I/O) over {@code millis}, from
     * /proc/stat. Unlike the load average, it does not count tasks blocked in the kernel, which on some virtual
     * machines keep the load average high while the CPUs are idle.
     */
    static OptionalDouble cpuBusyShare(long millis) throws InterruptedException {
        CpuTicks before = cpuTicks();
        Thread.sleep(millis);
        CpuTicks after = cpuTicks();
        if (before == null || after == null) {
            return OptionalDouble.empty();
        }
        long total = after.total() - before.total();
        return total <= 0 ? OptionalDouble.empty() : OptionalDouble.of((double) (after.busy() - before.busy()) / total);
    }

    /**
     * Jiffies of all CPUs so far, from one reading of /proc/stat: in all, busy (not idle, not waiting for I/O),
     * interrupts (irq + softirq, which a tick-counting kernel also charges to the task it interrupted) and steal (time
     * the hypervisor gave to other guests).
     */
    record CpuTicks(long total, long busy, long interrupts, long steal) {
    }

    /** The CPU jiffies so far, or null when /proc/stat cannot be read. */
    static CpuTicks cpuTicks() {
        long[] times = cpuFields();
        if (times == null) {
            return null;
        }
        long total = Arrays.stream(times).sum();
        return new CpuTicks(total, total - times[3] - times[4], times[5] + times[6], times[7]);
    }

    /**
     * user, nice, system, idle, iowait, irq, softirq, steal jiffies of all CPUs (guest time is already counted in user;
     * fields missing on old kernels read 0), or null when /proc/stat cannot be read.
     */
    private static long[] cpuFields() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] times = new long[8];
            for (int i = 0; i < Math.min(8, fields.length - 1); i++) {
                times[i] = Long.parseLong(fields[i + 1]);
            }
            return times;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static OptionalLong meminfo(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith(key)) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
