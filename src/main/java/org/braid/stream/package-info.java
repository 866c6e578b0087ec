/**
 * Follow stream: the application's bytes of an MPTCP connection (in data-sequence order, across
 * its subflows) or of one TCP stream (in TCP sequence order), reassembled from a trace.
 *
 * <p>One pass over the trace runs the analysis and keeps a compact record of each data segment
 * of the followed stream (packet, file offset, DSN, lengths, subflow); the payload bytes are read
 * back from the memory-mapped file only when written out, so following a large connection needs
 * heap for the records, not for the bytes. Byte ranges the trace does not hold are holes, never
 * invented bytes. Depends on io, decode, model and the analysis's public API only.
 */
package org.braid.stream;
