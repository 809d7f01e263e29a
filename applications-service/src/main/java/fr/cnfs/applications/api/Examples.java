package fr.cnfs.applications.api;

/** OpenAPI example payloads, in one place; they follow the request and view records' shapes. */
final class Examples {

    static final String APPLICATION_DRAFT = """
            {
              "id": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
              "structure": {
                "id": "8d4b6c1e-2f3a-4b5c-9d7e-1a2b3c4d5e6f",
                "siret": "21690123100011",
                "name": "Commune de Lyon",
                "type": "COMMUNE",
                "category": "PUBLIC",
                "communeCode": "69123",
                "departementCode": "69",
                "regionCode": "84",
                "territoryZone": "METRO",
                "qpv": false,
                "zrr": false
              },
              "campaign": {
                "id": "c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b",
                "name": "AMI 2021 - vague 1",
                "fundingPhase": "PHASE_1"
              },
              "postsRequested": 3,
              "contractMonths": 24,
              "desiredStartDate": "2021-05-01",
              "motivation": "Trois conseillers pour les maisons France Services des 1er, 8e et 9e arrondissements.",
              "franceServicesLabel": true,
              "status": "DRAFT",
              "createdAt": "2021-02-10T08:30:00Z",
              "updatedAt": "2021-02-10T08:30:00Z",
              "submittedAt": null,
              "postsGranted": null,
              "decisionNumber": null,
              "priority": false,
              "decisionComment": null,
              "rejectionReason": null,
              "decidedAt": null,
              "postIds": [],
              "prefectOpinion": null,
              "grantId": null,
              "grantedAmount": null,
              "paidAmount": null,
              "remainingAmount": null,
              "version": 0
            }""";

    static final String APPLICATION_SUBMITTED = """
            {
              "id": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
              "structure": {
                "id": "8d4b6c1e-2f3a-4b5c-9d7e-1a2b3c4d5e6f",
                "siret": "21690123100011",
                "name": "Commune de Lyon",
                "type": "COMMUNE",
                "category": "PUBLIC",
                "communeCode": "69123",
                "departementCode": "69",
                "regionCode": "84",
                "territoryZone": "METRO",
                "qpv": false,
                "zrr": false
              },
              "campaign": {
                "id": "c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b",
                "name": "AMI 2021 - vague 1",
                "fundingPhase": "PHASE_1"
              },
              "postsRequested": 3,
              "contractMonths": 24,
              "desiredStartDate": "2021-05-01",
              "motivation": "Trois conseillers pour les maisons France Services des 1er, 8e et 9e arrondissements.",
              "franceServicesLabel": true,
              "status": "SUBMITTED",
              "createdAt": "2021-02-10T08:30:00Z",
              "updatedAt": "2021-02-12T09:00:00Z",
              "submittedAt": "2021-02-12T09:00:00Z",
              "postsGranted": null,
              "decisionNumber": null,
              "priority": false,
              "decisionComment": null,
              "rejectionReason": null,
              "decidedAt": null,
              "postIds": [],
              "prefectOpinion": null,
              "grantId": null,
              "grantedAmount": null,
              "paidAmount": null,
              "remainingAmount": null,
              "version": 1
            }""";

    static final String APPLICATION_UNDER_REVIEW = """
            {
              "id": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
              "structure": {
                "id": "8d4b6c1e-2f3a-4b5c-9d7e-1a2b3c4d5e6f",
                "siret": "21690123100011",
                "name": "Commune de Lyon",
                "type": "COMMUNE",
                "category": "PUBLIC",
                "communeCode": "69123",
                "departementCode": "69",
                "regionCode": "84",
                "territoryZone": "METRO",
                "qpv": false,
                "zrr": false
              },
              "campaign": {
                "id": "c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b",
                "name": "AMI 2021 - vague 1",
                "fundingPhase": "PHASE_1"
              },
              "postsRequested": 3,
              "contractMonths": 24,
              "desiredStartDate": "2021-05-01",
              "motivation": "Trois conseillers pour les maisons France Services des 1er, 8e et 9e arrondissements.",
              "franceServicesLabel": true,
              "status": "UNDER_REVIEW",
              "createdAt": "2021-02-10T08:30:00Z",
              "updatedAt": "2021-02-20T14:00:00Z",
              "submittedAt": "2021-02-12T09:00:00Z",
              "postsGranted": null,
              "decisionNumber": null,
              "priority": false,
              "decisionComment": null,
              "rejectionReason": null,
              "decidedAt": null,
              "postIds": [],
              "prefectOpinion": {
                "opinion": "FAVORABLE",
                "comment": "Besoin avéré dans les quartiers prioritaires.",
                "givenBy": "prefet-69",
                "givenAt": "2021-02-20T14:00:00Z"
              },
              "grantId": null,
              "grantedAmount": null,
              "paidAmount": null,
              "remainingAmount": null,
              "version": 3
            }""";

