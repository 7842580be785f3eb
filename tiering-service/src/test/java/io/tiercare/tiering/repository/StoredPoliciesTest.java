package io.tiercare.tiering.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tiercare.chassis.json.StrictJsonCustomizer;
import io.tiercare.tiering.domain.PolicyDefinition;
import io.tiercare.tiering.domain.PolicyDefinition.TierRule;

class StoredPoliciesTest {

    private final ObjectMapper strict = strictMapper();
    private final StoredPolicies stored = new StoredPolicies(strict);

    @Test
    void aPolicyStoredBeforeAFieldWasRemovedStaysReadable() throws Exception {
        PolicyDefinition policy = new PolicyDefinition(null, List.of(new TierRule("CORE", "核心客户", null, null),
                new TierRule("BASIC", "基础客户", null, null)), null, null);
        ObjectNode old = (ObjectNode) strict.readTree(stored.write(policy));
        old.put("reviewedBy", "a field the model no longer has");
        ((ObjectNode) old.get("tiers").get(0)).put("colour", "gold");

        PolicyDefinition read = stored.read(old.toString());

        assertThat(read.tiers()).extracting(TierRule::code, TierRule::name)
                .containsExactly(tuple("CORE", "核心客户"), tuple("BASIC", "基础客户"));
        // what a client sends is still read strictly
        assertThatThrownBy(() -> strict.readValue(old.toString(), PolicyDefinition.class))
                .hasMessageContaining("Unrecognized field \"colour\"");
    }

    @Test
    void aPolicyReadsBackAsItWasWritten() {
        PolicyDefinition policy = new PolicyDefinition(null, List.of(new TierRule("A", "甲", null, null)), null,
                null);

        assertThat(stored.read(stored.write(policy))).isEqualTo(policy);
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }
}
