package kz.prevention.registry.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person known to the registry; one person may have many entries over the years. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase implements kz.prevention.persistence.change.Tracked {

    @Id
    public UUID id;

    public String iin;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "middle_name")
    public String middleName;

    @Column(name = "last_name_latin")
    public String lastNameLatin;

    @Column(name = "first_name_latin")
    public String firstNameLatin;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    public String sex;

    public String citizenship;

    @Column(name = "doc_type")
    public String docType;

    @Column(name = "doc_number")
    public String docNumber;

    @Column(name = "doc_issued_on")
    public LocalDate docIssuedOn;

    @Column(name = "doc_issuer")
    public String docIssuer;

    public String address;

    @Column(name = "address_kato")
    public String addressKato;

    @Column(name = "name_key")
    public String nameKey;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Set when this person (registered without an IIN) was merged into the person holding the IIN: a tombstone. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "merged_at")
    public Instant mergedAt;

    @Version
    public long version;

    public static Optional<Person> byIin(String iin) {
        return find("iin", iin).firstResultOptional();
    }

    public boolean isMinorOn(LocalDate day) {
        return birthDate.plusYears(18).isAfter(day);
    }

    public int ageOn(LocalDate day) {
        return java.time.Period.between(birthDate, day).getYears();
    }

    @Override
    public String resourceType() {
        return "person";
    }

    @Override
    public UUID resourceId() {
        return id;
    }

    @Override
    public UUID personId() {
        return id;
    }
}
