/**
 * Growable primitive columns that never copy what they hold: the per-row tables of the analysis
 * (DSS mappings, sent DSN ranges) grow to tens of millions of rows on big traces, where a doubling
 * array would hold its old and new copy at once and allocate arrays big enough to cost the garbage
 * collector.
 */
package org.braid.model.column;
