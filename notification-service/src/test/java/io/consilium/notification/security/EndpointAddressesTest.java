package io.consilium.notification.security;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointAddressesTest {

    /** DNS as the test says: a public name, a name that resolves to a private address (rebinding), and the literals. */
    static final EndpointAddresses.Resolver DNS = host -> {
        Map<String, String> names = Map.of("hooks.example.com", "93.184.216.34", "internal.example.com", "10.1.2.3",
                "mixed.example.com", "93.184.216.35", "localhost", "127.0.0.1");
        if (host.equals("mixed.example.com")) {
            return List.of(InetAddress.getByName("93.184.216.35"), InetAddress.getByName("192.168.1.10"));
        }
        if (names.containsKey(host)) {
            return List.of(InetAddress.getByName(names.get(host)));
        }
        if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
            return List.of(InetAddress.getByName(host));
        }
        throw new UnknownHostException(host);
    };

    final EndpointAddresses production = new EndpointAddresses(false, DNS);
    final EndpointAddresses local = new EndpointAddresses(true, DNS);

    @Test
    void productionTakesHttpsToPublicAddressesOnly() {
        assertThat(production.refusal("https://hooks.example.com/consilium")).isEmpty();
        assertThat(production.refusal("http://hooks.example.com/consilium")).contains("only https is allowed");
        assertThat(production.refusal("ftp://hooks.example.com/")).contains("only https is allowed");
        assertThat(production.refusal("https://nowhere.example.com/")).contains("the host does not resolve");
        assertThat(production.refusal("https://user:pw@hooks.example.com/")).isPresent();
        assertThat(production.refusal("/relative")).isPresent();
    }

    @Test
    void theVerdictNamesTheAddressCheckedForTheSenderToConnectTo() throws Exception {
        // a rebinding DNS: public at the check, private afterwards; the sender connects to what was checked
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        EndpointAddresses rebinding = new EndpointAddresses(false, host -> List.of(InetAddress.getByName(
                lookups.getAndIncrement() == 0 ? "93.184.216.34" : "10.0.0.7")));
        EndpointAddresses.Verdict verdict = rebinding.check("https://hooks.example.com/consilium");
        assertThat(verdict.refused()).isFalse();
        assertThat(verdict.address()).isEqualTo(InetAddress.getByName("93.184.216.34"));
        assertThat(lookups).hasValue(1);
        assertThat(production.check("https://10.0.0.1/hook").address()).isNull();
    }

    @Test
    void loopbackPrivateLinkLocalAndMetadataAddressesAreRefused() {
        assertThat(production.refusal("https://127.0.0.1/hook")).hasValueSatisfying(w -> assertThat(w).contains("loopback"));
        assertThat(production.refusal("https://localhost/hook")).hasValueSatisfying(w -> assertThat(w).contains("loopback"));
        assertThat(production.refusal("https://[::1]/hook")).hasValueSatisfying(w -> assertThat(w).contains("loopback"));
        assertThat(production.refusal("https://10.0.0.1/hook")).hasValueSatisfying(w -> assertThat(w).contains("private"));
        assertThat(production.refusal("https://10.255.255.254/")).isPresent();
        assertThat(production.refusal("https://172.16.0.1/")).isPresent();
        assertThat(production.refusal("https://192.168.0.1/")).isPresent();
        assertThat(production.refusal("https://169.254.169.254/latest/meta-data/"))
                .hasValueSatisfying(w -> assertThat(w).contains("link-local"));
        assertThat(production.refusal("https://100.64.0.1/")).isPresent();
        assertThat(production.refusal("https://0.0.0.0/")).isPresent();
        assertThat(production.refusal("https://[fd00::1]/")).isPresent();
        assertThat(production.refusal("https://[fe80::1]/")).isPresent();
        assertThat(production.refusal("https://[::ffff:10.0.0.1]/")).isPresent();
        assertThat(production.refusal("https://[::ffff:169.254.169.254]/")).isPresent();
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() {
        assertThat(production.refusal("https://internal.example.com/")).hasValueSatisfying(w -> assertThat(w).contains("private"));
        assertThat(production.refusal("https://mixed.example.com/")).isPresent();
    }

    @Test
    void theLocalSettingAdmitsLoopbackAndNothingElsePrivate() {
        assertThat(local.refusal("http://127.0.0.1:8099/hook")).isEmpty();
        assertThat(local.refusal("http://localhost:8099/hook")).isEmpty();
        assertThat(local.refusal("http://10.0.0.1/hook")).isPresent();
        assertThat(local.refusal("https://169.254.169.254/")).isPresent();
        assertThat(local.refusal("http://hooks.example.com/")).contains("only https is allowed");
    }
}
