package org.rareearth.ingest.baci;
import org.rareearth.ingest.source.*;
public final class BaciReader { public static TradeData read(DataSource s, ReadOptions o) throws java.io.IOException { throw new UnsupportedOperationException("stub"); } }
