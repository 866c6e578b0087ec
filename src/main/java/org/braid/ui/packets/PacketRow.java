package org.braid.ui.packets;

/** A packet-list row: only the packet's 0-based index; everything shown is looked up from it. */
public record PacketRow(int index) {}
