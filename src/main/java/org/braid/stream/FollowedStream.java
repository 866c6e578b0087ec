package org.braid.stream;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.braid.io.Frame;
import org.braid.io.FrameReader;
import org.braid.model.Endpoint;

/**
 * A followed stream: both directions of an MPTCP connection's data (relative DSNs) or of a TCP
 * stream (offsets from the first byte after the SYN), as chunks and holes. The bytes are read
 * from the trace on demand, so walking or writing a stream of any size needs no copy of it.
 * Reading is thread-safe (a save can run beside the window); close it to release the trace.
 */
public final class FollowedStream implements Closeable {
    private final FollowTarget target;
    private final Endpoint client;
    private final Endpoint server;
    private final SegmentLog log;
    private final SideStream clientSide;
    private final SideStream serverSide;
    private final int[] subflowOfFlow;
    private final FrameReader reader;
    private final Frame frame = new Frame();

    FollowedStream(FollowTarget target, Endpoint client, Endpoint server, SegmentLog log, SideStream clientSide,
                   SideStream serverSide, int[] subflowOfFlow, FrameReader reader) {
        this.target = target;
        this.client = client;
        this.server = server;
        this.log = log;
        this.clientSide = clientSide;
        this.serverSide = serverSide;
        this.subflowOfFlow = subflowOfFlow;
        this.reader = reader;
    }

    public FollowTarget target() { return target; }

    public Endpoint client() { return client; }

    public Endpoint server() { return server; }

    /** What stream positions count: "DSN" (relative data sequence numbers) or "offset" (TCP). */
    public String positionName() {
        return target.connection() ? "DSN" : "offset";
    }

    /** Bytes of {@code side} found in the trace. */
    public long capturedBytes(StreamSide side) {
        return side(side).capturedBytes();
    }

    /** Bytes of {@code side} known to be missing (holes of known length). */
    public long missingBytes(StreamSide side) {
        SideStream s = side(side);
        return s.end - s.start - s.capturedBytes();
    }

    /** True when the side's first byte is in the trace's reach (its SYN or the key's IDSN is known). */
    public boolean startKnown(StreamSide side) {
        return side(side).startKnown;
    }

    /** True when the side's DATA_FIN (MPTCP) or FIN (TCP) is in the trace. */
    public boolean endedByFin(StreamSide side) {
        return side(side).endedByFin;
    }

    /** True when {@code side} is whole: its start known, no hole. */
    public boolean complete(StreamSide side) {
        return startKnown(side) && missingBytes(side) == 0;
    }

    /** The items of one direction in stream order, or of both interleaved in the order their packets came. */
    public Iterator<StreamItem> items(FollowDirection direction) {
        SideItems clientItems = direction.includes(StreamSide.CLIENT)
                ? new SideItems(this, clientSide, StreamSide.CLIENT) : null;
        SideItems serverItems = direction.includes(StreamSide.SERVER)
                ? new SideItems(this, serverSide, StreamSide.SERVER) : null;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return (clientItems != null && clientItems.hasNext()) || (serverItems != null && serverItems.hasNext());
            }

            @Override
            public StreamItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (clientItems == null || !clientItems.hasNext()) {
                    return serverItems.next();
                }
                if (serverItems == null || !serverItems.hasNext()) {
                    return clientItems.next();
                }
                return clientItems.order() <= serverItems.order() ? clientItems.next() : serverItems.next();
            }
        };
    }

    /** Copies {@code chunk}'s bytes into {@code into} from {@code at}. */
    public synchronized void read(StreamChunk chunk, byte[] into, int at) throws IOException {
        int s = chunk.segment();
        long packetNumber = log.packetIndex(s) + 1L;
        // Only the offset and the captured length locate the bytes; the rest is the frame's metadata.
        if (!reader.read(log.fileOffset(s), log.frameLength(s), log.frameLength(s), 0, 0, log.timestamp(s),
                packetNumber, frame)) {
            throw new IOException("packet " + packetNumber + " is no longer in " + reader.name());
        }
        frame.buffer().get(frame.offset() + log.payloadOffset(s) + chunk.skip(), into, at, chunk.length());
    }

    /** Writes the bytes of one side, in stream order, skipping holes; returns the bytes written. */
    public long writeBytes(StreamSide side, OutputStream out) throws IOException {
        byte[] buffer = new byte[65536];
        long written = 0;
        Iterator<StreamItem> items = items(side == StreamSide.CLIENT ? FollowDirection.CLIENT : FollowDirection.SERVER);
        while (items.hasNext()) {
            if (items.next() instanceof StreamChunk chunk) {
                if (buffer.length < chunk.length()) {
                    buffer = new byte[chunk.length()];
                }
                read(chunk, buffer, 0);
                out.write(buffer, 0, chunk.length());
                written += chunk.length();
            }
        }
        return written;
    }

    StreamChunk chunk(SideStream side, StreamSide which, int c) {
        int s = side.chunkSegment(c);
        byte flags = side.chunkFlags(c);
        int flow = log.flow(s);
        int subflow = flow < subflowOfFlow.length ? subflowOfFlow[flow] : -1;
        return new StreamChunk(which, side.chunkStart(c), side.chunkLength(c), log.packetIndex(s) + 1L,
                log.timestamp(s), flow, subflow, (flags & SideStream.REINJECTED) != 0,
                (flags & SideStream.RETRANSMITTED) != 0, (flags & SideStream.RESENT) != 0, s, side.chunkSkip(c));
    }

    long packetNumberOf(SideStream side, int c) {
        return log.packetIndex(side.chunkSegment(c)) + 1L;
    }

    private SideStream side(StreamSide side) {
        return side == StreamSide.CLIENT ? clientSide : serverSide;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
