package com.thewans.transcoding.webhook;

import static com.thewans.common.db.SqlTimes.ts;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.problem.InvalidField;
import com.thewans.common.problem.Problems;
import com.thewans.transcoding.job.JobNotFound;
import com.thewans.transcoding.job.JobOutputs;
import com.thewans.transcoding.job.JobStateConflict;
import com.thewans.transcoding.job.JobStatus;
import com.thewans.transcoding.job.JobStore;
import com.thewans.transcoding.job.MasterKeys;
import com.thewans.transcoding.job.TranscodeEvents;
import com.thewans.transcoding.job.TranscodeJob;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Applies one verified webhook report to its job, once per delivery id. */
@Service
class WebhookReports {

    enum Kind { PROGRESS, COMPLETED, FAILED }

    record Report(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String deliveryId,
            @NotNull UUID jobId, @NotNull Kind event, JobStatus status, @Min(0) @Max(100) Integer progress,
            @Size(max = 500) String reason, Double durationSeconds, JobOutputs outputs) {
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
                on conflict do nothing""", workerId, report.deliveryId(), job.id(), ts(clock.instant()));
        if (inserted == 0) {
            return new WebhookController.Answer(report.deliveryId(), job.id(), false, true,
                    jobs.find(job.id()).orElseThrow().status().name());
        }
        boolean applied = switch (report.event()) {
            case PROGRESS -> {
                JobStatus status = report.status() == null ? JobStatus.TRANSCODING : report.status();
                if (!JobStatus.RUNNING.contains(status)) {
                    throw new InvalidField("status", "must be one of " + JobStatus.RUNNING + " in a PROGRESS report");
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
        JobOutputs sent = report.outputs();
        String prefix = MasterKeys.outputs(job.filmId(), job.id());
        requireUnder(prefix, "hlsMasterKey", sent == null ? null : sent.hlsMasterKey());
        requireUnder(prefix, "dashManifestKey", sent.dashManifestKey());
        JobOutputs outputs = sent.reportedBy(workerId, report.durationSeconds());
        boolean done = jobs.externalComplete(job.id(), workerId, json.writeValueAsString(outputs),
                report.durationSeconds(), UUID.randomUUID());
        if (done) {
            events.completed(job, outputs);
        }
        return done;
    }

    private static void requireUnder(String prefix, String field, String key) {
        if (key == null || !key.startsWith(prefix) || key.contains("..")) {
            throw new InvalidField("outputs." + field, "must be a key under " + prefix);
        }
    }

    private Report parse(String body) {
        Report report;
        try {
            report = json.readValue(body, Report.class);
        } catch (JacksonException e) {
            throw new MalformedReport("The report is not JSON of the expected shape (deliveryId, jobId, event, ...)");
        }
        if (report == null) {
            throw new MalformedReport("The report is empty");
        }
        List<Problems.FieldError> errors = validator.validate(report).stream()
                .map(v -> new Problems.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Problems.FieldError::field)).toList();
        if (!errors.isEmpty()) {
            throw new InvalidField(errors);
        }
        return report;
    }
}
