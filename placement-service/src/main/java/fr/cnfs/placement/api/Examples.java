package fr.cnfs.placement.api;

/** OpenAPI example payloads, in one place. */
final class Examples {

    static final String POST = """
            {
              "id": "0b6f8a8e-2a43-4a5e-9f7e-3f0e0a6f8d21",
              "applicationId": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
              "campaignId": "2b1f0f3c-7f0e-4d0c-9a57-9c6c8b1e2d33",
              "siret": "21690123100011",
              "structureName": "Commune de Lyon",
              "communeCode": "69123",
              "departementCode": "69",
              "regionCode": "84",
              "territoryZone": "METRO",
              "contractMonths": 24,
              "recruitmentDeadline": "2021-06-15",
              "overdue": false,
              "state": "OCCUPIED",
              "returnedOn": null,
              "contracts": [{
                "id": "7d5e2c1a-3b4f-4e6a-8c9d-0e1f2a3b4c5d",
                "matchId": "c3a1e7d2-5b6f-4a8e-9c0d-1e2f3a4b5c6d",
                "postId": "0b6f8a8e-2a43-4a5e-9f7e-3f0e0a6f8d21",
                "conseillerId": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
                "contractType": "CDD",
                "startDate": "2021-05-03",
                "endDate": "2023-05-02",
                "grossMonthlySalary": 1700.00,
                "weeklyHours": 35.00,
                "state": "ACTIVE",
                "proposedAt": "2021-04-20T09:12:00Z",
                "startedAt": "2021-04-22T14:03:00Z",
                "rupture": null,
                "endedOn": null,
                "endReason": null
              }],
              "version": 2
            }""";

    static final String REGISTER_CONSEILLER = """
            {
              "firstName": "Camille",
              "lastName": "Martin",
              "email": "camille.martin@example.org",
              "phone": "06 12 34 56 78",
              "communeCode": "69381",
              "mobility": "DEPARTEMENT",
              "availableFrom": "2021-04-01",
              "jobSeeker": true,
              "digitalMediationDiploma": false,
              "priorExperience": true
            }""";

    static final String CHANGE_CONSEILLER = """
            {
              "mobility": "REGION",
              "availableFrom": "2021-05-01",
              "status": "AVAILABLE"
            }""";

    static final String RECORD_TRAINING = """
            {
              "action": "ENROL",
              "date": "2021-04-12",
              "hoursCompleted": 0,
              "comment": "Session de Lyon, avril 2021"
            }""";

    static final String CONSEILLER = """
            {
              "id": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
              "firstName": "Camille",
              "lastName": "Martin",
              "email": "camille.martin@example.org",
              "phone": "06 12 34 56 78",
              "communeCode": "69381",
              "communeName": "Lyon 1er Arrondissement",
              "epciSiren": "200046977",
              "departementCode": "69",
              "regionCode": "84",
              "territoryZone": "METRO",
              "mobility": "DEPARTEMENT",
              "availableFrom": "2021-04-01",
              "jobSeeker": true,
              "digitalMediationDiploma": false,
              "priorExperience": true,
              "status": "AVAILABLE",
              "training": {
                "status": "ENROLLED",
                "enrolledOn": "2021-04-12",
                "certifiedOn": null,
                "abandonedOn": null,
                "hoursCompleted": 35,
                "history": [{
                  "action": "ENROL", "statusBefore": "NOT_STARTED", "statusAfter": "ENROLLED", "date": "2021-04-12",
                  "hoursCompleted": 0, "comment": null, "recordedBy": "conseiller:c-123",
                  "recordedAt": "2021-04-12T08:00:00Z"
                }]
              },
              "selfRegistered": true,
              "createdAt": "2021-03-20T10:00:00Z",
              "updatedAt": "2021-04-12T08:00:00Z",
              "version": 2
            }""";

    static final String CANDIDATES = """
            {
              "items": [{
                "conseillerId": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
                "firstName": "Camille",
                "lastName": "Martin",
                "communeCode": "69381",
                "communeName": "Lyon 1er Arrondissement",
                "departementCode": "69",
                "mobility": "DEPARTEMENT",
                "availableFrom": "2021-04-01",
                "trainingStatus": "CERTIFIED",
                "digitalMediationDiploma": false,
                "priorExperience": true,
                "jobSeeker": true,
                "proximity": "COMMUNE",
                "rank": 1
              }],
              "page": 0,
              "size": 20,
              "totalItems": 1
            }""";

