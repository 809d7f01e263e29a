-- Every page of candidates counts each proximity level. A level excludes the nearer ones (not the same commune,
-- EPCI, département, région), and in the V6 indexes those exclusions are filters: counting a level read the nearer
-- levels' advisers again and dropped them. For a Lyon post in the benchmark's pool, 70,000 index entries to count
-- 20,000 candidates. Here each level is keyed by the place it excludes, so that a count reads two or three index
-- ranges (below and above the excluded place) holding only what it counts. See CandidateSearch and bench/.
CREATE INDEX conseiller_candidate_count_epci ON conseiller (epci_siren, home_commune_code, available_from)
    WHERE status = 'AVAILABLE' AND mobility IN ('EPCI', 'DEPARTEMENT', 'REGION', 'NATIONAL');
CREATE INDEX conseiller_candidate_count_departement ON conseiller (departement_code, epci_siren, available_from)
    INCLUDE (home_commune_code)
    WHERE status = 'AVAILABLE' AND mobility IN ('DEPARTEMENT', 'REGION', 'NATIONAL');
CREATE INDEX conseiller_candidate_count_region ON conseiller (region_code, departement_code, available_from)
    INCLUDE (home_commune_code, epci_siren)
    WHERE status = 'AVAILABLE' AND mobility IN ('REGION', 'NATIONAL');
CREATE INDEX conseiller_candidate_count_national ON conseiller (territory_zone, region_code, available_from)
    INCLUDE (departement_code, home_commune_code, epci_siren)
    WHERE status = 'AVAILABLE' AND mobility = 'NATIONAL';
