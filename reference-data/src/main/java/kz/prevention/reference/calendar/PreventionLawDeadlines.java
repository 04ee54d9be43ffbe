package kz.prevention.reference.calendar;

import kz.prevention.reference.ReferenceCatalog;

/**
 * The deadlines the Law on prevention of offenses itself sets (not Order 163's), as dated reference
 * data ({@code catalogs/prevention-law-deadlines.json}) over the {@link WorkingDayCalendar}: e.g. the
 * district akimat registers a public assistant within 7 working days of the application (Art. 46).
 * Plain Java; the services get it as a CDI bean ({@code ReferenceCalendars}).
 */
public class PreventionLawDeadlines extends DatedDeadlines {

    public static final String CATALOG = "prevention-law-deadlines";

    /** The akimat's registration of a public assistant, counted from the application's date. */
    public static final String PUBLIC_ASSISTANT_REGISTRATION = "PUBLIC_ASSISTANT_REGISTRATION";

    public PreventionLawDeadlines(ReferenceCatalog catalog, WorkingDayCalendar calendar) {
        super(CATALOG, catalog, calendar);
    }

    /** Protected no-argument constructor for CDI's client proxies only. */
    protected PreventionLawDeadlines() {
        super();
    }
}
