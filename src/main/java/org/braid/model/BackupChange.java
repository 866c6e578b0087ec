package org.braid.model;

/**
 * An MP_PRIO that changed a subflow's backup flag.
 *
 * @param packet   1-based packet number
 * @param backup   the new flag
 * @param byClient true when the subflow's client sent it
 */
public record BackupChange(long timeNanos, long packet, boolean backup, boolean byClient) {}
