package kz.prevention.reference.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import kz.prevention.reference.ReferenceCatalogs;

/**
 * The calendar and the deadlines as CDI beans for the services. A year without a calendar file is
 * counted in {@code prevention.calendar.fallback.years} (tag {@code year}) and logged once.
 */
@ApplicationScoped
public class ReferenceCalendars {

    @Produces
    @Singleton
    WorkingDayCalendar calendar(ObjectMapper mapper, MeterRegistry registry) {
        return WorkingDayCalendar.load(mapper, Thread.currentThread().getContextClassLoader(),
                year -> registry.counter("prevention.calendar.fallback.years", "year", Integer.toString(year)).increment());
    }

    @Produces
    @ApplicationScoped
    Order163Deadlines deadlines(ReferenceCatalogs catalogs, WorkingDayCalendar calendar) {
        return new Order163Deadlines(catalogs.get(Order163Deadlines.CATALOG), calendar);
    }

    @Produces
    @ApplicationScoped
    PreventionLawDeadlines lawDeadlines(ReferenceCatalogs catalogs, WorkingDayCalendar calendar) {
        return new PreventionLawDeadlines(catalogs.get(PreventionLawDeadlines.CATALOG), calendar);
    }
}
