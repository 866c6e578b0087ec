package org.braid.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.braid.io.TestTraces.FrameCopy;
import org.braid.io.TestTraces.Reading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Timestamps and lengths checked by hand against
 * {@code tshark -r FILE -T fields -e frame.number -e frame.time_epoch -e frame.len -e frame.cap_len}
 * (tshark 4.0.17); the epoch value is written as seconds and nanoseconds.
 */
class TsharkTimestampsTest {
    @ParameterizedTest(name = "{0} frame {1}")
    @CsvSource({
            // pcapng with if_tsresol 9, despite its .pcap name
            "mptcpanalyzer_client_2.pcap,        1, 1529037834, 335235214,  344",
            "mptcpanalyzer_client_2.pcap,      100, 1529037842, 209069885, 2932",
            "mptcpanalyzer_client_2.pcap,     2884, 1529037866, 206589103,   56",
            // pcapng with the default microsecond resolution
            "dpi-mptcp-longer.pcapng,            2, 1425968503, 301141000,   86",
            "dpi-mptcp-longer.pcapng,           48, 1425968508, 698881000,   74",
            // microsecond pcap whose clock starts at the epoch
            "mptcpanalyzer_iperf-mptcp-0-0.pcap, 1,          0,         0,   58",
            "mptcpanalyzer_iperf-mptcp-0-0.pcap, 1000,       7,  74902000, 1502",
            "mptcpanalyzer_iperf-mptcp-0-0.pcap, 2560,      12, 319482000,   62",
            "tcpdump-mptcp-v1.pcap,             20, 1578930666, 677429000,   80",
    })
    void matchesTshark(String trace, int number, long seconds, long nanos, int length) throws IOException {
        Reading reading = TestTraces.read(TestTraces.publicTrace(trace));
        FrameCopy frame = reading.frames().get(number - 1);

        assertThat(frame.packetNumber()).isEqualTo(number);
        assertThat(frame.timestampNanos()).isEqualTo(seconds * 1_000_000_000L + nanos);
        assertThat(frame.originalLength()).isEqualTo(length);
        assertThat(frame.capturedLength()).isEqualTo(length);
    }
}
