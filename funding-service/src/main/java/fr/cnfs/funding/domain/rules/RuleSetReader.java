package fr.cnfs.funding.domain.rules;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads one rule set from its JSON resource and checks it before it is used: a rule set that does not add up (shares
 * not summing to 1, ranks out of order, bounds upside down) stops the service at start rather than computing wrong
 * amounts.
 */
public final class RuleSetReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleSetReader() {
    }

    public static FundingRuleSet read(InputStream in, String name) {
        if (in == null) {
            throw new IllegalStateException("Missing funding rule set resource " + name);
        }
        JsonNode root;
        try (in) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Funding rule set " + name + " is not valid JSON: " + e.getMessage(), e);
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Funding rule set " + name + " is invalid: " + e.getMessage(), e);
        }
    }

    static FundingRuleSet parse(JsonNode root) {
        String phase = text(root, "phase");
        LocalDate from = date(root, "effectiveFrom");
        LocalDate to = root.hasNonNull("effectiveTo") ? date(root, "effectiveTo") : null;
        require(to == null || !to.isBefore(from), "effectiveTo is before effectiveFrom");
        int minimum = positiveInt(root, "minimumMonths");
        int maximum = positiveInt(root, "maximumMonths");
        require(minimum <= maximum, "minimumMonths is above maximumMonths");
        int window = positiveInt(root, "replacementWindowMonths");

        List<CategoryRule> categories = new ArrayList<>();
        Set<StructureCategory> seen = new HashSet<>();
        for (JsonNode node : array(root, "categories")) {
            CategoryRule category = category(node, minimum);
            require(seen.add(category.category()), "category " + category.category() + " appears twice");
            categories.add(category);
        }
        require(!categories.isEmpty(), "no category");

        Map<String, BigDecimal> overseas = new LinkedHashMap<>();
        JsonNode table = root.path("overseasIncrease");
        table.fields().forEachRemaining(entry -> overseas.put(entry.getKey(), rate(entry.getKey(), entry.getValue())));
        return new FundingRuleSet(phase, text(root, "version"), text(root, "name"), root.path("source").asText(""),
                from, to, minimum, maximum, window, categories, overseas);
    }

    /** Checks an overseas increase rate, from a rule set or from configuration. */
    public static BigDecimal checkedRate(String territoryCode, BigDecimal rate) {
        require(territoryCode.matches("\\d{3}|\\d{2}|2[AB]"), "territory code " + territoryCode + " is not an INSEE code");
        require(rate.signum() >= 0 && rate.compareTo(BigDecimal.ONE) <= 0,
                "overseas increase of " + territoryCode + " must be between 0 and 1: " + rate);
        return rate;
    }

    private static CategoryRule category(JsonNode node, int minimumMonths) {
        String categoryName = text(node, "category");
        StructureCategory category = StructureCategory.parse(categoryName)
                .orElseThrow(() -> new IllegalArgumentException("unknown category " + categoryName));
        int reference = positiveInt(node, "referenceMonths");
        require(reference >= minimumMonths, category + ": referenceMonths is below minimumMonths");
        List<TrancheRule> tranches = new ArrayList<>();
        for (JsonNode tranche : array(node, "tranches")) {
            tranches.add(new TrancheRule(positiveInt(tranche, "rank"), optionalAmount(tranche, "share"),
                    optionalAmount(tranche, "amount"), optionalAmount(tranche, "priorityAreaBonus"),
                    OccupiedShare.parse(text(tranche, "dueAtOccupiedShare"))));
        }
        require(!tranches.isEmpty(), category + ": no tranche");
        for (int i = 0; i < tranches.size(); i++) {
            TrancheRule tranche = tranches.get(i);
            require(tranche.rank() == i + 1, category + ": tranche ranks must be 1, 2, 3... in order");
            require(tranche.share() == null ^ tranche.amount() == null,
                    category + " tranche " + tranche.rank() + ": give either a share or an amount");
            require(i == 0 || tranche.dueAtOccupiedShare().compareValue(tranches.get(i - 1).dueAtOccupiedShare()) >= 0,
                    category + ": tranches must become due in rank order");
        }
        boolean byShares = tranches.get(0).share() != null;
        require(tranches.stream().allMatch(tranche -> (tranche.share() != null) == byShares),
                category + ": tranches must all carry shares or all carry amounts");
        BigDecimal base = optionalAmount(node, "baseAmount");
        if (byShares) {
            require(base != null && base.signum() > 0, category + ": a plan by shares needs a positive baseAmount");
            BigDecimal total = tranches.stream().map(TrancheRule::share).reduce(BigDecimal.ZERO, BigDecimal::add);
            require(total.compareTo(BigDecimal.ONE) == 0, category + ": tranche shares sum to " + total + ", not 1");
            require(tranches.stream().allMatch(tranche -> tranche.share().signum() > 0), category + ": a share is not positive");
        } else {
            require(tranches.stream().allMatch(tranche -> tranche.amount().signum() > 0), category + ": an amount is not positive");
            BigDecimal total = tranches.stream().map(TrancheRule::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            require(base == null || base.compareTo(total) == 0, category + ": baseAmount is not the sum of the tranche amounts");
            base = total;
        }
        require(tranches.stream().allMatch(tranche -> tranche.priorityAreaBonus() == null
                || tranche.priorityAreaBonus().signum() >= 0), category + ": a bonus is negative");
        require(byShares ? tranches.stream().allMatch(tranche -> tranche.priorityAreaBonus() == null) : true,
                category + ": a plan by shares cannot carry a bonus amount");
        return new CategoryRule(category, reference, base.setScale(2), tranches);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        require(value != null && value.isTextual() && !value.asText().isBlank(), "missing text field " + field);
        return value.asText();
    }

    private static int positiveInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        require(value != null && value.isInt() && value.asInt() > 0, field + " must be a positive integer");
        return value.asInt();
    }

    private static LocalDate date(JsonNode node, String field) {
        try {
            return LocalDate.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO date");
        }
    }

    private static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        require(value != null && value.isArray(), "missing array " + field);
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /** Amounts and rates are written as strings, so that no binary floating point ever touches them. */
    private static BigDecimal optionalAmount(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        require(value.isTextual(), field + " must be a decimal written as a string");
        try {
            return new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a decimal: " + value.asText());
        }
    }

    private static BigDecimal rate(String code, JsonNode value) {
        require(value.isTextual(), "overseas increase of " + code + " must be a decimal written as a string");
        try {
            return checkedRate(code, new BigDecimal(value.asText()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("overseas increase of " + code + " is not a decimal");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
