package org.phyle.core.charter;

/**
 * How many citizens are in good standing at a time: what the handover's stages are counted in. The charter declares
 * this view and citizenship offers it, so the charter reads the count without depending on citizenship (which reads
 * the charter: its hash, its stage and the founder's powers).
 */
public interface Electorate {
    long activeCitizens(long time);
}
