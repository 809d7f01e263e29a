package fr.cnfs.funding.api;

/** OpenAPI example payloads, in one place; the Lyon post of DESIGN §5 runs through them. */
final class Examples {

    private Examples() {
    }

    static final String RULE_SET = """
            {
              "phase": "PHASE_1",
              "version": "2021.1",
              "name": "AMI 2021 (France Relance), phase 1",
              "source": "AMI Conseiller numérique France Services 2021; DESIGN §5",
              "effectiveFrom": "2021-01-01",
              "effectiveTo": "2022-12-31",
              "inForce": false,
              "minimumMonths": 12,
              "maximumMonths": 36,
              "replacementWindowMonths": 3,
              "dayCount": "30E/360: every month counts 30 days; a funded period of N months is 30 x N days",
              "categories": [
                {"category": "PUBLIC", "referenceMonths": 24, "baseAmount": 50000.00, "tranches": [
                  {"rank": 1, "share": 0.50, "dueAtOccupiedShare": "0"},
                  {"rank": 2, "share": 0.30, "dueAtOccupiedShare": "1/2"},
                  {"rank": 3, "share": 0.20, "dueAtOccupiedShare": "1"}]},
                {"category": "PRIVATE", "referenceMonths": 18, "baseAmount": 40000.00, "tranches": [
                  {"rank": 1, "share": 0.50, "dueAtOccupiedShare": "0"},
                  {"rank": 2, "share": 0.30, "dueAtOccupiedShare": "1/2"},
                  {"rank": 3, "share": 0.20, "dueAtOccupiedShare": "1"}]}
              ],
              "overseasIncrease": {"971": 0.40, "972": 0.40, "973": 0.40, "974": 0.40, "976": 0.40, "987": 0.40}
            }""";

    static final String SIMULATION_REQUEST = """
            {
              "category": "PUBLIC",
              "communeCode": "97120",
              "contractMonths": 24,
              "posts": 2,
              "phase": "PHASE_1",
              "qpv": false,
              "zrr": false
            }""";

    static final String SIMULATION = """
            {
              "phase": "PHASE_1",
              "ruleSetVersion": "2021.1",
              "category": "PUBLIC",
              "territoryCode": "971",
              "territoryZone": "DROM",
              "contractMonths": 24,
              "fundedMonths": 24,
              "fundedDays": 720,
              "posts": 2,
              "mainlandAmountPerPost": 50000.00,
              "overseasIncrease": {"territoryCode": "971", "rate": 0.40, "amount": 20000.00},
              "priorityAreaBonus": false,
              "amountPerPost": 70000.00,
              "totalAmount": 140000.00,
              "tranches": [
                {"rank": 1, "share": 0.5000, "amount": 35000.00, "occupiedDaysThreshold": 0,
                 "trigger": "when the first contract on the post starts"},
                {"rank": 2, "share": 0.3000, "amount": 21000.00, "occupiedDaysThreshold": 360,
                 "trigger": "when the post has been occupied for 1/2 of the funded period (360 days)"},
                {"rank": 3, "share": 0.2000, "amount": 14000.00, "occupiedDaysThreshold": 720,
                 "trigger": "when the post has been occupied for the whole funded period (720 days)"}
              ]
            }""";

    static final String GRANT = """
            {
              "id": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
              "applicationId": "1c7a4e1e-8a3b-4c55-9b0e-2f3d4e5a6b7c",
              "campaignId": "7e2b1c3d-4f5a-4b6c-8d9e-0a1b2c3d4e5f",
              "siret": "21690123100011",
              "structureName": "Commune de Lyon",
              "category": "PUBLIC",
              "departementCode": "69",
              "territoryZone": "METRO",
              "territoryCode": "69",
              "fundingPhase": "PHASE_1",
              "ruleSetVersion": "2021.1",
              "contractMonths": 24,
              "fundedMonths": 24,
              "postCount": 1,
              "amountPerPost": 50000.00,
              "totalAmount": 50000.00,
              "status": "ACTIVE",
              "awardedAt": "2021-06-01T08:00:00Z",
              "version": 2,
              "posts": [{
                "postId": "0b6f8a8e-2a43-4a5e-9f7e-3f0e0a6f8d21",
                "amount": 50000.00,
                "status": "OCCUPIED",
                "fundedDays": 720,
                "occupiedDays": 150,
                "earnedToDate": 10416.67,
                "firstContractStart": "2021-09-01",
                "tranches": [
                  {"id": "3a1b2c3d-0000-4000-8000-000000000001", "rank": 1, "amount": 25000.00, "status": "PAID",
                   "thresholdDays": 0, "dueDate": "2021-09-01", "paidOn": "2021-09-20", "paymentReference": "ASP-2021-000123"},
                  {"id": "3a1b2c3d-0000-4000-8000-000000000002", "rank": 2, "amount": 15000.00, "status": "PLANNED",
                   "thresholdDays": 360},
                  {"id": "3a1b2c3d-0000-4000-8000-000000000003", "rank": 3, "amount": 10000.00, "status": "PLANNED",
                   "thresholdDays": 720}
                ],
                "contracts": [{"contractId": "6d5c4b3a-1111-4222-8333-444455556666", "contractType": "CDD",
                  "startDate": "2021-09-01", "plannedEndDate": "2023-08-31", "grossMonthlySalary": 1700.00,
                  "weeklyHours": 35, "counted": true}]
              }]
            }""";

