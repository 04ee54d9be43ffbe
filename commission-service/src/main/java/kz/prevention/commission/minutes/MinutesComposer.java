package kz.prevention.commission.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.commission.agenda.AgendaItem;
import kz.prevention.commission.agenda.AgendaKinds;
import kz.prevention.commission.commission.CommissionKind;
import kz.prevention.commission.commission.CommissionMember;
import kz.prevention.commission.decision.Decision;
import kz.prevention.commission.decision.Instruction;
import kz.prevention.commission.minutes.MinutesPdf.Paragraph;
import kz.prevention.commission.session.CommissionSession;
import kz.prevention.commission.sitting.SittingService;

/**
 * The minutes' words, in Kazakh and Russian headings: who sat, the quorum, each item with its votes
 * and decision (text, legal basis, instructions), and the chair's sign-off. Persons appear only as
 * the registry's entry ids; members by name and position, as the law's minutes require.
 */
@ApplicationScoped
public class MinutesComposer {

    @Inject
    AgendaKinds kinds;

    /** What the sign-off decided about one item. */
    public record ItemResult(AgendaItem item, Decision decision, Set<UUID> recused) {
    }

    public List<Paragraph> compose(CommissionSession s, SittingService.Quorum q, List<CommissionMember> members,
            Set<UUID> present, List<ItemResult> items, CommissionMember signer, java.time.Instant signedAt) {
        List<Paragraph> out = new ArrayList<>();
        boolean minors = s.commission.kind == CommissionKind.MINORS_AFFAIRS;
        out.add(Paragraph.title("ОТЫРЫС ХАТТАМАСЫ № " + s.number + " / ПРОТОКОЛ ЗАСЕДАНИЯ № " + s.number));
        out.add(Paragraph.body(s.commission.name));
        out.add(Paragraph.body(minors ? "Кәмелетке толмағандардың істері және олардың құқықтарын қорғау жөніндегі комиссия"
                : "«Заң және тәртіп» ведомствоаралық комиссиясы / Межведомственная комиссия «Закон и порядок»"));
        out.add(Paragraph.body("Күні / Дата: " + s.date + ". Орны / Место: " + s.place + ". KATO: " + s.commission.territory));
        out.add(Paragraph.heading("Қатысқандар / Присутствовали (" + q.present() + " из " + q.members() + "; кворум "
                + q.required() + ")"));
        for (CommissionMember m : members) {
            if (present.contains(m.id)) {
                out.add(Paragraph.body("• " + m.fullName + " — " + m.position + " (" + m.agency + ", " + m.role + ")"));
            }
        }
        out.add(Paragraph.heading("Қатыспағандар / Отсутствовали"));
        members.stream().filter(m -> !present.contains(m.id))
                .forEach(m -> out.add(Paragraph.body("• " + m.fullName + " — " + m.position)));
        out.add(Paragraph.heading("Күн тәртібі және шешімдер / Повестка дня и решения"));
        int n = 1;
        for (ItemResult r : items) {
            Map<String, String> names = kinds.find(r.item().kind).map(AgendaKinds.Kind::names).orElse(Map.of());
            out.add(Paragraph.heading(n++ + ". " + names.getOrDefault("kk", r.item().kind) + " / "
                    + names.getOrDefault("ru", r.item().kind)));
            out.add(Paragraph.body(r.item().title + (r.item().entryId != null ? " (запись реестра " + r.item().entryId + ")" : "")));
            if (r.decision() == null) {
                out.add(Paragraph.body("Шешім қабылданған жоқ; келесі отырысқа ауыстырылды / Решение не принято; перенесено."));
                continue;
            }
            Decision d = r.decision();
            out.add(Paragraph.body("Дауыс беру / Голосование: за " + d.votesFor + ", против " + d.votesAgainst + ", воздержались "
                    + d.votesAbstain + (r.recused().isEmpty() ? "" : "; заявили о конфликте интересов: " + r.recused().size())));
            out.add(Paragraph.body("Шешім № " + d.number + " / Решение № " + d.number + " — " + d.status));
            out.add(Paragraph.body(d.text));
            out.add(Paragraph.body("Құқықтық негіз / Правовое основание: " + d.legalBasis));
            for (Instruction i : d.instructions()) {
                out.add(Paragraph.body("Тапсырма / Поручение " + i.position + ": " + i.executingAgency + " — " + i.measureType
                        + ", мерзімі / срок " + i.dueDate + (i.entryId != null ? ", запись " + i.entryId : "") + ". " + i.content));
            }
        }
        out.add(Paragraph.heading("Төраға / Председательствующий: " + signer.fullName + " (" + signer.role + ")"));
        out.add(Paragraph.body("Хаттамаға қол қойылды / Протокол подписан: " + signedAt));
        return out;
    }
}
