package io.tiercare.complaint.service;

import java.util.List;

import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.problem.PreconditionFailedException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.complaint.repository.CategoryRepository;
import io.tiercare.complaint.repository.CategoryRepository.Category;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The taxonomy: categories are added, renamed, moved and retired (never deleted: complaints keep their codes). */
@ApplicationScoped
@Transactional
public class CategoryService {

    private final CategoryRepository categories;

    CategoryService(CategoryRepository categories) {
        this.categories = categories;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Category get(String code) {
        return categories.find(code).orElseThrow(() -> ResourceNotFoundException.of("Complaint category", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Category> list(String taxonomy, Boolean active) {
        return categories.list(taxonomy, active);
    }

    /** A category a new complaint may use: it exists and is active. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Category usable(String code) {
        Category category = categories.find(code)
                .orElseThrow(() -> new InvalidInputException("category", "unknown category '" + code + "'"));
        if (!category.active()) {
            throw new InvalidInputException("category", "category '" + code + "' is retired");
        }
        return category;
    }

    public Category create(Category requested) {
        if (categories.find(requested.code()).isPresent()) {
            throw new ConflictException("category " + requested.code() + " exists already");
        }
        String taxonomy = requested.taxonomy();
        if (requested.parentCode() != null) {
            Category parent = parent(requested.parentCode());
            if (taxonomy != null && !taxonomy.equals(parent.taxonomy())) {
                throw new InvalidInputException("taxonomy", "the parent " + parent.code() + " belongs to "
                        + parent.taxonomy());
            }
            taxonomy = parent.taxonomy();
        }
        if (taxonomy == null) {
            throw new InvalidInputException("taxonomy", "a top-level category needs its taxonomy");
        }
        Category created = new Category(requested.code(), taxonomy, requested.parentCode(), requested.nameZh(),
                requested.nameEn(), requested.description(), requested.active(), 0);
        categories.insert(created);
        return get(created.code());
    }

    /** Replaces the editable fields if the category is still at {@code version} (412 otherwise). */
    public Category update(String code, Category changes, long version) {
        Category current = get(code);
        if (changes.parentCode() != null) {
            Category parent = parent(changes.parentCode());
            if (!parent.taxonomy().equals(current.taxonomy())) {
                throw new InvalidInputException("parentCode", "the parent " + parent.code() + " belongs to "
                        + parent.taxonomy() + ", not " + current.taxonomy());
            }
            if (categories.isAncestorOrSelf(code, parent.code())) {
                throw new InvalidInputException("parentCode", "moving " + code + " under " + parent.code()
                        + " would make a cycle");
            }
        }
        Category updated = new Category(code, current.taxonomy(), changes.parentCode(), changes.nameZh(),
                changes.nameEn(), changes.description(), changes.active(), version);
        if (!categories.update(updated, version)) {
            throw new PreconditionFailedException("category " + code + " has changed: read it again");
        }
        return get(code);
    }

    private Category parent(String code) {
        return categories.find(code)
                .orElseThrow(() -> new InvalidInputException("parentCode", "unknown category '" + code + "'"));
    }
}