    static final String STATEMENT = """
            {
              "grantId": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
              "asOf": "2022-10-01",
              "posts": [{
                "postId": "0b6f8a8e-2a43-4a5e-9f7e-3f0e0a6f8d21",
                "status": "CLOSED",
                "occupiedDays": 300,
                "fundedDays": 720,
                "amounts": {"awarded": 50000.00, "earned": 20833.33, "planned": 0.00, "due": 0.00, "paid": 25000.00,
                  "cancelled": 25000.00, "adjustment": 0.00, "recovered": 4166.67, "settled": 0.00}
              }],
              "total": {"awarded": 50000.00, "earned": 20833.33, "planned": 0.00, "due": 0.00, "paid": 25000.00,
                "cancelled": 25000.00, "adjustment": 0.00, "recovered": 4166.67, "settled": 0.00}
            }""";

    static final String TRANCHE = """
            {
              "id": "3a1b2c3d-0000-4000-8000-000000000001",
              "grantId": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
              "postId": "0b6f8a8e-2a43-4a5e-9f7e-3f0e0a6f8d21",
              "applicationId": "1c7a4e1e-8a3b-4c55-9b0e-2f3d4e5a6b7c",
              "campaignId": "7e2b1c3d-4f5a-4b6c-8d9e-0a1b2c3d4e5f",
              "siret": "21690123100011",
              "rank": 1,
              "amount": 25000.00,
              "status": "PAID",
              "thresholdDays": 0,
              "dueDate": "2021-09-01",
              "paidOn": "2021-09-20",
              "paidAmount": 25000.00,
              "paymentReference": "ASP-2021-000123",
              "version": 2
            }""";

    static final String PAYMENT = """
            {
              "paidOn": "2021-09-20",
              "amount": 25000.00,
              "paymentReference": "ASP-2021-000123"
            }""";

    static final String RECOVERY = """
            {
              "id": "8b7a6c5d-2222-4333-8444-555566667777",
              "grantId": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
              "postId": "0b6f8a8e-2a43-4a5e-9f7e-3f0e0a6f8d21",
              "applicationId": "1c7a4e1e-8a3b-4c55-9b0e-2f3d4e5a6b7c",
              "siret": "21690123100011",
              "amount": 4166.67,
              "earnedAmount": 20833.33,
              "paidAmount": 25000.00,
              "settledAmount": 0.00,
              "outstanding": 4166.67,
              "reason": "REPLACEMENT_WINDOW_EXPIRED: paid 25000.00, earned 20833.33 for 300 of 720 funded days",
              "issuedOn": "2022-10-01",
              "status": "ISSUED",
              "version": 0,
              "settlements": []
            }""";

    static final String SETTLEMENT = """
            {
              "receivedOn": "2022-11-15",
              "amount": 4166.67,
              "reference": "ASP-REV-2022-000042"
            }""";

    static final String BUDGET = """
            {
              "campaignId": "7e2b1c3d-4f5a-4b6c-8d9e-0a1b2c3d4e5f",
              "asOf": "2022-10-01",
              "grants": 1,
              "posts": 1,
              "awarded": 50000.00,
              "committed": 25000.00,
              "planned": 0.00,
              "due": 0.00,
              "paid": 25000.00,
              "cancelled": 25000.00,
              "recovered": 4166.67,
              "recoverySettled": 0.00,
              "netPaid": 25000.00
            }""";

