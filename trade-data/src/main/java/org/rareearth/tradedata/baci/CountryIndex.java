package org.rareearth.tradedata.baci;

import java.util.HashMap;
import java.util.Map;

/** Numeric BACI country code to ISO3 and to a dense index (for duplicate keys). */
final class CountryIndex {
    private static final int DIRECT = 1 << 16;
    private final String[] isoByCode = new String[DIRECT];
    private final int[] indexByCode = new int[DIRECT];
    private final Map<Integer, String> isoOther = new HashMap<>();
    private final Map<Integer, Integer> indexOther = new HashMap<>();
    private int next;

    void put(int code, String iso3) {
        int index = next++;
        if (code >= 0 && code < DIRECT) {
            isoByCode[code] = iso3;
            indexByCode[code] = index;
        } else {
            isoOther.put(code, iso3);
            indexOther.put(code, index);
        }
    }

    String iso3(int code) {
        return code >= 0 && code < DIRECT ? isoByCode[code] : isoOther.get(code);
    }

    /** Only for codes with an ISO3 code. */
    int index(int code) {
        return code >= 0 && code < DIRECT ? indexByCode[code] : indexOther.get(code);
    }
}
