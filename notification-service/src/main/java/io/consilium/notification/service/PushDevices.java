package io.consilium.notification.service;

import io.consilium.notification.config.PushSettings;
import io.consilium.notification.domain.DeviceToken;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The push devices each person registers for themselves: register, list, remove; dropped when gone at FCM. */
@ApplicationScoped
public class PushDevices {

    /** A registration's answer: the device, and whether it was new (201) or already the caller's (200). */
    public record Registered(DeviceToken device, boolean created) {
    }

    private final Clock clock;
    private final int maxDevices;

    PushDevices(Clock clock, PushSettings settings) {
        this.clock = clock;
        this.maxDevices = settings.maxDevicesPerPerson();
    }

    @Transactional
    public Registered register(Caller caller, String token, DeviceToken.Platform platform, String description) {
        DeviceToken known = DeviceToken.find("token", token).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (known != null && known.subject.equals(caller.subject())) {
            known.registeredBy(caller.subject(), platform, description, clock.instant());
            return new Registered(known, false);
        }
        if (DeviceToken.count("subject", caller.subject()) >= maxDevices) {
            throw new ProblemException.Conflict("At most " + maxDevices + " devices; remove one first");
        }
        if (known != null) {
            known.registeredBy(caller.subject(), platform, description, clock.instant());
            return new Registered(known, true);
        }
        DeviceToken device = DeviceToken.register(caller.subject(), token, platform, description, clock.instant());
        device.persist();
        return new Registered(device, true);
    }

    public Page<DeviceToken> mine(Caller caller, PageRequest page) {
        return Page.of(DeviceToken.find("subject", Sort.descending("createdAt").and("id"), caller.subject()), page);
    }

    @Transactional
    public void remove(Caller caller, UUID id) {
        DeviceToken device = DeviceToken.findById(id);
        if (device == null || !device.subject.equals(caller.subject())) {
            throw new ProblemException.NotFound("device");
        }
        device.delete();
    }

    /** The person's tokens to push to, newest first. */
    public List<DeviceToken> of(String subject) {
        return DeviceToken.list("subject", Sort.descending("createdAt"), subject);
    }

    /** Tokens the provider reported unregistered or invalid; only if still the same token (not re-registered). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void drop(Collection<DeviceToken> gone) {
        for (DeviceToken d : gone) {
            DeviceToken.delete("id = ?1 and token = ?2", d.id, d.token);
        }
    }
}