    static final String APPLICATION_CHANGES_REQUESTED = """
            {
              "id": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
              "structure": {
                "id": "8d4b6c1e-2f3a-4b5c-9d7e-1a2b3c4d5e6f",
                "siret": "21690123100011",
                "name": "Commune de Lyon",
                "type": "COMMUNE",
                "category": "PUBLIC",
                "communeCode": "69123",
                "departementCode": "69",
                "regionCode": "84",
                "territoryZone": "METRO",
                "qpv": false,
                "zrr": false
              },
              "campaign": {
                "id": "c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b",
                "name": "AMI 2021 - vague 1",
                "fundingPhase": "PHASE_1"
              },
              "postsRequested": 3,
              "contractMonths": 24,
              "desiredStartDate": "2021-05-01",
              "motivation": "Trois conseillers pour les maisons France Services des 1er, 8e et 9e arrondissements.",
              "franceServicesLabel": true,
              "status": "CHANGES_REQUESTED",
              "createdAt": "2021-02-10T08:30:00Z",
              "updatedAt": "2021-02-22T10:00:00Z",
              "submittedAt": "2021-02-12T09:00:00Z",
              "postsGranted": null,
              "decisionNumber": null,
              "priority": false,
              "decisionComment": null,
              "rejectionReason": null,
              "decidedAt": null,
              "postIds": [],
              "prefectOpinion": null,
              "grantId": null,
              "grantedAmount": null,
              "paidAmount": null,
              "remainingAmount": null,
              "version": 3
            }""";

    static final String APPLICATION_APPROVED = """
            {
              "id": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
              "structure": {
                "id": "8d4b6c1e-2f3a-4b5c-9d7e-1a2b3c4d5e6f",
                "siret": "21690123100011",
                "name": "Commune de Lyon",
                "type": "COMMUNE",
                "category": "PUBLIC",
                "communeCode": "69123",
                "departementCode": "69",
                "regionCode": "84",
                "territoryZone": "METRO",
                "qpv": false,
                "zrr": false
              },
              "campaign": {
                "id": "c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b",
                "name": "AMI 2021 - vague 1",
                "fundingPhase": "PHASE_1"
              },
              "postsRequested": 3,
              "contractMonths": 24,
              "desiredStartDate": "2021-05-01",
              "motivation": "Trois conseillers pour les maisons France Services des 1er, 8e et 9e arrondissements.",
              "franceServicesLabel": true,
              "status": "APPROVED",
              "createdAt": "2021-02-10T08:30:00Z",
              "updatedAt": "2021-03-01T10:00:00Z",
              "submittedAt": "2021-02-12T09:00:00Z",
              "postsGranted": 2,
              "decisionNumber": "COSELEC 12",
              "priority": true,
              "decisionComment": "Deux postes au regard du quota restant.",
              "rejectionReason": null,
              "decidedAt": "2021-03-01T10:00:00Z",
              "postIds": [
                "0b6f8a8e-2a43-4a5e-9f7e-3f0e0a6f8d21",
                "9d1f1f0c-77a4-4b0e-a0a5-5b8b8a1c3e42"
              ],
              "prefectOpinion": {
                "opinion": "FAVORABLE",
                "comment": "Besoin avéré dans les quartiers prioritaires.",
                "givenBy": "prefet-69",
                "givenAt": "2021-02-20T14:00:00Z"
              },
              "grantId": "3e9a7c1d-4b2f-4e8a-9c6d-5f1e2d3c4b5a",
              "grantedAmount": 100000.00,
              "paidAmount": 50000.00,
              "remainingAmount": 50000.00,
              "version": 4
            }""";

