package io.tiercare.complaint.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The complaint taxonomy's categories. */
@ApplicationScoped
public class CategoryRepository {

    public record Category(String code, String taxonomy, String parentCode, String nameZh, String nameEn,
            String description, boolean active, long version) {
    }

    private static final String COLUMNS = "code, taxonomy, parent_code, name_zh, name_en, description, active, version";

    private final EntityManager em;

    CategoryRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Category> find(String code) {
        return rows(em.createNativeQuery("select " + COLUMNS + " from complaint_category where code = ?1")
                .setParameter(1, code).getResultList()).stream().findFirst();
    }

    /** Categories of a taxonomy (null: all), optionally only active ones, by code. */
    public List<Category> list(String taxonomy, Boolean active) {
        return rows(em.createNativeQuery("select " + COLUMNS + " from complaint_category"
                + " where (cast(?1 as text) is null or taxonomy = ?1) and (cast(?2 as boolean) is null or active = ?2)"
                + " order by taxonomy, code").setParameter(1, taxonomy).setParameter(2, active).getResultList());
    }

    public void insert(Category c) {
        em.createNativeQuery("""
                insert into complaint_category (code, taxonomy, parent_code, name_zh, name_en, description, active)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""").setParameter(1, c.code()).setParameter(2, c.taxonomy())
                .setParameter(3, c.parentCode()).setParameter(4, c.nameZh()).setParameter(5, c.nameEn())
                .setParameter(6, c.description()).setParameter(7, c.active()).executeUpdate();
    }

    /** Updates the category if it is still at {@code version}; false when someone changed it meanwhile. */
    public boolean update(Category c, long version) {
        return em.createNativeQuery("""
                update complaint_category set parent_code = ?2, name_zh = ?3, name_en = ?4, description = ?5,
                    active = ?6, version = version + 1
                where code = ?1 and version = ?7""").setParameter(1, c.code()).setParameter(2, c.parentCode())
                .setParameter(3, c.nameZh()).setParameter(4, c.nameEn()).setParameter(5, c.description())
                .setParameter(6, c.active()).setParameter(7, version).executeUpdate() == 1;
    }

    /** True when {@code ancestor} is {@code code} or above it in the tree. */
    public boolean isAncestorOrSelf(String ancestor, String code) {
        return ((Number) em.createNativeQuery("""
                with recursive up(code, parent_code) as (
                    select code, parent_code from complaint_category where code = ?2
                    union all
                    select c.code, c.parent_code from complaint_category c join up on c.code = up.parent_code)
                select count(*) from up where code = ?1""").setParameter(1, ancestor).setParameter(2, code)
                .getSingleResult()).longValue() > 0;
    }

    @SuppressWarnings("unchecked")
    private static List<Category> rows(List<?> result) {
        return ((List<Object[]>) result).stream().map(r -> new Category((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], (Boolean) r[6],
                ((Number) r[7]).longValue())).toList();
    }
}
