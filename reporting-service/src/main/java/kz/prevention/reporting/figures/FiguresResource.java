package kz.prevention.reporting.figures;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import kz.prevention.commons.access.Roles;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.territory.KatoScope;
import kz.prevention.commons.territory.Today;
import kz.prevention.reporting.access.ReportingAccess;
import kz.prevention.reporting.indicators.Indicator;
import kz.prevention.reporting.indicators.IndicatorCatalog;
import kz.prevention.reporting.territory.Territory;

/**
 * An indicator by territory and period: {@code region} (the scope, default the caller's),
 * {@code level} of its children (region, district, rural-district, settlement; default one below),
 * {@code period} (day, month, quarter, year) and {@code from}/{@code to} (default this year).
 */
@Path("/api/v1/figures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.PLATFORM_ADMIN})
public class FiguresResource {

    @Inject
    FigureService figures;
    @Inject
    IndicatorCatalog catalog;
    @Inject
    ReportingAccess access;
    @Inject
    Today today;

    @GET
    public FigureTable table(@QueryParam("indicator") String code, @QueryParam("region") String region,
            @QueryParam("level") String level, @QueryParam("period") String period, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Indicator indicator = indicator(code);
        String scope = access.scope(region);
        int childLevel = childLevel(scope, level);
        Granularity granularity = FigureParams.granularity(period);
        LocalDate[] range = range(from, to);
        if (granularity == Granularity.DAY && ChronoUnit.DAYS.between(range[0], range[1]) > 366) {
            throw ProblemException.field(ProblemType.VALIDATION, "period", "days over at most a year");
        }
        return figures.table(indicator, scope, childLevel, granularity, range[0], range[1], !access.seesSmallCounts());
    }

    /** One period ({@code from}..{@code to}) by territory and by a dimension ({@code by}) of the indicator. */
    @GET
    @Path("/breakdown")
    public BreakdownTable breakdown(@QueryParam("indicator") String code, @QueryParam("by") String by,
            @QueryParam("region") String region, @QueryParam("level") String level, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Indicator indicator = indicator(code);
        String scope = access.scope(region);
        int childLevel = childLevel(scope, level);
        LocalDate[] range = range(from, to);
        return figures.breakdown(indicator, scope, childLevel, by, range[0], range[1], !access.seesSmallCounts());
    }

    private Indicator indicator(String code) {
        if (code == null) {
            throw ProblemException.field(ProblemType.VALIDATION, "indicator", "required: a code of /api/v1/indicators");
        }
        return catalog.find(code).orElseThrow(
                () -> ProblemException.field(ProblemType.VALIDATION, "indicator", "not a code of /api/v1/indicators"));
    }

    private static int childLevel(String scope, String level) {
        int scopeLevel = KatoScope.level(scope);
        int childLevel = level == null ? Math.min(scopeLevel + 1, Territory.LEVELS) : Territory.levelOf(level);
        if (childLevel < 1 || childLevel < scopeLevel || (childLevel == scopeLevel && scopeLevel < Territory.LEVELS)) {
            throw ProblemException.field(ProblemType.VALIDATION, "level",
                    "region, district, rural-district or settlement, below the region asked for");
        }
        return childLevel;
    }

    private LocalDate[] range(String from, String to) {
        LocalDate start = FigureParams.date("from", from, today.date().withDayOfYear(1));
        LocalDate end = FigureParams.date("to", to, today.date().withDayOfYear(1).plusYears(1).minusDays(1));
        if (end.isBefore(start)) {
            throw ProblemException.field(ProblemType.VALIDATION, "to", "not before 'from'");
        }
        if (ChronoUnit.YEARS.between(start, end) >= 10) {
            throw ProblemException.field(ProblemType.VALIDATION, "to", "at most ten years after 'from'");
        }
        return new LocalDate[] {start, end};
    }
}
