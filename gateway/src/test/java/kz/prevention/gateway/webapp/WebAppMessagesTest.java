package kz.prevention.gateway.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The web app's texts all come from its message files, in Kazakh, Russian and English (no
 * application): the three files have the same keys and placeholders, every key the page and the
 * scripts use exists, and the HTML and the scripts hold no human text of their own.
 */
class WebAppMessagesTest {

    private static final Path APP = Path.of("src/main/resources/META-INF/resources/app");
    private static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern KAZAKH_LETTERS = Pattern.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

    private static Map<String, String> messages(String lang) throws IOException {
        return new ObjectMapper().readValue(APP.resolve("assets/i18n/" + lang + ".json").toFile(),
                new TypeReference<LinkedHashMap<String, String>>() { });
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> s = Files.walk(APP.resolve("assets/js"))) {
            return s.filter(p -> p.toString().endsWith(".js")).sorted().toList();
        }
    }

    /** A script without its comments (line comments that start a line or follow code after a space; block comments). */
    private static String code(Path script) {
        return read(script).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)(^|\\s)//.*$", "$1");
    }

    @Test
    void everyLanguageHasEveryKeyWithTheSamePlaceholders() throws IOException {
        Map<String, String> en = messages("en");
        assertThat(en).hasSizeGreaterThan(100);
        for (String lang : LANGUAGES) {
            Map<String, String> m = messages(lang);
            assertThat(m.keySet()).as("keys of %s.json vs en.json", lang).containsExactlyInAnyOrderElementsOf(en.keySet());
            m.forEach((key, text) -> {
                assertThat(text).as("%s: %s", lang, key).isNotBlank();
                assertThat(placeholders(text)).as("placeholders of %s in %s.json", key, lang).isEqualTo(placeholders(en.get(key)));
            });
        }
    }

    @Test
    void kazakhAndRussianAreWrittenInTheirOwnLetters() throws IOException {
        Map<String, String> kk = messages("kk");
        Map<String, String> ru = messages("ru");
        Map<String, String> en = messages("en");
        long kazakh = kk.values().stream().filter(v -> KAZAKH_LETTERS.matcher(v).find()).count();
        assertThat(kazakh).as("Kazakh messages with ә ғ қ ң ө ұ ү һ і").isGreaterThan(kk.size() / 2);
        long sameAsRussian = kk.entrySet().stream().filter(e -> e.getValue().equals(ru.get(e.getKey()))
                && !bare(e.getValue()).isEmpty()).count();
        assertThat(sameAsRussian).as("Kazakh messages identical to the Russian ones (a few words are: Комиссия, Кворум)")
                .isLessThan(6);
        for (String key : en.keySet()) {
            // A pure pattern such as "{title}: {detail}" has no words to check.
            if (!bare(kk.get(key)).isEmpty()) {
                assertThat(kk.get(key)).as("kk: %s", key).containsPattern(CYRILLIC);
            }
            if (!bare(ru.get(key)).isEmpty()) {
                assertThat(ru.get(key)).as("ru: %s", key).containsPattern(CYRILLIC).doesNotContainPattern(KAZAKH_LETTERS);
            }
        }
    }

    private static String bare(String text) {
        return PLACEHOLDER.matcher(text).replaceAll("").replaceAll("[\\p{Punct}\\s–—…·/]", "");
    }

    @Test
    void everyKeyThePageAndTheScriptsUseExists() throws IOException {
        Set<String> known = messages("en").keySet();
        Set<String> used = new TreeSet<>();
        Matcher html = Pattern.compile("data-i18n(?:-[a-z-]+)?=\"([^\"]+)\"").matcher(read(APP.resolve("index.html")));
        while (html.find()) {
            used.add(html.group(1));
        }
        Set<String> prefixes = new TreeSet<>();
        for (Path script : scripts()) {
            String code = code(script);
            collect(Pattern.compile("\\bt\\('([^']+)'"), code, used);
            collect(Pattern.compile("\\bstat\\('([^']+)'"), code, used);
            collect(Pattern.compile("\\bcode\\('([^']+)'"), code, prefixes);
            collect(Pattern.compile("\\bt\\(`([a-zA-Z.]+)\\.\\$\\{"), code, prefixes);
        }
        assertThat(used).as("keys used").hasSizeGreaterThan(80);
        assertThat(known).as("keys used by index.html and the scripts").containsAll(used);
        for (String prefix : prefixes) {
            assertThat(known).as("messages for the codes of %s", prefix).anyMatch(k -> k.startsWith(prefix + "."));
        }
    }

    @Test
    void thePageHoldsNoTextOfItsOwn() {
        String page = read(APP.resolve("index.html"));
        // Language names are written in their own language (lang attribute), as language menus do.
        String withoutEndonyms = page.replaceAll("<option value=\"\\w+\" lang=\"\\w+\">[^<]*</option>", "")
                .replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<head>.*?<title", "<title");
        Matcher text = Pattern.compile(">([^<]*)<").matcher(withoutEndonyms);
        List<String> literal = new ArrayList<>();
        while (text.find()) {
            if (!text.group(1).isBlank()) {
                literal.add(text.group(1).strip());
            }
        }
        assertThat(literal).as("text written into index.html instead of data-i18n").isEmpty();
        assertThat(page).as("attributes people read must come from messages")
                .doesNotContainPattern("\\s(aria-label|title|placeholder|alt)=\"");
    }

    @Test
    void theScriptsHoldNoTextOfTheirOwn() throws IOException {
        Pattern literal = Pattern.compile("'((?:[^'\\\\\\n]|\\\\.)*)'|\"((?:[^\"\\\\\\n]|\\\\.)*)\"|`((?:[^`\\\\]|\\\\.)*)`");
        Pattern sentence = Pattern.compile("\\b[A-Z][a-z]+,? [a-z]+");
        List<String> offending = new ArrayList<>();
        for (Path script : scripts()) {
            Matcher m = literal.matcher(code(script));
            while (m.find()) {
                String s = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                String plain = s.replaceAll("\\$\\{[^}]*}", "");
                if (CYRILLIC.matcher(plain).find() || sentence.matcher(plain).find()) {
                    offending.add(script.getFileName() + ": " + s);
                }
            }
        }
        assertThat(offending).as("human text in the scripts instead of t('key')").isEmpty();
    }

    private static void collect(Pattern p, String text, Set<String> into) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
