package com.thewans.transcoding.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.problem.WansException;
import com.thewans.transcoding.job.JobNotFound;
import com.thewans.transcoding.job.JobStateConflict;
import com.thewans.transcoding.job.JobStatus;
import com.thewans.transcoding.job.JobStore;
import com.thewans.transcoding.job.MasterKeys;
import com.thewans.transcoding.job.TranscodeEvents;
import com.thewans.transcoding.job.TranscodeJob;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Applies one verified webhook report to its job, once per delivery id. */
@Service
class WebhookReports {

    enum Kind { PROGRESS, COMPLETED, FAILED }

    record Report(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String deliveryId,
            @NotNull UUID jobId, @NotNull Kind event, JobStatus status, @Min(0) @Max(100) Integer progress,
            @Size(max = 500) String reason, Double durationSeconds, JsonNode outputs) {
    }

    private final JdbcTemplate jdbc;
    private final JobStore jobs;
    private final TranscodeEvents events;
    private final JsonMapper json;
    private final Validator validator;
    private final Clock clock;

    WebhookReports(JdbcTemplate jdbc, JobStore jobs, TranscodeEvents events, JsonMapper json, Validator validator,
            Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.events = events;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    WebhookController.Answer apply(String workerId, String body) {
        Report report = parse(body);
        TranscodeJob job = jobs.find(report.jobId()).orElseThrow(() -> new JobNotFound(report.jobId()));
        int inserted = jdbc.update("""
                insert into webhook_deliveries (worker_id, delivery_id, job_id, received_at) values (?, ?, ?, ?)
                on conflict do nothing""", workerId, report.deliveryId(), job.id(), Timestamp.from(clock.instant()));
        if (inserted == 0) {
            return new WebhookController.Answer(report.deliveryId(), job.id(), false, true,
                    jobs.find(job.id()).orElseThrow().status().name());
        }
        boolean applied = switch (report.event()) {
            case PROGRESS -> {
                JobStatus status = report.status() == null ? JobStatus.TRANSCODING : report.status();
                if (!JobStatus.RUNNING.contains(status)) {
                    throw invalid("status", "must be one of " + JobStatus.RUNNING + " in a PROGRESS report");
                }
                yield jobs.externalProgress(job.id(), workerId, status,
                        report.progress() == null ? 0 : report.progress());
            }
            case COMPLETED -> complete(job, workerId, report);
            case FAILED -> {
                String reason = report.reason() == null || report.reason().isBlank()
                        ? "The external worker could not transcode this master" : report.reason();
                boolean failed = jobs.externalFail(job.id(), workerId, reason);
                if (failed) {
                    events.failed(job, reason, jobs.find(job.id()).orElseThrow().attempts());
                }
                yield failed;
            }
        };
        if (!applied) {
            JobStatus now = jobs.find(job.id()).orElseThrow().status();
            throw new JobStateConflict(job.id(), now, "This job is " + now + " and not run by worker " + workerId
                    + "; the report was not applied");
        }
        return new WebhookController.Answer(report.deliveryId(), job.id(), true, false,
                jobs.find(job.id()).orElseThrow().status().name());
    }

    private boolean complete(TranscodeJob job, String workerId, Report report) {
        JsonNode outputs = report.outputs();
        String prefix = MasterKeys.outputs(job.filmId(), job.id());
        for (String field : new String[] {"hlsMasterKey", "dashManifestKey"}) {
            String key = outputs == null ? null : outputs.path(field).asString(null);
            if (key == null || !key.startsWith(prefix) || key.contains("..")) {
                throw invalid("outputs." + field, "must be a key under " + prefix);
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        outputs.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
        if (report.durationSeconds() != null) {
            fields.put("durationSeconds", report.durationSeconds());
        }
        fields.put("worker", workerId);
        boolean done = jobs.externalComplete(job.id(), workerId, json.writeValueAsString(fields),
                report.durationSeconds(), UUID.randomUUID());
        if (done) {
            events.completed(job, fields);
        }
        return done;
    }

    private Report parse(String body) {
        Report report;
        try {
            report = json.readValue(body, Report.class);
        } catch (JacksonException e) {
            throw new WansException(HttpStatus.BAD_REQUEST, "malformed-body",
                    "The report is not JSON of the expected shape (deliveryId, jobId, event, ...)");
        }
        if (report == null) {
            throw new WansException(HttpStatus.BAD_REQUEST, "malformed-body", "The report is empty");
        }
        for (ConstraintViolation<Report> violation : validator.validate(report)) {
            throw invalid(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return report;
    }

    private static WansException invalid(String field, String message) {
        return new WansException(HttpStatus.BAD_REQUEST, "validation-failed",
                "The report has an invalid field: " + field).with("errors",
                        java.util.List.of(Map.of("field", field, "message", message)));
    }
}
