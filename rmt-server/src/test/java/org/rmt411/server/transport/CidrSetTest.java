package org.rmt411.server.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CidrSetTest {
    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void loopbackDefault() throws UnknownHostException {
        CidrSet set = new CidrSet(CidrSet.LOOPBACK);
        assertThat(set.contains(ip("127.0.0.1"))).isTrue();
        assertThat(set.contains(ip("127.45.1.9"))).isTrue();
        assertThat(set.contains(ip("::1"))).isTrue();
        assertThat(set.contains(ip("::ffff:127.0.0.1"))).as("IPv4-mapped").isTrue();
        assertThat(set.contains(ip("10.0.0.1"))).isFalse();
        assertThat(set.contains(ip("::2"))).isFalse();
    }

    @Test
    void networksAndHosts() throws UnknownHostException {
        CidrSet set = new CidrSet(List.of("192.168.4.0/22", "10.1.2.3", "fd00::/8", "0.0.0.0/0"));
        assertThat(set.contains(ip("192.168.7.255"))).isTrue();
        assertThat(set.contains(ip("8.8.8.8"))).as("0.0.0.0/0 is everything IPv4").isTrue();
        assertThat(set.contains(ip("fd12::1"))).isTrue();
        assertThat(set.contains(ip("fe80::1"))).isFalse();
        CidrSet narrow = new CidrSet(List.of("192.168.4.0/22", "10.1.2.3"));
        assertThat(narrow.contains(ip("192.168.8.0"))).isFalse();
        assertThat(narrow.contains(ip("10.1.2.3"))).isTrue();
        assertThat(narrow.contains(ip("10.1.2.4"))).isFalse();
    }

    @Test
    void malformedEntries() {
        for (String bad : List.of("example.com", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "")) {
            assertThatThrownBy(() -> new CidrSet(List.of(bad))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
