package org.braid.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.braid.capture.CaptureException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each failure the user can meet, provoked for real, and the message it gets. */
class CaptureErrorsTest {
    private static final CaptureObserver QUIET = new CaptureObserver() {};

    @Test
    void unknownInterfaceListsTheAvailableOnes() {
        assumeTrue(TwoPathNetwork.isRoot(),
                "opening an interface needs root; without it libpcap reports the permission first");
        CaptureException e = catchThrowableOfType(CaptureException.class,
                () -> LiveCapture.open(CaptureSettings.on("bcap-none0"), List.of(), QUIET));
        assertThat(e.kind()).isEqualTo(Kind.NO_SUCH_INTERFACE);
        assertThat(e.getMessage()).startsWith("no interface named bcap-none0; available: ")
                .contains("lo").contains("any");
    }

    @Test
    void invalidFilterGivesLibpcapsReason() {
        assumeTrue(TwoPathNetwork.isRoot(), "opening an interface needs root");
        CaptureException e = catchThrowableOfType(CaptureException.class,
                () -> LiveCapture.open(CaptureSettings.on("lo").withFilter("tcp and and"), List.of(), QUIET));
        assertThat(e.kind()).isEqualTo(Kind.BAD_FILTER);
        assertThat(e.getMessage()).startsWith("invalid capture filter \"tcp and and\": ").contains("syntax error");
    }

    /** The default filter keeps ICMP errors beside TCP; libpcap must take it on a cooked and a loopback link. */
    @Test
    void theDefaultFilterCompilesOnEveryLinkType() throws Exception {
        assumeTrue(TwoPathNetwork.isRoot(), "opening an interface needs root");
        assertThat(CaptureSettings.on("lo").filter()).startsWith("tcp or icmp or icmp6 or ").contains("udp port 2152");
        for (String device : List.of("lo", CaptureInterfaces.ANY)) {
            try (LiveCapture capture = LiveCapture.open(CaptureSettings.on(device), List.of(), QUIET)) {
                assertThat(capture).as(device).isNotNull();
            }
        }
    }

    @Test
    void unwritableSaveIsRefusedBeforeCapturing(@TempDir Path dir) {
        assumeTrue(TwoPathNetwork.isRoot(), "opening an interface needs root");
        Path target = dir.resolve("missing-folder").resolve("out.pcapng");
        CaptureException e = catchThrowableOfType(CaptureException.class,
                () -> LiveCapture.open(CaptureSettings.on("lo").withSaveTo(target), List.of(), QUIET));
        assertThat(e.kind()).isEqualTo(Kind.SAVE_FAILED);
        assertThat(e.getMessage()).startsWith("cannot save the capture to " + target);
    }

    @Test
    void withoutCapabilitiesTheMessageSaysRootOrSetcap() throws Exception {
        // As root, drop the two capabilities for the child (root's file access stays, so the class path
        // under /root still reads); as another user, the child has no capabilities anyway.
        List<String> prefix = TwoPathNetwork.isRoot()
                ? List.of("setpriv", "--inh-caps=-net_raw,-net_admin", "--bounding-set=-net_raw,-net_admin", "--")
                : List.of();
        if (TwoPathNetwork.isRoot()) {
            assumeTrue(ChildJvm.onPath("setpriv"), "setpriv (util-linux) is needed to drop capabilities");
        }
        ChildJvm.Result result = ChildJvm.run(ChildJvm.command(prefix, List.of(), "capture", "-i", "lo", "-c", "1"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("braid: no permission to capture on lo. Run braid as root, or allow this "
                + "Java to capture once with: sudo setcap cap_net_raw,cap_net_admin=eip /")
                .contains("Operation not permitted");
    }

    @Test
    void missingLibpcapNamesTheDebianPackage() throws Exception {
        List<String> noLibrary = List.of("-Dorg.pcap4j.core.pcapLibName=/nonexistent/libpcap.so.0.8",
                "-Djna.library.path=/nonexistent");
        for (String[] args : List.of(new String[] {"capture", "-i", "lo", "-c", "1"},
                new String[] {"capture", "--list-interfaces"})) {
            ChildJvm.Result result = ChildJvm.run(ChildJvm.command(List.of(), noLibrary, args));
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.err()).as(String.join(" ", args))
                    .startsWith("braid: libpcap is not installed (or cannot be loaded), and live capture needs it: "
                            + "on Debian or Ubuntu, apt-get install libpcap0.8;")
                    .hasLineCount(1);
        }
    }

    @Test
    void interfacesIncludeAnyAndLoopback() throws Exception {
        List<CaptureInterface> interfaces = CaptureInterfaces.list();
        assertThat(interfaces).extracting(CaptureInterface::name).contains("any", "lo");
        CaptureInterface lo = interfaces.stream().filter(i -> i.name().equals("lo")).findFirst().orElseThrow();
        assertThat(lo.loopback()).isTrue();
        assertThat(lo.addresses()).contains("127.0.0.1");
        assertThat(lo.describe()).startsWith("lo  up").contains("loopback").contains("127.0.0.1");
    }
}
