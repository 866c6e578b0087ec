package org.braid.capture;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/** The interfaces libpcap can capture on. */
public final class CaptureInterfaces {
    /** Linux's pseudo-interface that captures on all interfaces at once (cooked link headers). */
    public static final String ANY = "any";

    private CaptureInterfaces() {}

    /** Every interface libpcap reports, with {@code any} added where libpcap leaves it out. */
    public static List<CaptureInterface> list() throws CaptureException {
        List<PcapNetworkInterface> devices;
        try {
            devices = Pcaps.findAllDevs();
        } catch (LinkageError e) {
            throw PcapErrors.missingLibrary(e);
        } catch (PcapNativeException e) {
            throw new CaptureException(CaptureException.Kind.FAILED, "cannot list interfaces: " + e.getMessage(), e);
        }
        List<CaptureInterface> interfaces = new ArrayList<>();
        boolean sawAny = false;
        for (PcapNetworkInterface device : devices) {
            sawAny |= ANY.equals(device.getName());
            interfaces.add(new CaptureInterface(device.getName(), device.getDescription(), addresses(device),
                    device.isLoopBack(), device.isUp(), device.isRunning()));
        }
        if (!sawAny) {
            interfaces.add(new CaptureInterface(ANY, "Pseudo-device that captures on all interfaces", List.of(),
                    false, true, true));
        }
        return interfaces;
    }

    private static List<String> addresses(PcapNetworkInterface device) {
        List<String> out = new ArrayList<>();
        for (PcapAddress address : device.getAddresses()) {
            InetAddress inet = address.getAddress();
            if (inet != null) {
                out.add(inet.getHostAddress());
            }
        }
        return out;
    }
}
