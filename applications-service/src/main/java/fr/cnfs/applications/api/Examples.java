package fr.cnfs.applications.api;

/** OpenAPI example payloads, in one place. */
final class Examples {

    static final String CREATE_APPLICATION = """
            {
              "structure": {
                "siret": "21690123100011",
                "name": "Commune de Lyon",
                "type": "COMMUNE",
                "communeCode": "69123",
                "qpv": false,
                "zrr": false
              },
              "postsRequested": 3,
              "contractMonths": 24
            }""";

    static final String APPROVE = """
            {
              "postsGranted": 2,
              "decisionNumber": "COSELEC 12"
            }""";

    static final String APPLICATION = """
            {
              "id": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
              "siret": "21690123100011",
              "structureName": "Commune de Lyon",
              "structureType": "COMMUNE",
              "category": "PUBLIC",
              "communeCode": "69123",
              "departementCode": "69",
              "regionCode": "84",
              "territoryZone": "METRO",
              "fundingPhase": "PHASE_1",
              "postsRequested": 3,
              "contractMonths": 24,
              "status": "APPROVED",
              "postsGranted": 2,
              "decisionNumber": "COSELEC 12",
              "decidedAt": "2021-03-01T10:00:00Z",
              "postIds": ["0b6f8a8e-2a43-4a5e-9f7e-3f0e0a6f8d21", "9d1f1f0c-77a4-4b0e-a0a5-5b8b8a1c3e42"],
              "grantedAmount": 100000.00,
              "createdAt": "2021-02-10T08:30:00Z",
              "version": 3
            }""";

    static final String PROBLEM_VALIDATION = """
            {
              "type": "urn:cnfs:problem:validation",
              "title": "Invalid request",
              "status": 400,
              "detail": "postsRequested: must be less than or equal to 50",
              "instance": "/applications",
              "violations": [{"field": "postsRequested", "message": "must be less than or equal to 50"}]
            }""";

    static final String PROBLEM_NOT_FOUND = """
            {
              "type": "urn:cnfs:problem:not-found",
              "title": "Resource not found",
              "status": 404,
              "detail": "Application 5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11 not found",
              "instance": "/applications/5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11"
            }""";

    static final String PROBLEM_CONFLICT = """
            {
              "type": "urn:cnfs:problem:illegal-transition",
              "title": "Conflict with the current state",
              "status": 409,
              "detail": "an application in status DRAFT cannot become APPROVED",
              "instance": "/applications/5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11/approve"
            }""";

    static final String PROBLEM_RULE = """
            {
              "type": "urn:cnfs:problem:unknown-commune",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "communeCode 99999 is not a commune of the official geographic code",
              "instance": "/applications"
            }""";

    private Examples() {
    }
}
