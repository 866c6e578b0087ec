/**
 * Live capture through libpcap (pcap4j), analysed by the same listeners as a file.
 *
 * <p>How a front end drives it (the command line's {@code braid capture} does exactly this):
 * <pre>{@code
 * List<CaptureInterface> choices = CaptureInterfaces.list();          // names, addresses, flags, and "any"
 * MptcpAnalyzer analyzer = new MptcpAnalyzer();
 * CaptureSettings settings = CaptureSettings.on("eth0")               // DEFAULT_FILTER (TCP, ICMP, tunnels), full frames, promiscuous
 *         .withFilter("tcp port 443").withSaveTo(path);               // optional: count, duration, buffer...
 * LiveCapture capture = LiveCapture.open(settings, List.of(analyzer), observer); // CaptureException: tell the user
 * capture.start();
 * AnalysisResult now = capture.read(analyzer::result);                // from any thread, between two packets
 * CaptureStatistics counters = capture.statistics();                  // any thread: received, drops
 * capture.stop();                                                     // any thread, any time
 * CaptureEnd end = capture.awaitEnd();                                // reason, counters, saved file, error
 * }</pre>
 * The {@link org.braid.capture.CaptureObserver} hears the counters four times a second and the end,
 * on the capture thread. Every {@link org.braid.capture.CaptureException} carries a message meant
 * for the user and a {@link org.braid.capture.CaptureException.Kind}.
 */
package org.braid.capture;
