package io.consilium.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.e2e.Caller;
import io.consilium.e2e.Reply;
import io.consilium.e2e.Suite;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fault run's own people, made for each run in the local realm through Keycloak's admin API (the local admin,
 * admin / admin, as deploy/local/keycloak.sh starts it). A plan allows at most 100 opinions per member a year and
 * the directory 1000 seats per specialist a month, so a run of thousands of cases needs a patient per 90 of them
 * and a specialist per 900, and a run made again must not find the last run's quota used. Each has a password
 * {@code <user>-pw} like every demo user, and an address GreenMail takes mail for.
 */
final class FaultPeople {

    static final int CASES_PER_PATIENT = 90;
    private static final String ADMIN = Suite.KEYCLOAK.replace("/realms/consilium", "");

    /** A specialist takes at most 1000 seats a month (the directory's limit): one per 900 cases, with room. */
    static final int CASES_PER_SPECIALIST = 900;
    private static final String ADMIN_API = ADMIN + "/admin/realms/consilium";

    private final Map<String, Caller> bySubject = new java.util.concurrent.ConcurrentHashMap<>();

    /** The run's patients: {@code <run>-p<k>}, tenant globex, member id {@code F-<run>-p<k>}. */
    List<Caller> patients(String run, int cases) {
        List<Caller> patients = new ArrayList<>();
        for (int k = 0; k <= cases / CASES_PER_PATIENT; k++) {
            String user = run + "-p" + k;
            patients.add(make(user, "patient", """
                    "attributes":{"tenant":["globex"],"memberId":["F-%s"]},""".formatted(user)));
        }
        return patients;
    }

    /**
     * The run's urology specialists, {@code <run>-s<k>}, to be put in the directory: enough for their monthly
     * capacity, and enough that the gateway's per-user limit (300 calls a minute) is not what sets the pace.
     */
    List<Caller> specialists(String run, int cases, double rate) {
        List<Caller> specialists = new ArrayList<>();
        for (int k = 0; k < Math.max(cases / CASES_PER_SPECIALIST + 1, (int) Math.ceil(rate * 2)); k++) {
            specialists.add(make(run + "-s" + k, "specialist", ""));
        }
        return specialists;
    }

    /** The run's personal doctors of globex, {@code <run>-d<k>}: as many as the rate needs (six writes a case). */
    List<Caller> doctors(String run, double rate) {
        List<Caller> doctors = new ArrayList<>();
        for (int k = 0; k < (int) Math.ceil(rate * 2); k++) {
            doctors.add(make(run + "-d" + k, "case-manager", "\"attributes\":{\"tenant\":[\"globex\"]},"));
        }
        return doctors;
    }

    /**
     * Somebody the suite named by subject (the panel's invited specialist, the case's personal doctor) as a caller:
     * one of this run's, or anyone else matched or assigned (prof-eva, dr-david, an earlier run's), whose user name
     * the admin API tells.
     */
    Caller bySubject(String subject) {
        return bySubject.computeIfAbsent(subject, s -> Caller.user(call(adminToken(), "GET", ADMIN_API + "/users/" + s, null)
                .json(200).path("username").asText()));
    }

    private Caller make(String user, String role, String attributes) {
        String admin = adminToken();
        call(admin, "POST", ADMIN_API + "/users", """
                {"username":"%s","enabled":true,"email":"%s@example.org","emailVerified":true,"firstName":"Fault",
                 "lastName":"%s",%s"credentials":[{"type":"password","value":"%s-pw","temporary":false}]}"""
                .formatted(user, user, user, attributes, user)).expect(201);
        String id = call(admin, "GET", ADMIN_API + "/users?exact=true&username=" + user, null).json(200).get(0).path("id").asText();
        JsonNode realmRole = call(admin, "GET", ADMIN_API + "/roles/" + role, null).json(200);
        call(admin, "POST", ADMIN_API + "/users/" + id + "/role-mappings/realm", "[" + realmRole + "]").expect(204);
        Caller caller = Caller.user(user);
        bySubject.put(id, caller);
        return caller;
    }

    private static String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        Reply reply = Caller.nobody().send("POST", ADMIN + "/realms/master/protocol/openid-connect/token",
                "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), Map.of());
        return reply.json(200).path("access_token").asText();
    }

    private static Reply call(String token, String method, String url, String json) {
        return Caller.nobody().send(method, url, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), Map.of("Authorization", "Bearer " + token));
    }
}
