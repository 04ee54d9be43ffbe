package kz.prevention.commission.agenda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

/**
 * The kinds of agenda item the law gives the commissions, from the dated reference file
 * {@code commission/agenda-item-kinds.json}; {@code minorsOnly} kinds belong to minors' commissions.
 */
@ApplicationScoped
public class AgendaKinds {

    public static final String RESOURCE = "commission/agenda-item-kinds.json";
    public static final String MINOR_CASE = "MINOR_CASE";
    public static final String OVERDUE_INSTRUCTION = "OVERDUE_INSTRUCTION";

    @JsonIgnoreProperties(ignoreUnknown = true)
    /**
     * @param proposedWhenMeasureEnds the individual measure (catalog code) whose completion proposes
     *        an item of this kind — a child back from a special school (Art. 80)
     * @param examineWithinWorkingDays when the law says how soon the commission examines it
     */
    public record Kind(String code, boolean minorsOnly, String article, Map<String, String> names,
            String proposedWhenMeasureEnds, Integer examineWithinWorkingDays) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record File(String reference, String version, LocalDate validFrom, String source, List<Kind> kinds) {
    }

    private final File file;

    @Inject
    public AgendaKinds(ObjectMapper mapper) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            this.file = mapper.readValue(in, File.class);
        } catch (IOException ex) {
            throw new UncheckedIOException(RESOURCE + " cannot be read", ex);
        }
        for (String needed : List.of(MINOR_CASE, OVERDUE_INSTRUCTION)) {
            find(needed).orElseThrow(() -> new IllegalStateException(RESOURCE + " lacks the kind " + needed));
        }
    }

    public File file() {
        return file;
    }

    /** The kinds proposed when a measure of the given type ends. */
    public List<Kind> proposedWhenEnds(String measureType) {
        return file.kinds().stream().filter(k -> measureType.equals(k.proposedWhenMeasureEnds())).toList();
    }

    public Optional<Kind> find(String code) {
        return file.kinds().stream().filter(k -> k.code().equals(code)).findFirst();
    }

    /** The kind a caller named, or a 400 naming the field. */
    public Kind require(String code) {
        return find(code).orElseThrow(() -> ProblemException.field(ProblemType.VALIDATION, "kind",
                "unknown agenda item kind; valid kinds: GET /api/v1/agenda-item-kinds"));
    }
}
