package io.tiercare.customer.domain.event;

import java.util.UUID;

import io.tiercare.customer.domain.CompanyScale;
import io.tiercare.customer.domain.CustomerProfile;

/**
 * What other services may know of a profile on {@code customer.events}: nothing that identifies or locates a person
 * (name, gender, birthday, phone, email, region, address and tags go to {@code customer.personal-data} only).
 */
public record ProfileFacts(String industry, CompanyScale companyScale, String sourceChannel, UUID referredBy,
        boolean usesCompetitor) {

    public static ProfileFacts of(CustomerProfile profile) {
        return new ProfileFacts(profile.industry(), profile.companyScale(), profile.sourceChannel(),
                profile.referredBy(), profile.usesCompetitor());
    }
}
