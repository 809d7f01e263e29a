-- Every page of candidates also counts them, level by level. The V3 indexes hold the order columns only, so the count
-- read each candidate's row from the table to apply a level's exclusions (not the same commune, EPCI, département,
-- région): 80-140 ms at 100,000 advisers. With those columns included the counts are index-only scans (no table
-- reads once vacuumed): about 15 ms. Same names, keys and predicates as V3. See bench/.
DROP INDEX conseiller_candidate_epci;
CREATE INDEX conseiller_candidate_epci ON conseiller (epci_siren, training_rank, available_from, id)
    INCLUDE (home_commune_code)
    WHERE status = 'AVAILABLE' AND mobility IN ('EPCI', 'DEPARTEMENT', 'REGION', 'NATIONAL');
DROP INDEX conseiller_candidate_departement;
CREATE INDEX conseiller_candidate_departement ON conseiller (departement_code, training_rank, available_from, id)
    INCLUDE (home_commune_code, epci_siren)
    WHERE status = 'AVAILABLE' AND mobility IN ('DEPARTEMENT', 'REGION', 'NATIONAL');
DROP INDEX conseiller_candidate_region;
CREATE INDEX conseiller_candidate_region ON conseiller (region_code, training_rank, available_from, id)
    INCLUDE (departement_code, home_commune_code, epci_siren)
    WHERE status = 'AVAILABLE' AND mobility IN ('REGION', 'NATIONAL');
DROP INDEX conseiller_candidate_national;
CREATE INDEX conseiller_candidate_national ON conseiller (territory_zone, training_rank, available_from, id)
    INCLUDE (region_code, departement_code, home_commune_code, epci_siren)
    WHERE status = 'AVAILABLE' AND mobility = 'NATIONAL';
