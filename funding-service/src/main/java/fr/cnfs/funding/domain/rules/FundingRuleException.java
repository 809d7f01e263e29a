package fr.cnfs.funding.domain.rules;

/** A funding rule refuses the input: a duration outside the phase's bounds, an unknown category... */
public class FundingRuleException extends RuntimeException {

    private final String rule;

    public FundingRuleException(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    /** Short name of the rule, e.g. {@code contract-duration}. */
    public String rule() {
        return rule;
    }
}
