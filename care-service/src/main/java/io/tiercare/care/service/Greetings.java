package io.tiercare.care.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.scheduler.Scheduled;
import io.tiercare.care.CareConfig;
import io.tiercare.care.domain.CareChannel;
import io.tiercare.care.domain.OutreachKind;
import io.tiercare.care.repository.GreetingRepository;
import io.tiercare.care.repository.GreetingRepository.Festival;
import io.tiercare.care.repository.TemplateRepository;
import io.tiercare.care.repository.TemplateRepository.TemplateRow;
import io.tiercare.chassis.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The daily greeting run: a birthday greeting to every customer whose birthday it is (in the business time zone;
 * those born on 29 February are greeted on the 28th in other years), carrying the birthday offer where their
 * MEMBERSHIP level grants one (tier.changed's benefits), and a festival greeting to everyone on each
 * festival of the calendar, carrying the festival's offer. Each customer is greeted at most once per occasion
 * ({@code BIRTHDAY:2026}, {@code FESTIVAL:MID_AUTUMN:2026}) however often the run is repeated, on however many
 * replicas; the contact rules then decide each message as usual.
 */
@ApplicationScoped
public class Greetings {

    private static final Logger LOG = Logger.getLogger(Greetings.class);

    /** What a run placed: greetings new this time, per occasion. */
    public record Run(LocalDate day, Map<String, Integer> placed) {
    }

    private final GreetingRepository greetings;
    private final TemplateRepository templates;
    private final BusinessTime businessTime;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String offerScheme;
    private final String offerText;

    Greetings(GreetingRepository greetings, TemplateRepository templates, BusinessTime businessTime,
            ObjectMapper mapper, Clock clock, CareConfig config) {
        this.offerScheme = config.birthdayOffer().scheme();
        this.offerText = config.birthdayOffer().text();
        this.greetings = greetings;
        this.templates = templates;
        this.businessTime = businessTime;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Scheduled(cron = "${tiercare.care.greetings-cron:0 0 9 * * ?}",
            timeZone = "${tiercare.business-time-zone:Asia/Shanghai}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        Run run = run(businessTime.today());
        LOG.infof("Greetings for %s: %s", run.day(), run.placed());
    }

    /** Places the day's greetings; repeating it places nothing more. A festival over millions takes its time. */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public Run run(LocalDate day) {
        Instant now = Instant.now(clock);
        Map<String, Integer> placed = new java.util.LinkedHashMap<>();
        Map<CareChannel, String> birthday = templatesOf(OutreachKind.BIRTHDAY);
        placed.put("BIRTHDAY:" + day.getYear(), greetings.placeBirthdays(birthdaysOn(day),
                "BIRTHDAY:" + day.getYear(), birthday, offerScheme, offerText, now));
        Map<CareChannel, String> festival = templatesOf(OutreachKind.FESTIVAL);
        for (Festival f : greetings.festivalsOn(day)) {
            String occasion = "FESTIVAL:" + f.code() + ":" + day.getYear();
            placed.put(occasion, greetings.placeForEveryone(occasion, OutreachKind.FESTIVAL.name(),
                    json(Map.of("festival.name", f.name(), "offer", f.offer() == null ? "" : f.offer())), festival,
                    now));
        }
        return new Run(day, placed);
    }

    /** The festival calendar of a year, by date. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Festival> festivalsOf(int year) {
        return greetings.festivalsOf(year);
    }

    /** Sets a festival's date for its year (replacing that year's date), its name and offer. */
    @Transactional
    public Festival saveFestival(Festival festival, String by) {
        greetings.saveFestival(festival, by, Instant.now(clock));
        return festival;
    }

    /** The birthdays greeted on a day, as month × 100 + day: 29 February's on the 28th when the year has none. */
    static List<Integer> birthdaysOn(LocalDate day) {
        List<Integer> monthDays = new ArrayList<>(List.of(day.getMonthValue() * 100 + day.getDayOfMonth()));
        if (MonthDay.from(day).equals(MonthDay.of(2, 28)) && !day.isLeapYear()) {
            monthDays.add(229);
        }
        return monthDays;
    }

    /** The template of each channel for a kind (the first code when several share a channel). */
    private Map<CareChannel, String> templatesOf(OutreachKind kind) {
        Map<CareChannel, String> byChannel = new EnumMap<>(CareChannel.class);
        for (TemplateRow row : templates.current()) {
            if (row.template().kind() == kind) {
                byChannel.putIfAbsent(row.template().channel(), row.template().code());
            }
        }
        return byChannel;
    }

    private String json(Map<String, String> values) {
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
