package fr.cnfs.plumbing.problem;

/** 422: the request is well formed, but a business rule refuses it. {@code rule} names the rule. */
public class BusinessRuleException extends ProblemException {

    public BusinessRuleException(String rule, String detail) {
        super(422, rule, "Refused by a business rule", detail);
    }
}
