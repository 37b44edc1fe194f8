package org.rmt411.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Each subject kind matches the one component of an identity it reads, and nothing else. */
class SubjectTest {
    private static Identity tcp(String address) throws Exception {
        return new Identity("rmt411", address + ":40112", InetAddress.getByName(address), null);
    }

    private static Identity tls(String subject) throws Exception {
        return new Identity("rmt411", "127.0.0.1:40112", InetAddress.getByName("127.0.0.1"), subject);
    }

    @Test
    void loginsMatchTheProcessLoginWrittenBareOrWithItsPrefix() {
        Identity backup = new Identity("backup", "stdin");
        assertThat(Subject.parse("backup").matches(backup)).isTrue();
        assertThat(Subject.parse("login:backup").matches(backup)).isTrue();
        assertThat(Subject.parse("login:restore").matches(backup)).isFalse();
        assertThat(Subject.parse("*").matches(backup)).isTrue();
    }

    @Test
    void networksMatchSocketPeersOnlyIncludingMappedIpv4() throws Exception {
        Subject loopback = Subject.parse("addr:127.0.0.0/8,::1");
        Subject lan = Subject.parse("addr:10.0.0.0/8");
        assertThat(loopback.matches(tcp("127.0.0.1"))).isTrue();
        assertThat(loopback.matches(tcp("::1"))).isTrue();
        assertThat(loopback.matches(tcp("::ffff:127.0.0.1"))).isTrue();
        assertThat(lan.matches(tcp("127.0.0.1"))).isFalse();
        assertThat(lan.matches(tcp("10.200.3.4"))).isTrue();
        assertThat(loopback.matches(new Identity("rmt411", "127.0.0.1:40112"))).as("no socket address").isFalse();
    }

    @Test
    void certificatesMatchByWholeDnInAnyCanonicalSpellingOrByCommonName() throws Exception {
        Identity client = tls("CN=drive1.example, OU=Backup, O=Example Corp");
        assertThat(Subject.parse("dn:cn=drive1.example,ou=Backup,o=Example Corp").matches(client)).isTrue();
        assertThat(Subject.parse("dn:CN=drive1.example,O=Example Corp").matches(client)).isFalse();
        assertThat(Subject.parse("cn:drive1.example").matches(client)).isTrue();
        assertThat(Subject.parse("cn:drive1").matches(client)).isFalse();
        assertThat(Subject.parse("cn:Backup").matches(client)).as("an OU is not a CN").isFalse();
        assertThat(Subject.parse("cn:a\\,b").matches(tls("CN=a\\,b"))).isFalse();
        assertThat(Subject.parse("cn:a,b").matches(tls("CN=a\\,b"))).as("escapes are undone").isTrue();
        assertThat(Subject.parse("cn:drive1.example").matches(tcp("127.0.0.1"))).as("no certificate").isFalse();
        assertThat(Subject.parse("cn:x").matches(tls("not a name"))).isFalse();
    }
}