    static final String APPLICATION_REJECTED = """
            {
              "id": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
              "structure": {
                "id": "8d4b6c1e-2f3a-4b5c-9d7e-1a2b3c4d5e6f",
                "siret": "21690123100011",
                "name": "Commune de Lyon",
                "type": "COMMUNE",
                "category": "PUBLIC",
                "communeCode": "69123",
                "departementCode": "69",
                "regionCode": "84",
                "territoryZone": "METRO",
                "qpv": false,
                "zrr": false
              },
              "campaign": {
                "id": "c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b",
                "name": "AMI 2021 - vague 1",
                "fundingPhase": "PHASE_1"
              },
              "postsRequested": 3,
              "contractMonths": 24,
              "desiredStartDate": "2021-05-01",
              "motivation": "Trois conseillers pour les maisons France Services des 1er, 8e et 9e arrondissements.",
              "franceServicesLabel": true,
              "status": "REJECTED",
              "createdAt": "2021-02-10T08:30:00Z",
              "updatedAt": "2021-03-01T10:00:00Z",
              "submittedAt": "2021-02-12T09:00:00Z",
              "postsGranted": null,
              "decisionNumber": null,
              "priority": false,
              "decisionComment": "Le territoire est déjà couvert par la vague précédente.",
              "rejectionReason": "INSUFFICIENT_NEED",
              "decidedAt": "2021-03-01T10:00:00Z",
              "postIds": [],
              "prefectOpinion": null,
              "grantId": null,
              "grantedAmount": null,
              "paidAmount": null,
              "remainingAmount": null,
              "version": 3
            }""";

    static final String APPLICATION_WITHDRAWN = """
            {
              "id": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
              "structure": {
                "id": "8d4b6c1e-2f3a-4b5c-9d7e-1a2b3c4d5e6f",
                "siret": "21690123100011",
                "name": "Commune de Lyon",
                "type": "COMMUNE",
                "category": "PUBLIC",
                "communeCode": "69123",
                "departementCode": "69",
                "regionCode": "84",
                "territoryZone": "METRO",
                "qpv": false,
                "zrr": false
              },
              "campaign": {
                "id": "c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b",
                "name": "AMI 2021 - vague 1",
                "fundingPhase": "PHASE_1"
              },
              "postsRequested": 3,
              "contractMonths": 24,
              "desiredStartDate": "2021-05-01",
              "motivation": "Trois conseillers pour les maisons France Services des 1er, 8e et 9e arrondissements.",
              "franceServicesLabel": true,
              "status": "WITHDRAWN",
              "createdAt": "2021-02-10T08:30:00Z",
              "updatedAt": "2021-02-15T16:00:00Z",
              "submittedAt": "2021-02-12T09:00:00Z",
              "postsGranted": null,
              "decisionNumber": null,
              "priority": false,
              "decisionComment": null,
              "rejectionReason": null,
              "decidedAt": null,
              "postIds": [],
              "prefectOpinion": null,
              "grantId": null,
              "grantedAmount": null,
              "paidAmount": null,
              "remainingAmount": null,
              "version": 2
            }""";

