package org.braid.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.braid.capture.CaptureException.Kind;
import org.pcap4j.core.PcapNativeException;

/** Turns libpcap's and pcap4j's failures into messages that say what to do. */
final class PcapErrors {
    // libpcap's pcap_activate() codes (pcap/pcap.h).
    private static final int PCAP_ERROR_NO_SUCH_DEVICE = -5;
    private static final int PCAP_ERROR_PERM_DENIED = -8;
    private static final int PCAP_ERROR_IFACE_NOT_UP = -9;
    private static final int PCAP_ERROR_PROMISC_PERM_DENIED = -11;

    static final String LIBPCAP_PACKAGE = "libpcap0.8";

    private PcapErrors() {}

    /** pcap4j throws linkage errors (UnsatisfiedLinkError, then NoClassDefFoundError) when libpcap is missing. */
    static CaptureException missingLibrary(LinkageError error) {
        String detail = String.valueOf(error.getMessage()).lines().findFirst().orElse("").strip();
        return new CaptureException(Kind.NO_LIBPCAP, "libpcap is not installed (or cannot be loaded), and live "
                + "capture needs it: on Debian or Ubuntu, apt-get install " + LIBPCAP_PACKAGE
                + "; elsewhere, your system's libpcap package. (" + detail + ")", error);
    }

    /** A failed pcap_create/pcap_activate on {@code interfaceName}. */
    static CaptureException openFailed(String interfaceName, PcapNativeException e) {
        Integer code = e.getReturnCode();
        String reason = e.getMessage();
        if ((code != null && (code == PCAP_ERROR_PERM_DENIED || code == PCAP_ERROR_PROMISC_PERM_DENIED))
                || (reason != null && reason.contains("permission"))) {
            return noPermission(interfaceName, reason, e);
        }
        if (code != null && code == PCAP_ERROR_NO_SUCH_DEVICE) {
            return new CaptureException(Kind.NO_SUCH_INTERFACE, unknownInterface(interfaceName), e);
        }
        if (code != null && code == PCAP_ERROR_IFACE_NOT_UP) {
            return new CaptureException(Kind.FAILED, "interface " + interfaceName + " is down; bring it up first ("
                    + reason + ")", e);
        }
        return new CaptureException(Kind.FAILED, "cannot capture on " + interfaceName + ": " + reason, e);
    }

    static CaptureException noPermission(String interfaceName, String reason, Throwable cause) {
        return new CaptureException(Kind.NO_PERMISSION, "no permission to capture on " + interfaceName
                + ". Run braid as root, or allow this Java to capture once with: sudo setcap "
                + "cap_net_raw,cap_net_admin=eip " + javaBinary() + "  (libpcap: " + reason + ")", cause);
    }

    static CaptureException badFilter(String filter, String reason, Throwable cause) {
        return new CaptureException(Kind.BAD_FILTER, "invalid capture filter \"" + filter + "\": " + reason
                + " (libpcap filter syntax, as tcpdump's: e.g. \"tcp port 443\")", cause);
    }

    /** pcap_next_ex failed after the capture had started: almost always the interface went away. */
    static CaptureException captureFailed(String interfaceName, String reason, Throwable cause) {
        String lower = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        boolean gone = lower.contains("went down") || lower.contains("disappeared") || lower.contains("no such device")
                || lower.contains("network is down");
        return gone
                ? new CaptureException(Kind.INTERFACE_GONE, "interface " + interfaceName
                        + " went away during the capture (" + reason + "); the packets captured until then are kept",
                        cause)
                : new CaptureException(Kind.FAILED, "capture on " + interfaceName + " failed: " + reason
                        + "; the packets captured until then are kept", cause);
    }

    static CaptureException saveFailed(Path path, IOException e) {
        return new CaptureException(Kind.SAVE_FAILED, "cannot save the capture to " + path + ": " + e.getMessage(), e);
    }

    /** The message for a name libpcap does not know, listing the names it does. */
    static String unknownInterface(String interfaceName) {
        String known;
        try {
            List<CaptureInterface> interfaces = CaptureInterfaces.list();
            known = interfaces.stream().map(CaptureInterface::name).collect(Collectors.joining(", "));
        } catch (CaptureException e) {
            known = "(cannot list them: " + e.getMessage() + ")";
        }
        return "no interface named " + interfaceName + "; available: " + known;
    }

    /** The real file of the running Java, which is what setcap must be given (not a symlink to it). */
    static String javaBinary() {
        String command = ProcessHandle.current().info().command()
                .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        try {
            return Paths.get(command).toRealPath().toString();
        } catch (IOException e) {
            return command;
        }
    }
}
