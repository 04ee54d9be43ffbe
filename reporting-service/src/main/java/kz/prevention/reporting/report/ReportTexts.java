package kz.prevention.reporting.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's short texts: one sentence per figure from fixed templates in Kazakh, Russian and
 * English (no free generation: the same figures always read the same).
 */
final class ReportTexts {

    static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    private ReportTexts() {
    }

    static Map<String, String> title(int year, String territory) {
        Map<String, String> t = new LinkedHashMap<>();
        String where = "000000000".equals(territory) ? "" : " (" + territory + ")";
        t.put("kk", year + " жылғы қоғамдық қауіпсіздіктің жай-күйі туралы ұлттық баяндама" + where);
        t.put("ru", "Национальный доклад о состоянии общественной безопасности за " + year + " год" + where);
        t.put("en", "National report on the state of public safety, " + year + where);
        return t;
    }

    static Map<String, String> section(int year, List<NationalReport.Figure> figures) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            if (figures.isEmpty()) {
                out.put(lang, empty(lang));
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (NationalReport.Figure f : figures) {
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(sentence(lang, year, f));
            }
            out.put(lang, text.toString());
        }
        return out;
    }

    private static String empty(String lang) {
        return switch (lang) {
            case "kk" -> "Платформа оқиғаларында бұл бөлім үшін деректер жоқ; ол ведомстволардың статистикасы бойынша жасалады.";
            case "ru" -> "В событиях платформы нет данных для этого раздела; он составляется по статистике ведомств.";
            default -> "The platform's events hold no figures for this section; it is compiled from the agencies' statistics.";
        };
    }

    private static String sentence(String lang, int year, NationalReport.Figure f) {
        String name = f.names().get(lang);
        if (f.hidden() || f.value() == null) {
            return switch (lang) {
                case "kk" -> name + ": " + year + " жылы жарияланбайды (шағын сандар).";
                case "ru" -> name + ": за " + year + " г. не публикуется (малые числа).";
                default -> name + ": not published for " + year + " (small numbers).";
            };
        }
        String value = number(f.value()) + ("percent".equals(f.unit()) ? "%" : "");
        String change = f.change() == null ? null : signed(f.change()) + ("percent".equals(f.unit()) ? " pp" : "");
        int prev = year - 1;
        return switch (lang) {
            case "kk" -> name + ": " + year + " жылы " + value
                    + (change == null ? "." : " (" + prev + " жылмен салыстырғанда " + change.replace("pp", "п.т.") + ").");
            case "ru" -> name + ": " + value + " за " + year + " г."
                    + (change == null ? "" : " (" + change.replace("pp", "п.п.") + " к " + prev + " г.).");
            default -> name + ": " + value + " in " + year + (change == null ? "." : " (" + change + " against " + prev + ").");
        };
    }

    static String number(Number n) {
        if (n == null) {
            return "";
        }
        if (n instanceof Double d) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        return String.valueOf(n.longValue());
    }

    private static String signed(Number n) {
        String s = number(n);
        return n.doubleValue() > 0 ? "+" + s : n.doubleValue() == 0 ? "±0" : s;
    }
}
