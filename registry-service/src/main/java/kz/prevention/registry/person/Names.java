package kz.prevention.registry.person;

import java.text.Normalizer;
import java.util.Locale;

/** Name normalisation and similarity, for search and for spotting the same person registered twice. */
public final class Names {

    /** Each letter of KAZAKH is keyed as the letter at the same place in RUSSIAN (and in V5's translate()). */
    static final String KAZAKH = "қғұүіөәңһё";
    static final String RUSSIAN = "кгууиоанхе";

    private Names() {
    }

    /**
     * "Ахметов  Данияр-Ёлдаш" → "ахметов данияр елдаш": lower case, punctuation to spaces, and the
     * Kazakh letters folded to the Russian ones a clerk types for them (қ/к, ғ/г, ұ/ү/у, і/и, ө/о,
     * ә/а, ң/н, һ/х, ё/е), so "Қасымова Гүлнар" and "Касымова Гулнар" are one key. Stored keys were
     * refolded by migration V5 with the same table.
     */
    public static String key(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                sb.append(' ').append(p);
            }
        }
        String s = Normalizer.normalize(sb.toString(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int k = KAZAKH.indexOf(c);
            folded.append(k >= 0 ? RUSSIAN.charAt(k) : c);
        }
        return folded.toString().replaceAll("[^\\p{L}]+", " ").trim();
    }

    /**
     * 1 for equal keys, 0 for nothing in common: 1 − Levenshtein distance / longer length, taking the
     * better of the keys as written and with their words sorted (a swapped first and last name).
     */
    public static double similarity(String a, String b) {
        return Math.max(editSimilarity(a, b), editSimilarity(sortedWords(a), sortedWords(b)));
    }

    private static double editSimilarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int max = Math.max(a.length(), b.length());
        return max == 0 ? 1.0 : 1.0 - (double) levenshtein(a, b) / max;
    }

    private static String sortedWords(String key) {
        String[] words = key.split(" ");
        java.util.Arrays.sort(words);
        return String.join(" ", words);
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
