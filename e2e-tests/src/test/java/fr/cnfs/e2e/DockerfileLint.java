package fr.cnfs.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ops expect of a service image, checked on the Dockerfile text since no Docker engine runs here: a small runtime
 * base with a pinned tag, a non-root user, a health check on the Quarkus health endpoints and a heap sized from the
 * container's memory limit.
 */
final class DockerfileLint {

    /** JRE-only bases: no compiler, no package cache, a few hundred MB at most. */
    private static final List<Pattern> RUNTIME_BASES = List.of(
            Pattern.compile("registry\\.access\\.redhat\\.com/ubi9/openjdk-(17|21)-runtime:[\\w.-]+"),
            Pattern.compile("eclipse-temurin:(17|21)[\\w.-]*-jre[\\w.-]*"));
    private static final Pattern HEALTH_URL = Pattern.compile("https?://(localhost|127\\.0\\.0\\.1):(\\d+)/q/health/(ready|live)\\b");
    private static final Pattern MAX_RAM = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(\\.\\d+)?)");

    record Instruction(String keyword, String arguments) {
    }

    private final List<Instruction> instructions;

    private DockerfileLint(List<Instruction> instructions) {
        this.instructions = instructions;
    }

    /** Parses the instructions: comments dropped, backslash continuations joined. */
    static DockerfileLint parse(String text) {
        List<Instruction> parsed = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String instruction = current.toString().strip();
            current.setLength(0);
            if (!instruction.isEmpty()) {
                String[] parts = instruction.split("\\s+", 2);
                parsed.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
            }
        }
        return new DockerfileLint(parsed);
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    Optional<Instruction> last(String keyword) {
        List<Instruction> found = all(keyword);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    /** The port the image exposes, if exactly one. */
    Optional<Integer> exposedPort() {
        List<Instruction> exposed = all("EXPOSE");
        return exposed.size() == 1 ? Optional.of(Integer.parseInt(exposed.get(0).arguments().split("[/\\s]")[0]))
                : Optional.empty();
    }

    /** Every rule broken, in words; empty when the image is as ops expect. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        List<Instruction> froms = all("FROM");
        if (froms.isEmpty()) {
            problems.add("no FROM");
        } else {
            String base = froms.get(froms.size() - 1).arguments().split("\\s+")[0];
            if (RUNTIME_BASES.stream().noneMatch(p -> p.matcher(base).matches())) {
                problems.add("runtime base " + base + " is not a pinned JRE-only image (ubi9/openjdk-17-runtime, eclipse-temurin:17-jre)");
            }
        }

        Optional<Instruction> user = last("USER");
        if (user.isEmpty()) {
            problems.add("no USER: the container would run as root");
        } else {
            String name = user.get().arguments().split(":")[0].strip();
            if (name.equals("root") || name.equals("0")) {
                problems.add("USER " + user.get().arguments() + " is root");
            }
            int userIndex = instructions.indexOf(user.get());
            if (instructions.subList(userIndex, instructions.size()).stream().anyMatch(i -> i.keyword().equals("RUN"))) {
                problems.add("RUN after USER: keep the last layers unprivileged");
            }
        }
        for (Instruction copy : all("COPY")) {
            if (!copy.arguments().contains("--chown=") || copy.arguments().contains("--chown=root")
                    || copy.arguments().contains("--chown=0")) {
                problems.add("COPY without a non-root --chown: " + copy.arguments());
            }
        }

        Optional<Integer> port = exposedPort();
        if (port.isEmpty()) {
            problems.add("not exactly one EXPOSE");
        }
        Optional<Instruction> healthcheck = last("HEALTHCHECK");
        if (healthcheck.isEmpty() || healthcheck.get().arguments().strip().equalsIgnoreCase("NONE")) {
            problems.add("no HEALTHCHECK");
        } else {
            Matcher url = HEALTH_URL.matcher(healthcheck.get().arguments());
            if (!url.find()) {
                problems.add("HEALTHCHECK does not probe /q/health/ready or /q/health/live: " + healthcheck.get().arguments());
            } else if (port.isPresent() && Integer.parseInt(url.group(2)) != port.get()) {
                problems.add("HEALTHCHECK probes port " + url.group(2) + " but the image exposes " + port.get());
            }
            if (!healthcheck.get().arguments().contains("--interval=") || !healthcheck.get().arguments().contains("--start-period=")) {
                problems.add("HEALTHCHECK without --interval and --start-period");
            }
        }

        String environment = String.join(" ", all("ENV").stream().map(Instruction::arguments).toList())
                + " " + String.join(" ", all("ENTRYPOINT").stream().map(Instruction::arguments).toList())
                + " " + String.join(" ", all("CMD").stream().map(Instruction::arguments).toList());
        Matcher maxRam = MAX_RAM.matcher(environment);
        if (!maxRam.find()) {
            problems.add("no -XX:MaxRAMPercentage: the heap would not follow the container's memory limit");
        } else {
            double percentage = Double.parseDouble(maxRam.group(1));
            if (percentage < 50 || percentage > 80) {
                problems.add("-XX:MaxRAMPercentage=" + maxRam.group(1) + " leaves too little or too much beside the heap");
            }
        }
        if (environment.matches(".*-Xmx\\d+.*")) {
            problems.add("a fixed -Xmx ignores the container's memory limit");
        }
        return problems;
    }
}