    static final String APPLICATION_PAGE = """
            {
              "items": [
                {
                  "id": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
                  "structure": {
                    "id": "8d4b6c1e-2f3a-4b5c-9d7e-1a2b3c4d5e6f",
                    "siret": "21690123100011",
                    "name": "Commune de Lyon",
                    "type": "COMMUNE",
                    "category": "PUBLIC",
                    "communeCode": "69123",
                    "departementCode": "69",
                    "regionCode": "84",
                    "territoryZone": "METRO",
                    "qpv": false,
                    "zrr": false
                  },
                  "campaign": {
                    "id": "c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b",
                    "name": "AMI 2021 - vague 1",
                    "fundingPhase": "PHASE_1"
                  },
                  "postsRequested": 3,
                  "contractMonths": 24,
                  "desiredStartDate": "2021-05-01",
                  "motivation": "Trois conseillers pour les maisons France Services des 1er, 8e et 9e arrondissements.",
                  "franceServicesLabel": true,
                  "status": "SUBMITTED",
                  "createdAt": "2021-02-10T08:30:00Z",
                  "updatedAt": "2021-02-12T09:00:00Z",
                  "submittedAt": "2021-02-12T09:00:00Z",
                  "postsGranted": null,
                  "decisionNumber": null,
                  "priority": false,
                  "decisionComment": null,
                  "rejectionReason": null,
                  "decidedAt": null,
                  "postIds": [],
                  "prefectOpinion": null,
                  "grantId": null,
                  "grantedAmount": null,
                  "paidAmount": null,
                  "remainingAmount": null,
                  "version": 1
                }
              ],
              "page": 0,
              "size": 20,
              "totalItems": 1
            }""";

    static final String REGISTER_COMMUNE = """
            {
              "siret": "21690123100011",
              "name": "Commune de Lyon",
              "type": "COMMUNE",
              "communeCode": "69123",
              "qpv": false,
              "zrr": false,
              "contact": {
                "firstName": "Claire",
                "lastName": "Martin",
                "role": "Cheffe de projet inclusion numérique",
                "email": "claire.martin@mairie-lyon.fr",
                "phone": "+33 4 72 10 30 30"
              }
            }""";

    static final String REGISTER_ASSOCIATION = """
            {
              "siret": "77535244600014",
              "name": "Association Pixel Solidaire",
              "type": "ASSOCIATION",
              "communeCode": "97411",
              "qpv": true,
              "zrr": false,
              "contact": {
                "firstName": "Jean",
                "lastName": "Payet",
                "role": "Président",
                "email": "contact@pixel-solidaire.re",
                "phone": "0262 20 30 40"
              }
            }""";

    static final String STRUCTURE = """
            {
              "id": "8d4b6c1e-2f3a-4b5c-9d7e-1a2b3c4d5e6f",
              "siret": "21690123100011",
              "name": "Commune de Lyon",
              "type": "COMMUNE",
              "category": "PUBLIC",
              "communeCode": "69123",
              "communeName": "Lyon",
              "departementCode": "69",
              "regionCode": "84",
              "territoryZone": "METRO",
              "territoryCode": "69",
              "qpv": false,
              "zrr": false,
              "contact": {
                "firstName": "Claire",
                "lastName": "Martin",
                "role": "Cheffe de projet inclusion numérique",
                "email": "claire.martin@mairie-lyon.fr",
                "phone": "+33 4 72 10 30 30"
              },
              "createdAt": "2021-02-01T09:00:00Z",
              "updatedAt": "2021-02-01T09:00:00Z",
              "version": 0
            }""";

    static final String STRUCTURE_PAGE = """
            {
              "items": [
                {
                  "id": "8d4b6c1e-2f3a-4b5c-9d7e-1a2b3c4d5e6f",
                  "siret": "21690123100011",
                  "name": "Commune de Lyon",
                  "type": "COMMUNE",
                  "category": "PUBLIC",
                  "communeCode": "69123",
                  "communeName": "Lyon",
                  "departementCode": "69",
                  "regionCode": "84",
                  "territoryZone": "METRO",
                  "territoryCode": "69",
                  "qpv": false,
                  "zrr": false,
                  "contact": {
                    "firstName": "Claire",
                    "lastName": "Martin",
                    "role": "Cheffe de projet inclusion numérique",
                    "email": "claire.martin@mairie-lyon.fr",
                    "phone": "+33 4 72 10 30 30"
                  },
                  "createdAt": "2021-02-01T09:00:00Z",
                  "updatedAt": "2021-02-01T09:00:00Z",
                  "version": 0
                }
              ],
              "page": 0,
              "size": 20,
              "totalItems": 1
            }""";

