package io.tiercare.care.service;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who the messages come from: the company's name and hotline, as configuration. */
@ConfigMapping(prefix = "tiercare.care.company")
public interface Company {

    @WithDefault("66号定制家居")
    String name();

    @WithDefault("400-066-0066")
    String hotline();

    /** The placeholders {@code company.name} and {@code company.hotline}. */
    default Map<String, String> values() {
        return Map.of("company.name", name(), "company.hotline", hotline());
    }
}
