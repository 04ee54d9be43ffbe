package kz.prevention.measures.measure;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StartMeasureRequest")
public record StartRequest(@Schema(description = "default: today") LocalDate startedOn) {
}
