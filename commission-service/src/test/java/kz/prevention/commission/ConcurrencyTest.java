package kz.prevention.commission;

import static kz.prevention.commission.support.CommissionApi.commission;
import static kz.prevention.commission.support.CommissionApi.freshDistrict;
import static kz.prevention.commission.support.Sitting.instruction;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.commission.support.Sitting;
import kz.prevention.testing.AuthorizedRequests;
import kz.prevention.testing.PublishedEvents;

/** Races: the same vote sent twice at once counts once; the minutes signed twice at once publish each decision once. */
@QuarkusTest
class ConcurrencyTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aVoteSentTenTimesAtOnceIsCastOnceAndTheRestAre409() throws Exception {
        Sitting s = Sitting.today(commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 3));
        String item = s.item("AGENCY_HEAD_REPORT");
        s.present(6);

        List<Integer> statuses = race(10, () -> s.vote(s.member(4), item, "FOR").extract().statusCode());

        assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        AuthorizedRequests.get(s.commission.secretaryToken(), "/api/v1/agenda-items/" + item + "/votes").statusCode(200)
                .body("forVotes", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void differentMembersVotingAtOnceAreAllCounted() throws Exception {
        Sitting s = Sitting.today(commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 3));
        String item = s.item("AGENCY_HEAD_REPORT");
        s.present(6);
        List<Callable<Integer>> votes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String member = s.member(i);
            votes.add(() -> s.vote(member, item, "FOR").extract().statusCode());
        }

        assertThat(run(votes)).containsOnly(200);
        AuthorizedRequests.get(s.commission.secretaryToken(), "/api/v1/agenda-items/" + item + "/votes").statusCode(200)
                .body("forVotes", org.hamcrest.Matchers.equalTo(6));
    }

    @Test
    void minutesSignedTwiceAtOncePublishTheDecisionOnce() throws Exception {
        Sitting s = Sitting.today(commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 3));
        String item = s.item("AGENCY_HEAD_REPORT");
        String decision = s.draft(item, "Решение", List.of(instruction("POLICE", "PUBLIC_PLACES", null, 30))).statusCode(201)
                .extract().path("id");
        s.present(4);
        for (int i = 0; i < 4; i++) {
            s.vote(s.member(i), item, "FOR").statusCode(200);
        }

        List<Integer> statuses = race(4, () -> s.signOff(s.member(0)).extract().statusCode());

        assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        assertThat(PublishedEvents.count("prevention.commission.decisions", dataSource, decision,
                "kz.prevention.commission.decision.adopted.v1")).isEqualTo(1);
    }

    private static List<Integer> race(int n, Callable<Integer> call) throws Exception {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(call);
        }
        return run(calls);
    }

    private static List<Integer> run(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