    static final String PATCH_CONTACT = """
            {
              "contact": {
                "email": "inclusion.numerique@mairie-lyon.fr",
                "phone": "+33 4 72 10 30 31"
              }
            }""";

    static final String CREATE_CAMPAIGN = """
            {
              "name": "AMI 2021 - vague 1",
              "opensOn": "2021-01-15",
              "closesOn": "2021-03-31",
              "postQuota": 4000,
              "eligibleCategories": [
                "PUBLIC"
              ],
              "fundingPhase": "PHASE_1",
              "recruitmentDeadlineMonths": 3
            }""";

    static final String CAMPAIGN = """
            {
              "id": "c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b",
              "name": "AMI 2021 - vague 1",
              "opensOn": "2021-01-15",
              "closesOn": "2021-03-31",
              "status": "OPEN",
              "postQuota": 4000,
              "postsGranted": 1250,
              "postsRemaining": 2750,
              "eligibleCategories": [
                "PUBLIC"
              ],
              "fundingPhase": "PHASE_1",
              "contractMonths": {
                "PUBLIC": {
                  "min": 12,
                  "max": 24
                }
              },
              "recruitmentDeadlineMonths": 3,
              "createdAt": "2021-01-10T09:00:00Z",
              "version": 412
            }""";

    static final String CAMPAIGN_PAGE = """
            {
              "items": [
                {
                  "id": "c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b",
                  "name": "AMI 2021 - vague 1",
                  "opensOn": "2021-01-15",
                  "closesOn": "2021-03-31",
                  "status": "OPEN",
                  "postQuota": 4000,
                  "postsGranted": 1250,
                  "postsRemaining": 2750,
                  "eligibleCategories": [
                    "PUBLIC"
                  ],
                  "fundingPhase": "PHASE_1",
                  "contractMonths": {
                    "PUBLIC": {
                      "min": 12,
                      "max": 24
                    }
                  },
                  "recruitmentDeadlineMonths": 3,
                  "createdAt": "2021-01-10T09:00:00Z",
                  "version": 412
                }
              ],
              "page": 0,
              "size": 20,
              "totalItems": 1
            }""";

    static final String CREATE_APPLICATION = """
            {
              "structureId": "8d4b6c1e-2f3a-4b5c-9d7e-1a2b3c4d5e6f",
              "campaignId": "c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b",
              "postsRequested": 3,
              "contractMonths": 24,
              "desiredStartDate": "2021-05-01",
              "motivation": "Trois conseillers pour les maisons France Services des 1er, 8e et 9e arrondissements.",
              "franceServicesLabel": true
            }""";

    static final String PATCH_APPLICATION = """
            {
              "postsRequested": 2,
              "motivation": "Deux conseillers, pour les 8e et 9e arrondissements."
            }""";

    static final String APPROVE = """
            {
              "postsGranted": 2,
              "decisionNumber": "COSELEC 12",
              "priority": true,
              "comment": "Deux postes au regard du quota restant."
            }""";

    static final String REJECT = """
            {
              "reason": "INSUFFICIENT_NEED",
              "comment": "Le territoire est déjà couvert par la vague précédente."
            }""";

    static final String REQUEST_CHANGES = """
            {
              "message": "Merci de préciser les lieux d'accueil de chaque conseiller."
            }""";

    static final String RESUBMIT = """
            {
              "comment": "Lieux d'accueil précisés dans la motivation."
            }""";

    static final String WITHDRAW = """
            {
              "comment": "Le conseil municipal a reporté le projet."
            }""";

    static final String PREFECT_OPINION = """
            {
              "opinion": "FAVORABLE",
              "comment": "Besoin avéré dans les quartiers prioritaires."
            }""";

    static final String POST_MESSAGE = """
            {
              "kind": "MESSAGE",
              "body": "Pouvez-vous joindre la délibération du conseil municipal ?"
            }""";

    static final String POST_INTERNAL_NOTE = """
            {
              "kind": "INTERNAL_NOTE",
              "body": "Dossier solide ; à classer en priorité au prochain COSELEC."
            }""";

