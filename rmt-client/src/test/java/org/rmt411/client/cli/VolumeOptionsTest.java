package org.rmt411.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.rmt411.client.RemoteTarget;
import org.rmt411.client.volume.NewVolumeScript;
import org.rmt411.client.volume.VolumeRequest;
import org.rmt411.client.volume.Volumes;

/** Which way to a next volume the options choose (no terminal under the test runner). */
class VolumeOptionsTest {
    private final PrintWriter err = new PrintWriter(new StringWriter());

    private static VolumeOptions options(boolean multi, String script) {
        VolumeOptions options = new VolumeOptions();
        options.multiVolume = multi;
        options.script = script;
        return options;
    }

    private static TargetOptions target(String rsh) {
        TargetOptions target = new TargetOptions();
        target.rshCommand = rsh;
        return target;
    }

    @Test
    void withoutMOrFOneVolume() {
        assertThat(options(false, null).volumes(target(null), RemoteTarget.parse("h:/dev/nst0"), err))
                .isEqualTo(Volumes.SINGLE);
    }

    @Test
    void aScriptImpliesMultiVolume() {
        Volumes volumes = options(false, "true").volumes(target(null), RemoteTarget.parse("h:/dev/nst0"), err);
        assertThat(volumes).isInstanceOfSatisfying(Volumes.Multi.class,
                multi -> assertThat(multi.changer()).isInstanceOf(NewVolumeScript.class));
    }

    @Test
    void anRmt411DriveOverTcpIsUnloadedForTheAutoloader() throws Exception {
        Volumes.Multi multi = (Volumes.Multi) options(true, null).volumes(target(null),
                RemoteTarget.parse("h:/dev/nst0"), err);
        boolean[] unloaded = {false};
        String next = multi.changer().prepare(new VolumeRequest(2, "/dev/nst0", VolumeRequest.Subcommand.CREATE, 20,
                () -> unloaded[0] = true));
        assertThat(unloaded[0]).isTrue();
        assertThat(next).isEqualTo("/dev/nst0");
    }

    @Test
    void aStockServerWithNoTerminalAndNoScriptCannotChangeVolumes() {
        Volumes.Multi multi = (Volumes.Multi) options(true, null).volumes(target("ssh"),
                RemoteTarget.parse("h:/dev/nst0"), err);
        assertThatThrownBy(() -> multi.changer().prepare(new VolumeRequest(2, "/dev/nst0",
                VolumeRequest.Subcommand.CREATE, 20, () -> { })))
                .hasMessage("no volume #2 for h:/dev/nst0: give -F SCRIPT, or run on a terminal to be asked");
    }
}
