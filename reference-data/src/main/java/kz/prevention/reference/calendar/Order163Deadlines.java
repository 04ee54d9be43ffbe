package kz.prevention.reference.calendar;

import kz.prevention.reference.ReferenceCatalog;

/**
 * The deadlines of Order 163 as dated reference data ({@code catalogs/order-163-deadlines.json}) over
 * the {@link WorkingDayCalendar} (how a version is chosen and a due date counted: {@link DatedDeadlines}).
 * Plain Java; the services get it as a CDI bean ({@code ReferenceCalendars}).
 */
public class Order163Deadlines extends DatedDeadlines {

    public static final String CATALOG = "order-163-deadlines";

    /** The codes the services use; the catalog holds each with its amount, unit and legal source. */
    public static final String DATA_ENTRY = "DATA_ENTRY";
    public static final String CONTROL_PLAN = "CONTROL_PLAN";
    public static final String TRANSFER_FILE = "TRANSFER_FILE";
    public static final String TRANSFER_TRACING = "TRANSFER_TRACING";
    public static final String EXTENSION_SUBMISSION = "EXTENSION_SUBMISSION";
    public static final String REFERENCE_DATABASE_CHECK = "REFERENCE_DATABASE_CHECK";
    public static final String EARLY_REMOVAL_CHECK = "EARLY_REMOVAL_CHECK";
    public static final String EARLY_REMOVAL_DECISION = "EARLY_REMOVAL_DECISION";
    public static final String RESPONSIBLE_OFFICER = "RESPONSIBLE_OFFICER";
    public static final String SPECIAL_REQUIREMENTS_REGISTRATION = "SPECIAL_REQUIREMENTS_REGISTRATION";
    public static final String WARNING_COPY_TO_PROSECUTOR = "WARNING_COPY_TO_PROSECUTOR";
    public static final String FILE_REVIEW = "FILE_REVIEW";

    public Order163Deadlines(ReferenceCatalog catalog, WorkingDayCalendar calendar) {
        super(CATALOG, catalog, calendar);
    }

    /** Protected no-argument constructor for CDI's client proxies only. */
    protected Order163Deadlines() {
        super();
    }
}
