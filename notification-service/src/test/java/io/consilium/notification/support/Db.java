package io.consilium.notification.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/** Reading rows in a transaction of its own, for assertions on what was stored. */
@ApplicationScoped
public class Db {

    private final EntityManager em;

    Db(EntityManager em) {
        this.em = em;
    }

    public long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> rows(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return (List<Object[]>) q.getResultList();
        });
    }
}
