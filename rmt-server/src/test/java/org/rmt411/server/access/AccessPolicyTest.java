package org.rmt411.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rmt411.protocol.OpenFlags;

/** The rule model: first rule that applies decides, allow grants up to its mode, deny falls through. */
class AccessPolicyTest {
    private static final int READ = OpenFlags.O_RDONLY;
    private static final int WRITE = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC;
    private static final int RW = OpenFlags.O_RDWR;
    private static final Identity BACKUP = new Identity("backup", "stdin");
    private static final Identity RESTORE = new Identity("restore", "stdin");
    private static final Identity MALLORY = new Identity("mallory", "stdin");

    private static AccessRule rule(int line, String text) {
        String[] w = text.split(" ");
        return new AccessRule(w[0].equals("allow"), Subject.parse(w[1]), AccessMode.parse(w[2]), DeviceGlob.parse(w[3]),
                "rmt411.conf:" + line);
    }

    private static final AccessPolicy POLICY = new AccessPolicy(List.of(
            rule(1, "deny * write /etc/**"),
            rule(2, "allow backup rw /dev/nst*"),
            rule(3, "allow restore read /dev/nst*"),
            rule(4, "allow * rw /backups/**"),
            rule(5, "allow * read /archive/202?-*.tar")), "rmt411.conf");

    private static String verdict(Identity who, String name, int flags) {
        AccessPolicy.Decision d = POLICY.decide(who, List.of(name), flags);
        if (d instanceof AccessPolicy.Decision.ReadOnly r) {
            return "read-only " + r.why();
        }
        return d instanceof AccessPolicy.Decision.Refused r ? "refused " + r.why() : "allowed";
    }

    @Test
    void theFirstRuleThatAppliesDecides() {
        assertThat(verdict(BACKUP, "/dev/nst0", WRITE)).isEqualTo("allowed");
        assertThat(verdict(BACKUP, "/dev/nst12", RW)).isEqualTo("allowed");
        assertThat(verdict(MALLORY, "/backups/a/b/c.tar", WRITE)).isEqualTo("allowed");
        assertThat(verdict(MALLORY, "/archive/2026-full.tar", READ)).isEqualTo("allowed");
    }

    @Test
    void aReadRuleRefusesEveryOpenThatWouldWriteAndMakesAPlainReadWriteOpenReadOnly() {
        assertThat(verdict(RESTORE, "/dev/nst0", READ)).isEqualTo("allowed");
        String refused = "refused rmt411.conf:3 (allow restore read /dev/nst*)";
        assertThat(verdict(RESTORE, "/dev/nst0", RW)).isEqualTo("read-only rmt411.conf:3 (allow restore read /dev/nst*)");
        assertThat(verdict(RESTORE, "/dev/nst0", RW | OpenFlags.O_CREAT)).isEqualTo(refused);
        assertThat(verdict(RESTORE, "/dev/nst0", RW | OpenFlags.O_APPEND)).isEqualTo(refused);
        assertThat(verdict(RESTORE, "/dev/nst0", OpenFlags.O_WRONLY)).isEqualTo(refused);
        // Linux creates and truncates even on O_RDONLY: that is writing too.
        assertThat(verdict(RESTORE, "/dev/nst0", READ | OpenFlags.O_CREAT)).isEqualTo(refused);
        assertThat(verdict(RESTORE, "/dev/nst0", READ | OpenFlags.O_TRUNC)).isEqualTo(refused);
        assertThat(verdict(MALLORY, "/archive/2026-full.tar", RW)).startsWith("read-only rmt411.conf:5");
        assertThat(verdict(MALLORY, "/archive/2026-full.tar", RW | OpenFlags.O_TRUNC)).startsWith("refused rmt411.conf:5");
    }

    @Test
    void aDenyRuleDecidesOnlyTheModesItForbids() {
        assertThat(verdict(BACKUP, "/etc/passwd", WRITE)).isEqualTo("refused rmt411.conf:1 (deny * write /etc/**)");
        assertThat(verdict(BACKUP, "/etc/passwd", RW)).startsWith("refused rmt411.conf:1");
        // Reading /etc is not what rule 1 forbids: it goes on, and no later rule allows it.
        assertThat(verdict(BACKUP, "/etc/passwd", READ)).isEqualTo("refused no rule in rmt411.conf allows it");
    }

    @Test
    void globsKeepStarsInsideOneSegment() {
        assertThat(verdict(BACKUP, "/dev/nst0/x", READ)).startsWith("refused no rule");
        assertThat(verdict(MALLORY, "/archive/2026-a/b.tar", READ)).startsWith("refused no rule");
        assertThat(verdict(MALLORY, "/archive/20261-a.tar", READ)).startsWith("refused no rule");
        assertThat(verdict(MALLORY, "/backups", READ)).as("** below the folder, not the folder").startsWith("refused");
        assertThat(verdict(MALLORY, "/backups/", READ)).isEqualTo("allowed");
        assertThat(DeviceGlob.parse("/a.b/[x]+(y)").matches("/a.b/[x]+(y)")).as("regex characters are literal").isTrue();
        assertThat(DeviceGlob.parse("/a.b").matches("/axb")).isFalse();
    }

    @Test
    void noRulesAllowEverythingOnceThereAreRulesUnmatchedOpensAreRefused() {
        assertThat(AccessPolicy.OPEN.decide(MALLORY, List.of("/etc/shadow"), RW))
                .isInstanceOf(AccessPolicy.Decision.Allowed.class);
        assertThat(verdict(MALLORY, "/home/mallory/x.tar", WRITE)).isEqualTo("refused no rule in rmt411.conf allows it");
    }

    @Test
    void everyNameGivenMustBeAllowedTheLinkTargetToo() {
        AccessPolicy.Decision d = POLICY.decide(MALLORY, List.of("/backups/link", "/etc/shadow"), WRITE);
        assertThat(d).isEqualTo(new AccessPolicy.Decision.Refused("/etc/shadow", "rmt411.conf:1 (deny * write /etc/**)"));
    }

    @Test
    void subjectsAreLoginsOrAnyone() {
        assertThat(Subject.parse("*").matches(MALLORY)).isTrue();
        assertThat(Subject.parse("backup").matches(BACKUP)).isTrue();
        assertThat(Subject.parse("backup").matches(RESTORE)).isFalse();
        assertThat(Subject.parse("WIN-PC$")).isEqualTo(new Subject.Login("WIN-PC$"));
    }

    @Test
    void theProcessLoginIsTheUserTheJvmRunsAs() {
        assertThat(Identity.ofProcess("stdin").login()).isEqualTo(System.getProperty("user.name"));
    }
}
