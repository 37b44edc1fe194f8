package org.rmt411.protocol.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.RmtRequest;
import org.rmt411.protocol.SeekOrder;
import org.rmt411.protocol.SeekResolver;

class ExplanationsTest {
    @Test
    void everyRequestKindHasWordsAndSenders() throws Exception {
        RmtRequest[] all = {new RmtRequest.Open("/dev/nst0", "66 O_RDWR|O_CREAT"), new RmtRequest.Close(""),
            new RmtRequest.Seek("0", "1"), new RmtRequest.Read(10240), new RmtRequest.Write(10240),
            new RmtRequest.Ioctl(1, 2), new RmtRequest.ExtendedIoctl(4, 1), new RmtRequest.Status(),
            new RmtRequest.StatusField('F'), new RmtRequest.Version('V', "0"), new RmtRequest.Version('v', "0")};
        for (RmtRequest request : all) {
            assertThat(Explanations.request(request)).hasSize(2)
                    .allSatisfy(line -> assertThat(line).doesNotContain("null"));
        }
        assertThat(Explanations.request(new RmtRequest.Open("/a", "66 O_RDWR|O_CREAT")).get(0))
                .endsWith("(O_RDWR|O_CREAT)");
        assertThat(Explanations.request(new RmtRequest.Ioctl(-1, 0)).get(0)).contains("RMT V1 handshake");
        assertThat(Explanations.request(new RmtRequest.ExtendedIoctl(4, 1)).get(0)).endsWith("MTEOM");
    }

    @Test
    void seekNamesTheOrderAndTheRuleThatChoseIt() throws Exception {
        SeekResolver seeks = new SeekResolver(SeekOrder.AUTO);
        RmtRequest.Seek tell = new RmtRequest.Seek("0", "1");
        String text = Explanations.seek(tell, seeks.resolve(tell), seeks.lastRule(), seeks.lastOrder());
        assertThat(text).startsWith("read as offset 0, SEEK_CUR").contains("rule 3", "either order");

        RmtRequest.Seek gnu = new RmtRequest.Seek("0", "61440");
        text = Explanations.seek(gnu, seeks.resolve(gnu), seeks.lastRule(), seeks.lastOrder());
        assertThat(text).startsWith("read as offset 61440, SEEK_SET").contains("whence first", "rule 2");

        RmtRequest.Seek ambiguous = new RmtRequest.Seek("1", "2");
        text = Explanations.seek(ambiguous, seeks.resolve(ambiguous), seeks.lastRule(), seeks.lastOrder());
        assertThat(text).contains("offset 2, SEEK_CUR", "rule 4: ambiguous; read in the order this session showed");
    }

    @Test
    void errnosAndStRulesAreNamed() {
        assertThat(Explanations.errno(5, "whatever")).isEqualTo("EIO (5, Input/output error)");
        assertThat(Explanations.errno(99, "Odd")).isEqualTo("errno 99 (Odd)");
        assertThat(TapeRules.failure(MtOp.MTFSF, 5))
                .isEqualTo("st: MTFSF ran into end of data: EIO, position after the last filemark, block unknown (GMT_EOD)");
        assertThat(TapeRules.failure(MtOp.MTFSF, 25)).contains("ENOTTY");
        assertThat(TapeRules.opName(MtOp.MTEOM)).isEqualTo("MTEOM");
        assertThat(TapeRules.opName(99)).isEqualTo("op 99");
    }

    @Test
    void statusPiecesInWords() {
        MtStatus status = new MtStatus(0x72, 0, 0, MtStatus.GMT_BOT | MtStatus.GMT_ONLINE, 0, 0, -1);
        assertThat(TapeRules.position(status)).isEqualTo("file 0, block unknown (-1)");
        assertThat(TapeRules.gstat(status.gstat())).isEqualTo("GMT_BOT GMT_ONLINE");
        assertThat(TapeRules.gstat(0)).isEqualTo("(none)");
    }
}
