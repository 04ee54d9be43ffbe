package kz.prevention.commission.agenda;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A minor's placement in a special school, as measure.assigned announced it. The measure's
 * completion event names only the measure, so the entry, person and territory of the return
 * proposal are kept from here.
 */
@Entity
@Table(name = "special_school_stay")
public class SpecialSchoolStay extends PanacheEntityBase {

    @Id
    @Column(name = "measure_id")
    public UUID measureId;

    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "person_id")
    public UUID personId;

    public String region;

    public String type;
}
