package io.tiercare.complaint.rest.dto;

import io.tiercare.complaint.repository.CategoryRepository.Category;

/** A category as the API shows it: its place in its taxonomy, its names, whether new complaints may use it. */
public record CategoryView(String code, String taxonomy, String parentCode, String nameZh, String nameEn,
        String description, boolean active, long version) {

    public static CategoryView of(Category category) {
        return new CategoryView(category.code(), category.taxonomy(), category.parentCode(), category.nameZh(),
                category.nameEn(), category.description(), category.active(), category.version());
    }
}
