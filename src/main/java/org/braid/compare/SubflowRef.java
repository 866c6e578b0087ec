package org.braid.compare;

/** Where a flow of either capture belongs: its connection match and its position in the first capture's connection. */
record SubflowRef(int match, Integer position) {}
