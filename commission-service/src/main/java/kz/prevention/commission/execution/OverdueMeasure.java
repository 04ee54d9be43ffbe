package kz.prevention.commission.execution;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A measure measures-service reported overdue that no instruction of ours concerns (agency and territory only). */
@Entity
@Table(name = "overdue_measure")
public class OverdueMeasure extends PanacheEntityBase {

    @Id
    @Column(name = "measure_id")
    public UUID measureId;

    public String agency;

    public String region;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "detected_on")
    public LocalDate detectedOn;
}
