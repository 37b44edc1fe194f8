package org.rmt411.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RemoteTargetTest {
    @Test
    void parsesTarSyntax() {
        assertThat(RemoteTarget.parse("host:/dev/nst0")).isEqualTo(new RemoteTarget(null, "host", "/dev/nst0"));
        assertThat(RemoteTarget.parse("bob@tapes:/a.tar")).isEqualTo(new RemoteTarget("bob", "tapes", "/a.tar"));
        assertThat(RemoteTarget.parse("@h:x").user()).isNull(); // an empty user is none, as in tar
        assertThat(RemoteTarget.parse("h:a:b").path()).isEqualTo("a:b");
    }

    @Test
    void localNamesAreNotRemote() {
        assertThat(RemoteTarget.isRemote("/tmp/a:b")).isFalse(); // a '/' before the colon
        assertThat(RemoteTarget.isRemote(":x")).isFalse();
        assertThat(RemoteTarget.isRemote("plain.tar")).isFalse();
        assertThatThrownBy(() -> RemoteTarget.parse("./a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RemoteTarget.parse("host:")).isInstanceOf(IllegalArgumentException.class);
    }
}