    static final String COMMENT = """
            {
              "id": "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d",
              "applicationId": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
              "kind": "MESSAGE",
              "body": "Pouvez-vous joindre la délibération du conseil municipal ?",
              "author": {
                "subject": "instructeur-dev",
                "role": "instructeur"
              },
              "createdAt": "2021-02-18T11:00:00Z"
            }""";

    static final String COMMENT_PAGE = """
            {
              "items": [
                {
                  "id": "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d",
                  "applicationId": "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11",
                  "kind": "MESSAGE",
                  "body": "Pouvez-vous joindre la délibération du conseil municipal ?",
                  "author": {
                    "subject": "instructeur-dev",
                    "role": "instructeur"
                  },
                  "createdAt": "2021-02-18T11:00:00Z"
                }
              ],
              "page": 0,
              "size": 20,
              "totalItems": 1
            }""";

    static final String HISTORY_PAGE = """
            {
              "items": [
                {
                  "action": "CREATE",
                  "from": null,
                  "to": "DRAFT",
                  "actor": {
                    "subject": "structure-21690123100011",
                    "role": "structure"
                  },
                  "at": "2021-02-10T08:30:00Z",
                  "comment": null
                },
                {
                  "action": "SUBMIT",
                  "from": "DRAFT",
                  "to": "SUBMITTED",
                  "actor": {
                    "subject": "structure-21690123100011",
                    "role": "structure"
                  },
                  "at": "2021-02-12T09:00:00Z",
                  "comment": null
                },
                {
                  "action": "START_REVIEW",
                  "from": "SUBMITTED",
                  "to": "UNDER_REVIEW",
                  "actor": {
                    "subject": "instructeur-dev",
                    "role": "instructeur"
                  },
                  "at": "2021-02-15T09:00:00Z",
                  "comment": null
                },
                {
                  "action": "APPROVE",
                  "from": "UNDER_REVIEW",
                  "to": "APPROVED",
                  "actor": {
                    "subject": "instructeur-dev",
                    "role": "instructeur"
                  },
                  "at": "2021-03-01T10:00:00Z",
                  "comment": "COSELEC 12, 2 post(s) granted: Deux postes au regard du quota restant."
                }
              ],
              "page": 0,
              "size": 20,
              "totalItems": 4
            }""";

    static final String PROBLEM_VALIDATION = """
            {
              "type": "urn:cnfs:problem:validation",
              "title": "Invalid request",
              "status": 400,
              "detail": "postsRequested: must be less than or equal to 50",
              "instance": "/applications",
              "violations": [
                {
                  "field": "postsRequested",
                  "message": "must be less than or equal to 50"
                }
              ]
            }""";

    static final String PROBLEM_UNAUTHENTICATED = """
            {
              "type": "urn:cnfs:problem:unauthenticated",
              "title": "Unauthorized",
              "status": 401,
              "detail": "a valid bearer token is required",
              "instance": "/applications"
            }""";

    static final String PROBLEM_FORBIDDEN = """
            {
              "type": "urn:cnfs:problem:forbidden",
              "title": "Forbidden",
              "status": 403,
              "detail": "your role does not allow this operation",
              "instance": "/applications/5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11/approve"
            }""";

    static final String PROBLEM_NOT_FOUND = """
            {
              "type": "urn:cnfs:problem:not-found",
              "title": "Resource not found",
              "status": 404,
              "detail": "Application 5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11 not found",
              "instance": "/applications/5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11"
            }""";

    static final String PROBLEM_STALE = """
            {
              "type": "urn:cnfs:problem:stale-version",
              "title": "Stale version",
              "status": 412,
              "detail": "application 5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11 is at version 3, not 2; read it again",
              "instance": "/applications/5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11"
            }""";

    static final String PROBLEM_ILLEGAL_TRANSITION = """
            {
              "type": "urn:cnfs:problem:illegal-transition",
              "title": "Conflict with the current state",
              "status": 409,
              "detail": "'approve' is not possible on an application in status DRAFT; possible from [UNDER_REVIEW]",
              "instance": "/applications/5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11/approve"
            }""";

