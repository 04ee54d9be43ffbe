package kz.prevention.registry.person;

import java.text.Normalizer;
import java.util.Locale;

/** Name normalisation and similarity, for search and for spotting the same person registered twice. */
public final class Names {

    private Names() {
    }

    /** "Ахметов  Данияр-Ёлдаш" → "ахметов данияр елдаш" (lower case, ё→е, punctuation to spaces). */
    public static String key(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                sb.append(' ').append(p);
            }
        }
        String s = Normalizer.normalize(sb.toString(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('ё', 'е');
        return s.replaceAll("[^\\p{L}]+", " ").trim();
    }

    /** 1 for equal keys, 0 for nothing in common: 1 − Levenshtein distance / longer length. */
    public static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int max = Math.max(a.length(), b.length());
        return max == 0 ? 1.0 : 1.0 - (double) levenshtein(a, b) / max;
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
