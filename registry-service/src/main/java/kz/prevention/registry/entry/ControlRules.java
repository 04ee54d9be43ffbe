package kz.prevention.registry.entry;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.reference.ReferenceCatalogs;

/** The control rhythm of an entry, read from the catalogs (measure → frequency, risk level → frequency). */
@ApplicationScoped
public class ControlRules {

    @Inject
    ReferenceCatalogs catalogs;

    public ControlFrequency frequency(String measure) {
        return ControlFrequency.of(catalogs.entry(ReferenceCatalogs.INDIVIDUAL_MEASURES, measure)
                .flatMap(m -> m.text("control")).orElse("NONE"));
    }

    public ControlFrequency riskFrequency(String riskLevel) {
        return catalogs.entry(ReferenceCatalogs.RISK_LEVELS, riskLevel).flatMap(r -> r.text("control"))
                .map(ControlFrequency::of).orElse(null);
    }

    /** Next control date counted from the last visit, or from the start when there was none. */
    public LocalDate nextControl(RegistryEntry e) {
        LocalDate from = e.lastControlDate != null ? e.lastControlDate : e.startDate;
        return frequency(e.measure).next(from, riskFrequency(e.riskLevel)).orElse(null);
    }
}