    static final String CREATE_MATCH = """
            {
              "postId": "0b6f8a8e-2a43-4a5e-9f7e-3f0e0a6f8d21",
              "conseillerId": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"
            }""";

    static final String PROPOSE_CONTRACT = """
            {
              "contractType": "CDD",
              "startDate": "2024-02-01",
              "endDate": "2026-01-31",
              "grossMonthlySalary": 1850.00,
              "weeklyHours": 35
            }""";

    static final String DECLARE_RUPTURE = """
            {
              "date": "2024-09-30",
              "reason": "RESIGNATION",
              "comment": "Démission reçue le 1er septembre, préavis d'un mois"
            }""";

    static final String MATCH = """
            {
              "id": "c3a1e7d2-5b6f-4a8e-9c0d-1e2f3a4b5c6d",
              "postId": "0b6f8a8e-2a43-4a5e-9f7e-3f0e0a6f8d21",
              "siret": "21690123100011",
              "structureName": "Commune de Lyon",
              "postCommuneCode": "69123",
              "conseillerId": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
              "conseiller": {
                "firstName": "Camille", "lastName": "Martin", "email": "camille.martin@example.org",
                "phone": "06 12 34 56 78", "communeCode": "69381", "trainingStatus": "CERTIFIED"
              },
              "state": "RECRUITED",
              "proximity": "COMMUNE",
              "contract": {
                "id": "7d5e2c1a-3b4f-4e6a-8c9d-0e1f2a3b4c5d",
                "matchId": "c3a1e7d2-5b6f-4a8e-9c0d-1e2f3a4b5c6d",
                "postId": "0b6f8a8e-2a43-4a5e-9f7e-3f0e0a6f8d21",
                "conseillerId": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
                "contractType": "CDD",
                "startDate": "2024-02-01",
                "endDate": "2026-01-31",
                "grossMonthlySalary": 1850.00,
                "weeklyHours": 35.00,
                "state": "PROPOSED",
                "proposedAt": "2024-01-15T10:00:00Z",
                "startedAt": null,
                "rupture": null,
                "endedOn": null,
                "endReason": null
              },
              "history": [
                {"from": null, "to": "NEW", "command": "create", "actor": "structure:structure-21690123100011",
                 "detail": "proximity COMMUNE", "at": "2024-01-10T09:00:00Z"},
                {"from": "NEW", "to": "SHORTLISTED", "command": "shortlist",
                 "actor": "structure:structure-21690123100011", "detail": null, "at": "2024-01-12T09:00:00Z"},
                {"from": "SHORTLISTED", "to": "RECRUITED", "command": "recruit",
                 "actor": "structure:structure-21690123100011", "detail": "CDD from 2024-02-01",
                 "at": "2024-01-15T10:00:00Z"}
              ],
              "createdAt": "2024-01-10T09:00:00Z",
              "updatedAt": "2024-01-15T10:00:00Z",
              "version": 2
            }""";

    static final String NATURAL_END_RUN = """
            {
              "asOf": "2024-02-01",
              "endedContractIds": ["7d5e2c1a-3b4f-4e6a-8c9d-0e1f2a3b4c5d"]
            }""";

    static final String PROBLEM_VALIDATION = """
            {
              "type": "urn:cnfs:problem:validation",
              "title": "Invalid request",
              "status": 400,
              "detail": "email: must be a well-formed email address",
              "instance": "/conseillers",
              "violations": [{"field": "email", "message": "must be a well-formed email address"}]
            }""";

    static final String PROBLEM_NOT_FOUND = """
            {
              "type": "urn:cnfs:problem:not-found",
              "title": "Resource not found",
              "status": 404,
              "detail": "Match c3a1e7d2-5b6f-4a8e-9c0d-1e2f3a4b5c6d not found",
              "instance": "/matches/c3a1e7d2-5b6f-4a8e-9c0d-1e2f3a4b5c6d"
            }""";

    static final String PROBLEM_CONFLICT = """
            {
              "type": "urn:cnfs:problem:illegal-transition",
              "title": "Conflict with the current state",
              "status": 409,
              "detail": "'finalize' does not apply to a SHORTLISTED match (only to RECRUITED)",
              "instance": "/matches/c3a1e7d2-5b6f-4a8e-9c0d-1e2f3a4b5c6d/finalize"
            }""";

