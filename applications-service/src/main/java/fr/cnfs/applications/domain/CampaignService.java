package fr.cnfs.applications.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.applications.config.ApplicationsConfig;
import fr.cnfs.plumbing.problem.InvalidRequestException;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.problem.StateConflictException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Opens AMI waves: dates, quota, eligible categories and funding phase. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class CampaignService {

    /** @param recruitmentDeadlineMonths null for the configured default (3) */
    public record NewCampaign(String name, LocalDate opensOn, LocalDate closesOn, int postQuota,
            Set<StructureCategory> eligibleCategories, String fundingPhase, Integer recruitmentDeadlineMonths) {
    }

    private final ContractDurationRules durations;
    private final ProgrammeCalendar calendar;
    private final ApplicationsConfig config;

    CampaignService(ContractDurationRules durations, ProgrammeCalendar calendar, ApplicationsConfig config) {
        this.durations = durations;
        this.calendar = calendar;
        this.config = config;
    }

    public Campaign create(NewCampaign request) {
        if (request.closesOn().isBefore(request.opensOn())) {
            throw new InvalidRequestException("closesOn", "must be on or after opensOn (" + request.opensOn() + ")");
        }
        if (!durations.knowsPhase(request.fundingPhase())) {
            throw new InvalidRequestException("fundingPhase", "must be one of " + durations.phases());
        }
        String name = request.name().strip();
        if (Campaign.count("name", name) > 0) {
            throw duplicate(name);
        }
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.name = name;
        campaign.opensOn = request.opensOn();
        campaign.closesOn = request.closesOn();
        campaign.postQuota = request.postQuota();
        campaign.postsGranted = 0;
        campaign.eligibleCategories = EnumSet.copyOf(request.eligibleCategories());
        campaign.fundingPhase = request.fundingPhase();
        campaign.recruitmentDeadlineMonths = request.recruitmentDeadlineMonths() != null
                ? request.recruitmentDeadlineMonths()
                : config.defaultRecruitmentDeadlineMonths();
        campaign.createdAt = calendar.now();
        try {
            campaign.persistAndFlush();
        } catch (PersistenceException e) {
            if (UniqueConstraints.violated(e, "campaign_name_unique")) {
                throw duplicate(name);
            }
            throw e;
        }
        return campaign;
    }

    @Transactional(TxType.SUPPORTS)
    public Campaign get(UUID id) {
        return Campaign.findWithCategories(id).orElseThrow(() -> new ResourceNotFoundException("Campaign", id));
    }

    /** Campaigns, optionally only those in {@code status} today or of a funding phase. */
    @Transactional(TxType.SUPPORTS)
    public PanacheQuery<Campaign> search(CampaignStatus status, String fundingPhase, Sort sort) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null) {
            conditions.add(switch (status) {
                case UPCOMING -> "opensOn > :today";
                case OPEN -> "opensOn <= :today and closesOn >= :today";
                case CLOSED -> "closesOn < :today";
            });
            parameters.and("today", calendar.today());
        }
        if (fundingPhase != null) {
            conditions.add("fundingPhase = :fundingPhase");
            parameters.and("fundingPhase", fundingPhase);
        }
        return Campaign.find(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions), sort, parameters);
    }

    public LocalDate today() {
        return calendar.today();
    }

    private static StateConflictException duplicate(String name) {
        return new StateConflictException("duplicate-campaign", "a campaign named '" + name + "' already exists");
    }
}
