package io.tiercare.customer.service;

import io.tiercare.customer.repository.PersonalDataRead;
import java.time.Instant;
import java.util.UUID;

import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.customer.repository.PersonalDataReadRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PersonalDataReadService {

    private final PersonalDataReadRepository reads;

    PersonalDataReadService(PersonalDataReadRepository reads) {
        this.reads = reads;
    }

    public Page<PersonalDataRead> find(UUID customerId, String actor, Instant from, Instant to, PageRequest page) {
        var result = reads.find(customerId, actor, from, to, page);
        return Page.of(result.items(), page, result.total());
    }
}
