package io.tiercare.customer.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.customer.service.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, as the services need to know it. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        return new Caller(identity.getPrincipal().getName(), identity.getRoles());
    }
}
