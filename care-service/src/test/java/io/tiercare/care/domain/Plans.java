package io.tiercare.care.domain;

import java.util.List;

import io.tiercare.care.domain.CarePlan.Item;

/** The default plan (as V2 seeds it), for the pure tests. */
final class Plans {

    static final Item CORE_VISIT = new Item("CORE_VISIT", "VALUE", "CORE", "1 对 1 visit", TaskKind.VISIT,
            CareChannel.IN_PERSON, Cadence.MONTHLY, Owner.ACCOUNT_MANAGER, 10, true, true);
    static final Item CORE_GIFT = new Item("CORE_GIFT", "VALUE", "CORE", "yearly gift", TaskKind.GIFT,
            CareChannel.IN_PERSON, Cadence.YEARLY, Owner.ACCOUNT_MANAGER, 30, false, false);
    static final Item IMPORTANT_CALL = new Item("IMPORTANT_CALL", "VALUE", "IMPORTANT", "call", TaskKind.CALL,
            CareChannel.PREFERRED, Cadence.EVERY_2_WEEKS, Owner.ACCOUNT_MANAGER, 5, true, true);
    static final Item IMPORTANT_SURVEY = new Item("IMPORTANT_SURVEY", "VALUE", "IMPORTANT", "needs survey",
            TaskKind.SURVEY, CareChannel.PREFERRED, Cadence.QUARTERLY, Owner.ACCOUNT_MANAGER, 15, true, true);
    static final Item BASIC_MESSAGE = new Item("BASIC_MESSAGE", "VALUE", "BASIC", "offers", TaskKind.MESSAGE,
            CareChannel.PREFERRED, Cadence.MONTHLY, Owner.AUTOMATED, 3, true, false);
    static final Item POTENTIAL_FOLLOW_UP = new Item("POTENTIAL_FOLLOW_UP", "VALUE", "POTENTIAL", "follow-up",
            TaskKind.CALL, CareChannel.PHONE, Cadence.MONTHLY, Owner.SALES, 10, true, false);

    static final CarePlan DEFAULT = new CarePlan(3, List.of(CORE_VISIT, CORE_GIFT, IMPORTANT_CALL, IMPORTANT_SURVEY,
            BASIC_MESSAGE, POTENTIAL_FOLLOW_UP));

    private Plans() {
    }
}
