package kz.prevention.commission.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dated reference file {@code commission/voting-rules.json}: the rules a new commission gets
 * until its secretary sets its own, and the proposal thresholds. Loaded once; a new version of
 * the platform's defaults is a data change with a new {@code version} and {@code validFrom}.
 */
@ApplicationScoped
public class RulesDefaults {

    public static final String RESOURCE = "commission/voting-rules.json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Defaults(int quorumNumerator, int quorumDenominator, MajorityBase majorityBase, boolean chairCastingVote,
            int regularPeriodMonths) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Proposals(int overdueInstructionDaysBeforeProposal, int agencyOverdueMeasuresPerMonth,
            java.util.List<Integer> sixMonthlyAssessmentProposedInMonths) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record File(String reference, String version, LocalDate validFrom, String source, Defaults defaults,
            Proposals proposals) {
    }

    private final File file;

    @Inject
    public RulesDefaults(ObjectMapper mapper) {
        this.file = load(mapper);
    }

    public static File load(ObjectMapper mapper) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            File f = mapper.readValue(in, File.class);
            // Fails at start, not at the first sitting, when the file is inconsistent.
            new VotingRules(f.defaults().quorumNumerator(), f.defaults().quorumDenominator(), f.defaults().majorityBase(),
                    f.defaults().chairCastingVote());
            return f;
        } catch (IOException ex) {
            throw new UncheckedIOException(RESOURCE + " cannot be read", ex);
        }
    }

    public Defaults defaults() {
        return file.defaults();
    }

    public Proposals proposals() {
        return file.proposals();
    }

    public String version() {
        return file.version();
    }
}