    static final String EVALUATION = """
            {
              "id": "4d3c2b1a-9999-4888-8777-666655554444",
              "asOf": "2022-09-01",
              "triggeredBy": "ADMIN",
              "requestedBy": "admin",
              "startedAt": "2022-09-01T07:00:00Z",
              "finishedAt": "2022-09-01T07:00:01Z",
              "postsExamined": 1,
              "tranchesDue": 1,
              "postsCompleted": 0,
              "postsClosed": 0,
              "recoveriesIssued": 0,
              "adjustmentsDue": 0,
              "failures": 0
            }""";

    static final String PARKED_EVENT = """
            {
              "seq": 12,
              "eventId": "c0ffee00-1234-4321-8888-abcdefabcdef",
              "eventType": "fr.cnfs.contract.ended.v1",
              "postId": "0b6f8a8e-2a43-4a5e-9f7e-3f0e0a6f8d21",
              "contractId": "6d5c4b3a-1111-4222-8333-444455556666",
              "waitingFor": "the start of contract 6d5c4b3a-1111-4222-8333-444455556666 (ContractStarted)",
              "status": "APPLIED",
              "parkedAt": "2022-06-30T10:00:00Z",
              "resolvedAt": "2022-06-30T10:00:02Z",
              "outcome": "applied after the start of contract 6d5c4b3a-1111-4222-8333-444455556666 (ContractStarted)"
            }""";

    static final String PROBLEM_VALIDATION = """
            {
              "type": "urn:cnfs:problem:validation",
              "title": "Invalid request",
              "status": 400,
              "detail": "contractMonths: must not be null",
              "instance": "/funding-simulations",
              "violations": [{"field": "contractMonths", "message": "must not be null"}]
            }""";

    static final String PROBLEM_DURATION = """
            {
              "type": "urn:cnfs:problem:contract-duration",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "contractMonths 6 is outside the bounds of PHASE_1: from 12 to 36 months",
              "instance": "/funding-simulations"
            }""";

    static final String PROBLEM_NOT_FOUND = """
            {
              "type": "urn:cnfs:problem:not-found",
              "title": "Resource not found",
              "status": 404,
              "detail": "Tranche 3a1b2c3d-0000-4000-8000-000000000001 not found",
              "instance": "/tranches/3a1b2c3d-0000-4000-8000-000000000001"
            }""";

    static final String PROBLEM_PAYMENT_AMOUNT = """
            {
              "type": "urn:cnfs:problem:payment-amount",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "the amount paid, 24999.99, must equal the tranche amount, 25000.00",
              "instance": "/tranches/3a1b2c3d-0000-4000-8000-000000000001/payment"
            }""";

    static final String PROBLEM_CONFLICT = """
            {
              "type": "urn:cnfs:problem:conflict",
              "title": "Conflict with the current state",
              "status": 409,
              "detail": "tranche 3a1b2c3d-0000-4000-8000-000000000002 was cancelled on 2022-10-01 (REPLACEMENT_WINDOW_EXPIRED)",
              "instance": "/tranches/3a1b2c3d-0000-4000-8000-000000000002/payment"
            }""";

    static final String PROBLEM_STALE = """
            {
              "type": "urn:cnfs:problem:stale-version",
              "title": "Stale version",
              "status": 412,
              "detail": "tranche 3a1b2c3d-0000-4000-8000-000000000001 is at version 2, not 1",
              "instance": "/tranches/3a1b2c3d-0000-4000-8000-000000000001/payment"
            }""";

    static final String PROBLEM_AS_OF = """
            {
              "type": "urn:cnfs:problem:evaluation-date",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "asOf 2030-01-01 is after today, 2022-09-01: money cannot fall due in advance",
              "instance": "/admin/tranche-evaluations"
            }""";

    static final String PROBLEM_UNAUTHENTICATED = """
            {
              "type": "urn:cnfs:problem:unauthenticated",
              "title": "Unauthorized",
              "status": 401,
              "detail": "a valid bearer token is required",
              "instance": "/tranches"
            }""";

    static final String PROBLEM_FORBIDDEN = """
            {
              "type": "urn:cnfs:problem:forbidden",
              "title": "Forbidden",
              "status": 403,
              "detail": "your role does not allow this operation",
              "instance": "/tranches/3a1b2c3d-0000-4000-8000-000000000001/payment"
            }""";
}