    static final String PROBLEM_DUPLICATE_EMAIL = """
            {
              "type": "urn:cnfs:problem:conseiller-email-unique",
              "title": "Conflict with the current state",
              "status": 409,
              "detail": "another adviser is registered with this email",
              "instance": "/conseillers"
            }""";

    static final String PROBLEM_SALARY = """
            {
              "type": "urn:cnfs:problem:salary-at-least-smic",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "grossMonthlySalary 1700.00 is below the gross monthly SMIC of 1766.92 in force on 2024-02-01",
              "instance": "/matches/c3a1e7d2-5b6f-4a8e-9c0d-1e2f3a4b5c6d/recruit"
            }""";

    static final String PROBLEM_RUPTURE = """
            {
              "type": "urn:cnfs:problem:rupture-date-not-in-future",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "the rupture date 2030-01-01 is after today, 2024-09-30",
              "instance": "/matches/c3a1e7d2-5b6f-4a8e-9c0d-1e2f3a4b5c6d/declare-rupture"
            }""";

    static final String PROBLEM_UNKNOWN_COMMUNE = """
            {
              "type": "urn:cnfs:problem:unknown-commune",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "communeCode 99999 is not a commune of the official geographic code",
              "instance": "/conseillers"
            }""";

    static final String PROBLEM_OUT_OF_REACH = """
            {
              "type": "urn:cnfs:problem:adviser-out-of-reach",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "the adviser's mobility (COMMUNE from 13055) does not reach the post in 69123",
              "instance": "/matches"
            }""";

    static final String PROBLEM_STALE = """
            {
              "type": "urn:cnfs:problem:stale-version",
              "title": "Stale version",
              "status": 412,
              "detail": "the adviser is at version 4, not 3",
              "instance": "/conseillers/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"
            }""";

    static final String MATCH_PAGE = "{\"items\": [" + MATCH + "], \"page\": 0, \"size\": 20, \"totalItems\": 1}";

    static final String POST_PAGE = "{\"items\": [" + POST + "], \"page\": 0, \"size\": 20, \"totalItems\": 1}";

    static final String CONSEILLER_PAGE = "{\"items\": [" + CONSEILLER
            + "], \"page\": 0, \"size\": 20, \"totalItems\": 1}";

    static final String RETURNED_POST = """
            {
              "id": "0b6f8a8e-2a43-4a5e-9f7e-3f0e0a6f8d21",
              "applicationId": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
              "campaignId": "2b1f0f3c-7f0e-4d0c-9a57-9c6c8b1e2d33",
              "siret": "21690123100011",
              "structureName": "Commune de Lyon",
              "communeCode": "69123",
              "departementCode": "69",
              "regionCode": "84",
              "territoryZone": "METRO",
              "contractMonths": 24,
              "recruitmentDeadline": "2021-06-15",
              "overdue": false,
              "state": "RETURNED",
              "returnedOn": "2021-09-01",
              "contracts": [],
              "version": 3
            }""";

    static final String DECLINE_MATCH = """
            {
              "reason": "Le candidat a accepté un autre poste"
            }""";

    static final String PROBLEM_STALE_MATCH = """
            {
              "type": "urn:cnfs:problem:stale-version",
              "title": "Stale version",
              "status": 412,
              "detail": "the match is at version 3, not 2",
              "instance": "/matches/c3a1e7d2-5b6f-4a8e-9c0d-1e2f3a4b5c6d/finalize"
            }""";

    static final String PROBLEM_SELF_CERTIFICATION = """
            {
              "type": "urn:cnfs:problem:forbidden",
              "title": "Forbidden",
              "status": 403,
              "detail": "your role does not allow this operation",
              "instance": "/conseillers/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d/training"
            }""";

    static final String PROBLEM_TRAINING_HOURS = """
            {
              "type": "urn:cnfs:problem:training-hours-not-decreasing",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "hoursCompleted 20 is below the 35 hours already recorded",
              "instance": "/conseillers/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d/training"
            }""";

    static final String PROBLEM_AS_OF = """
            {
              "type": "urn:cnfs:problem:as-of-not-in-future",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "asOf 2030-01-01 is after today, 2024-09-30",
              "instance": "/contracts/natural-ends"
            }""";

    private Examples() {
    }
}
