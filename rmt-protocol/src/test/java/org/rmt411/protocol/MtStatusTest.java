package org.rmt411.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** struct mtget in the Linux x86_64 layout. */
class MtStatusTest {
    private final MtStatus status = new MtStatus(0x72, 0, (0x40L << 24) | 512,
            MtStatus.GMT_BOT | MtStatus.GMT_ONLINE, 0, 3, -1);

    @Test
    void goldenBytes() {
        byte[] raw = status.toLinuxBytes();
        assertThat(raw).hasSize(48);
        assertThat(raw[0]).isEqualTo((byte) 0x72);
        assertThat(raw[16]).isEqualTo((byte) 0x00);
        assertThat(raw[17]).isEqualTo((byte) 0x02);
        assertThat(raw[23]).isEqualTo((byte) 0x00);
        assertThat(raw[19]).isEqualTo((byte) 0x40);
        assertThat(raw[27]).isEqualTo((byte) 0x41);
        assertThat(raw[40]).isEqualTo((byte) 3);
        assertThat(raw[44]).isEqualTo((byte) 0xff);
        assertThat(raw[47]).isEqualTo((byte) 0xff);
    }

    @Test
    void roundTripAndAccessors() {
        MtStatus back = MtStatus.fromLinuxBytes(status.toLinuxBytes());
        assertThat(back).isEqualTo(status);
        assertThat(back.blockSize()).isEqualTo(512);
        assertThat(back.density()).isEqualTo(0x40);
        assertThat(back.has(MtStatus.GMT_BOT)).isTrue();
        assertThat(back.has(MtStatus.GMT_EOD)).isFalse();
    }

    @Test
    void bigEndianServerIsDetectedByType() {
        byte[] little = status.toLinuxBytes();
        byte[] big = new byte[48];
        for (int field = 0; field < 5; field++) {
            for (int i = 0; i < 8; i++) {
                big[field * 8 + i] = little[field * 8 + 7 - i];
            }
        }
        for (int field = 0; field < 2; field++) {
            for (int i = 0; i < 4; i++) {
                big[40 + field * 4 + i] = little[40 + field * 4 + 3 - i];
            }
        }
        assertThat(MtStatus.fromLinuxBytes(big)).isEqualTo(status);
    }

    @Test
    void fieldsForLowercaseS() throws RmtException {
        assertThat(status.field('T')).isEqualTo(0x72);
        assertThat(status.field('F')).isEqualTo(3);
        assertThat(status.field('B')).isEqualTo(-1);
        assertThat(status.field('f')).isEqualTo(MtStatus.GMT_BOT | MtStatus.GMT_ONLINE);
        assertThat(status.field('b')).isZero();
        assertThatThrownBy(() -> status.field('Z')).isInstanceOf(RmtException.class);
        assertThatThrownBy(() -> MtStatus.fromLinuxBytes(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void portableOpNumbers() {
        assertThat(MtOp.fromPortable(0)).isEqualTo(MtOp.MTWEOF);
        assertThat(MtOp.fromPortable(5)).isEqualTo(MtOp.MTREW);
        assertThat(MtOp.fromPortable(7)).isEqualTo(MtOp.MTNOP);
        assertThat(MtOp.fromPortable(10)).isEqualTo(MtOp.MTEOM);
        assertThat(MtOp.fromPortable(11)).isEqualTo(-1);
        assertThat(MtOp.toPortable(MtOp.MTOFFL)).isEqualTo(6);
        assertThat(MtOp.fromExtended(3)).isEqualTo(MtOp.MTERASE);
        assertThat(MtOp.fromExtended(0)).isEqualTo(-1);
    }
}
