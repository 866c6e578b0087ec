package org.braid.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.braid.model.column.IntColumn;

/**
 * Finds a DSS mapping already in a {@link MappingLog} by its key: per subflow direction, the rows
 * of its mappings sorted by subflow sequence number. A subflow maps its sequence space in order, so
 * a new mapping is almost always beyond the newest one and costs a comparison and an append, where
 * a hash table over all mappings cost a random memory access per mapping, and, as it doubled,
 * copies of tables of many megabytes (which the collector treats as humongous). Only a mapping sent
 * again, or a late one, costs a binary search.
 *
 * <p>Subflow sequence numbers are 32 bits and wrap. They are compared as offsets from the newest
 * mapping's, which orders every mapping within 2 GB of it; older ones drop out of the search (a
 * mapping is repeated within the receive window, at most 1 GB, of the newest).
 */
final class MappingIndex {
    /** How far back (in subflow sequence space) mappings stay searchable: half the 32-bit space. */
    static final long SEARCHED_SPAN = 1L << 30;
    /** Subflow directions kept in a plain array before a map takes over (a connection has few subflows). */
    private static final int LISTED = 8;

    /** Reads the key columns of the log. */
    interface Keys {
        long dsn(int row);

        long subflowSeq(int row);

        int length(int row);
    }

    private final Keys keys;
    private Subflow[] listed = new Subflow[2];
    private int listedCount;
    private Map<Integer, Subflow> many;

    MappingIndex(Keys keys) {
        this.keys = keys;
    }

    /** The row of the mapping with this key, or {@link MappingLog#NOT_FOUND}. */
    int find(int flowIndex, int dataSide, long dsn, long subflowSeq, int length) {
        Subflow s = subflow(flowIndex * 2 + dataSide, false);
        return s == null ? MappingLog.NOT_FOUND : s.find(keys, dsn, subflowSeq, length);
    }

    /** Adds {@code row}, a mapping {@link #find} did not find. */
    void add(int flowIndex, int dataSide, int row) {
        subflow(flowIndex * 2 + dataSide, true).add(keys, row);
    }

    private Subflow subflow(int key, boolean create) {
        if (many != null) {
            Subflow s = many.get(key);
            if (s == null && create) {
                s = new Subflow(key);
                many.put(key, s);
            }
            return s;
        }
        for (int i = 0; i < listedCount; i++) {
            if (listed[i].key == key) {
                return listed[i];
            }
        }
        if (!create) {
            return null;
        }
        Subflow s = new Subflow(key);
        if (listedCount == LISTED) {
            many = new HashMap<>();
            for (int i = 0; i < listedCount; i++) {
                many.put(listed[i].key, listed[i]);
            }
            many.put(key, s);
            listed = null;
            return s;
        }
        if (listedCount == listed.length) {
            listed = Arrays.copyOf(listed, listedCount * 2);
        }
        listed[listedCount++] = s;
        return s;
    }

    /** One subflow direction's rows, sorted by subflow sequence number from {@link #first} on. */
    private static final class Subflow {
        final int key;
        final IntColumn rows = new IntColumn(0); // no absent rows: every one below size is set
        int size;
        /** The first row still searched: those before it are more than {@link #SEARCHED_SPAN} behind. */
        int first;
        /** The subflow sequence number of the last (newest) row. */
        long newestSeq;

        Subflow(int key) {
            this.key = key;
        }

        /** The offset of {@code seq} from the newest mapping's: negative behind it, signed 32-bit. */
        long offset(long seq) {
            return (int) (seq - newestSeq);
        }

        int find(Keys keys, long dsn, long seq, int length) {
            if (size == 0 || offset(seq) > 0 || offset(seq) < -SEARCHED_SPAN) {
                return MappingLog.NOT_FOUND; // beyond the newest mapping (a new one), or too old
            }
            for (int i = lowerBound(keys, offset(seq)); i < size; i++) {
                int row = rows.get(i);
                if (offset(keys.subflowSeq(row)) != offset(seq)) {
                    break;
                }
                if (keys.dsn(row) == dsn && keys.length(row) == length) {
                    return row;
                }
            }
            return MappingLog.NOT_FOUND;
        }

        void add(Keys keys, int row) {
            long seq = keys.subflowSeq(row);
            if (size == 0 || offset(seq) >= 0) {
                rows.set(size++, row); // in order: the common case
                newestSeq = seq;
                while (first < size - 1 && offset(keys.subflowSeq(rows.get(first))) < -SEARCHED_SPAN) {
                    first++;
                }
                return;
            }
            // A late mapping: after those at or below its sequence number, the rest move up one.
            int at = lowerBound(keys, offset(seq) + 1);
            for (int i = size - 1; i >= at; i--) {
                rows.set(i + 1, rows.get(i));
            }
            rows.set(at, row);
            size++;
        }

        /** The first searched position whose mapping's offset is at least {@code target}. */
        private int lowerBound(Keys keys, long target) {
            int low = first;
            int high = size;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (offset(keys.subflowSeq(rows.get(mid))) < target) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}