    static final String PROBLEM_DUPLICATE_SIRET = """
            {
              "type": "urn:cnfs:problem:duplicate-siret",
              "title": "Conflict with the current state",
              "status": 409,
              "detail": "a structure with SIRET 21690123100011 is already registered",
              "instance": "/structures"
            }""";

    static final String PROBLEM_SIREN_MISMATCH = """
            {
              "type": "urn:cnfs:problem:siret-siren-mismatch",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "the SIRET of a COMMUNE must start with the SIREN of Lyon (69123), 216901231, but starts with 211300553",
              "instance": "/structures"
            }""";

    static final String PROBLEM_UNKNOWN_COMMUNE = """
            {
              "type": "urn:cnfs:problem:unknown-commune",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "communeCode 99999 is not a commune of the official geographic code (COG 6.0.0)",
              "instance": "/structures"
            }""";

    static final String PROBLEM_DUPLICATE_CAMPAIGN = """
            {
              "type": "urn:cnfs:problem:duplicate-campaign",
              "title": "Conflict with the current state",
              "status": 409,
              "detail": "a campaign named 'AMI 2021 - vague 1' already exists",
              "instance": "/campaigns"
            }""";

    static final String PROBLEM_KEY_REUSED = """
            {
              "type": "urn:cnfs:problem:idempotency-key-reused",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "Idempotency-Key 4f1c-retry-1 was already used for another request; use a new key for a new request",
              "instance": "/campaigns"
            }""";

    static final String PROBLEM_DUPLICATE_APPLICATION = """
            {
              "type": "urn:cnfs:problem:duplicate-application",
              "title": "Conflict with the current state",
              "status": 409,
              "detail": "the structure already has an application in progress in campaign AMI 2021 - vague 1 (5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11); withdraw it or wait for its decision",
              "instance": "/applications"
            }""";

    static final String PROBLEM_CONTRACT_MONTHS = """
            {
              "type": "urn:cnfs:problem:contract-months-out-of-bounds",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "contractMonths 30 is outside 12..24 months, the bounds of PHASE_1 for a PUBLIC structure",
              "instance": "/applications"
            }""";

    static final String PROBLEM_CAMPAIGN_CLOSED = """
            {
              "type": "urn:cnfs:problem:campaign-closed",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "campaign AMI 2021 - vague 1 closed on 2021-03-31",
              "instance": "/applications"
            }""";

    static final String PROBLEM_CAMPAIGN_NOT_OPEN = """
            {
              "type": "urn:cnfs:problem:campaign-not-open",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "campaign AMI 2021 - vague 2 is UPCOMING (open from 2021-06-01 to 2021-07-31); submit while it is open",
              "instance": "/applications/5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11/submit"
            }""";

    static final String PROBLEM_QUOTA = """
            {
              "type": "urn:cnfs:problem:quota-exceeded",
              "title": "Refused by a business rule",
              "status": 422,
              "detail": "granting 3 post(s) would exceed the quota of AMI 2021 - vague 1: 3998 of 4000 already granted, 2 remaining",
              "instance": "/applications/5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11/approve"
            }""";

    static final String CSV = "id;siret;structureName;structureType;category;communeCode;departementCode;regionCode;"
            + "territoryZone;campaign;status;postsRequested;contractMonths;desiredStartDate;franceServicesLabel;createdAt;"
            + "submittedAt;postsGranted;decisionNumber;priority;rejectionReason;decidedAt;prefectOpinion;grantedAmount;"
            + "paidAmount\r\n"
            + "5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11;21690123100011;Commune "
            + "de Lyon;COMMUNE;PUBLIC;69123;69;84;METRO;AMI 2021 - vague 1;APPROVED;3;24;2021-05-01;true;2021-02-10 09:30:00;2021-02-12 10:00:00;2;COSELEC 12;true;;2021-03-01 11:00:00;FAVORABLE;100000,00;50000,00\r\n";

    private Examples() {
    }
}
