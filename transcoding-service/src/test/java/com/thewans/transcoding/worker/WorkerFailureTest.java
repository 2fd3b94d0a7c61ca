package com.thewans.transcoding.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

import com.thewans.testkit.TestHttp;
import com.thewans.transcoding.TranscodeSettings;
import com.thewans.transcoding.TranscodingTestSupport;
import com.thewans.transcoding.job.JobQueue;
import com.thewans.transcoding.job.JobStore;
import com.thewans.transcoding.job.MasterKeys;
import com.thewans.transcoding.job.TranscodeEvents;

import tools.jackson.databind.JsonNode;

/** What happens when things go wrong: bad masters, cancels, dead workers, redeliveries. */
class WorkerFailureTest extends TranscodingTestSupport {

    @Autowired
    JobStore jobs;
    @Autowired
    JobQueue queue;
    @Autowired
    TranscodeWorkers workers;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    TranscodeSettings settings;

    @Test
    void aTextFileUploadedAsAMasterFailsWithAClearReason() throws Exception {
        UUID creator = UUID.randomUUID();
        UUID filmId = catalog.film(creator);
        String key = "films/" + filmId + "/masters/" + UUID.randomUUID() + "/notes.mp4";
        storage.put(storage.buckets().masters(), key, "These are my production notes, not a film.\n"
                .repeat(50).getBytes(StandardCharsets.UTF_8), "video/mp4");

        TestHttp.Response started = start(creatorToken(creator), filmId, key, null);
        UUID jobId = UUID.fromString(started.json().get("id").asString());
        JsonNode job = awaitStatus(jobId, creatorToken(creator), "FAILED", Duration.ofSeconds(60));

        assertThat(job.get("failureReason").asString()).startsWith("The file is not a video FFmpeg can read");
        assertThat(job.get("failureLog").isNull()).as("FFmpeg's output is for admins only").isTrue();
        assertThat(eventsFor(TranscodeEvents.FAILED, jobId)).isEqualTo(1);
        assertThat(eventsFor(TranscodeEvents.COMPLETED, jobId)).isZero();
        JsonNode event = outboxEvents(TranscodeEvents.FAILED, "jobId", jobId).get(0);
        assertThat(event.propertyNames()).containsExactlyInAnyOrder("jobId", "filmId", "creatorId", "reason", "attempts");
        assertThat(event.get("reason").asString()).isEqualTo(job.get("failureReason").asString());
        assertThat(event.get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void cancellingARunningJobKillsItsFfmpegProcess() throws Exception {
        UUID creator = UUID.randomUUID();
        String token = creatorToken(creator);
        UUID filmId = catalog.film(creator);
        // 40 s of 1080p: far longer to encode than the test takes to cancel it
        String key = storeMaster(filmId, looped(master(1920, 1080, 2), 20));
        UUID jobId = UUID.fromString(start(token, filmId, key, null).json().get("id").asString());

        await().atMost(Duration.ofSeconds(60)).until(() -> workers.runningProcesses().containsKey(jobId)
                && "TRANSCODING".equals(jobs.find(jobId).orElseThrow().status().name()));
        long pid = workers.runningProcesses().get(jobId);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
        assertThat(niceness(pid)).as("FFmpeg runs at low priority so the API keeps answering").isEqualTo(10);
        assertThat(get("/api/transcode/status/" + jobId, token).status()).isEqualTo(200);
        // segments go to storage while FFmpeg is still encoding; a cancel must take them away again
        await().atMost(Duration.ofSeconds(60)).until(() -> storage.list(storage.buckets().media(),
                "films/" + filmId + "/", 100).stream().anyMatch(o -> o.key().endsWith(".m4s")));
        // and the status API shows how far the encode is, from FFmpeg's progress reports
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/transcode/status/" + jobId, token).json(),
                status -> "TRANSCODING".equals(status.get("status").asString()) && status.get("progress").asInt() > 2);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

        TestHttp.Response cancelled = post("/api/transcode/jobs/" + jobId + "/cancel", null, token);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        await().atMost(Duration.ofSeconds(15)).until(() -> workFolders(jobId).isEmpty());
        assertThat(jobs.find(jobId).orElseThrow().status().name()).isEqualTo("CANCELLED");
        assertThat(eventsFor(TranscodeEvents.COMPLETED, jobId)).isZero();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> storage.list(storage.buckets().media(), "films/" + filmId + "/", 10).isEmpty());
    }

    @Test
    void aJobWhoseWorkerDiedIsReclaimedAndFinishedByAnother() throws Exception {
        UUID creator = UUID.randomUUID();
        UUID filmId = catalog.film(creator);
        String key = storeMaster(filmId, master(640, 360, 2));
        UUID jobId = UUID.randomUUID();
        jobs.queue(jobId, filmId, creator, storage.buckets().masters(), key, List.of(), 3);
        // the worker that dies: it takes the entry (atomically with its append, so the live worker
        // does not see it first) and the job, then never beats again
        queue.ensureGroup();
        redis.execute(new DefaultRedisScript<>("""
                redis.call('XADD', KEYS[1], '*', 'jobId', ARGV[1])
                redis.call('XREADGROUP', 'GROUP', ARGV[2], 'crashed-worker#0', 'COUNT', '1', 'STREAMS', KEYS[1], '>')
                return 1""", Long.class), List.of(JobQueue.STREAM), jobId.toString(), JobQueue.GROUP);
        UUID crashedLease = UUID.randomUUID();
        assertThat(jobs.claim(jobId, crashedLease, "crashed-worker", Duration.ofSeconds(3))).isTrue();
        // what the dead worker had uploaded before it died
        String leftover = MasterKeys.attemptOutputs(filmId, jobId, crashedLease) + "hls/240p/seg_00000.m4s";
        storage.put(storage.buckets().media(), leftover, new byte[] {1, 2, 3}, "video/iso.segment");

        JsonNode job = awaitStatus(jobId, creatorToken(creator), "COMPLETED", Duration.ofSeconds(90));

        assertThat(job.get("attempts").asInt()).as("started by the dead worker, then by the live one").isEqualTo(2);
        assertThat(job.get("workerId").asString()).isEqualTo(workers.workerId());
        assertThat(eventsFor(TranscodeEvents.COMPLETED, jobId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.pendingCount() == 0);
        String attempt = job.get("outputs").get("hlsMasterKey").asString().replace("hls/master.m3u8", "");
        assertThat(attempt).startsWith(MasterKeys.outputs(filmId, jobId)).doesNotContain(crashedLease.toString());
        // the dead attempt's uploads are removed once the job is committed, the finished one's kept
        await().atMost(Duration.ofSeconds(10)).until(() -> storage.list(storage.buckets().media(),
                MasterKeys.outputs(filmId, jobId), 1000), objects -> !objects.isEmpty()
                        && objects.stream().allMatch(o -> o.key().startsWith(attempt)));
    }

    @Test
    void aJobWhoseWorkersKeepDyingFailsOnceItsAttemptsAreUsedUp() throws Exception {
        UUID creator = UUID.randomUUID();
        UUID filmId = catalog.film(creator);
        String key = storeMaster(filmId, master(320, 240, 2));
        UUID jobId = UUID.randomUUID();
        jobs.queue(jobId, filmId, creator, storage.buckets().masters(), key, List.of(), 1);
        // its only allowed start, by a worker that then dies
        assertThat(jobs.claim(jobId, UUID.randomUUID(), "crashed-worker", Duration.ofSeconds(1))).isTrue();
        queue.enqueue(jobId);

        JsonNode job = awaitStatus(jobId, creatorToken(creator), "FAILED", Duration.ofSeconds(30));

        assertThat(job.get("failureReason").asString()).isEqualTo(
                "Its worker stopped during every allowed attempt (1); retry the job");
        assertThat(eventsFor(TranscodeEvents.FAILED, jobId)).isEqualTo(1);
        assertThat(eventsFor(TranscodeEvents.COMPLETED, jobId)).isZero();
    }

    @Test
    void aRedeliveredJobDoesNotCompleteASecondTime() throws Exception {
        UUID creator = UUID.randomUUID();
        String token = creatorToken(creator);
        UUID filmId = catalog.film(creator);
        String key = storeMaster(filmId, master(640, 360, 2));
        UUID jobId = UUID.fromString(start(token, filmId, key, List.of("240p")).json().get("id").asString());
        JsonNode first = awaitStatus(jobId, token, "COMPLETED", Duration.ofSeconds(60));
        assertThat(first.get("outputs").get("renditions").findValuesAsString("name")).containsExactly("240p");

        queue.enqueue(jobId);
        queue.enqueue(jobId);
        await().atMost(Duration.ofSeconds(15)).until(() -> queue.pendingCount() == 0
                && redis.opsForStream().size(JobQueue.STREAM) > 0);

        JsonNode after = get("/api/transcode/status/" + jobId, token).json();
        assertThat(after.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(after.get("attempts").asInt()).isEqualTo(1);
        assertThat(after.get("finishedAt").asString()).isEqualTo(first.get("finishedAt").asString());
        assertThat(eventsFor(TranscodeEvents.COMPLETED, jobId)).isEqualTo(1);
        // and a worker holding a stale lease cannot complete it either
        assertThat(jobs.complete(jobId, UUID.randomUUID(), "{}", UUID.randomUUID())).isFalse();
    }

    @Test
    void aFailedJobCanBeRetriedAndAFinishedOneCannotBeCancelled() throws Exception {
        UUID creator = UUID.randomUUID();
        String token = creatorToken(creator);
        UUID filmId = catalog.film(creator);
        String key = "films/" + filmId + "/masters/" + UUID.randomUUID() + "/broken.mov";
        storage.put(storage.buckets().masters(), key, new byte[4096], "video/quicktime");
        UUID jobId = UUID.fromString(start(token, filmId, key, null).json().get("id").asString());
        awaitStatus(jobId, token, "FAILED", Duration.ofSeconds(60));

        TestHttp.Response cancel = post("/api/transcode/jobs/" + jobId + "/cancel", null, token);
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.json().get("code").asString()).isEqualTo("transcode-job-state-conflict");
        assertThat(cancel.json().get("jobStatus").asString()).as("the job's state, beside the problem's HTTP status")
                .isEqualTo("FAILED");
        assertThat(cancel.json().get("status").asInt()).isEqualTo(409);

        // the creator replaces the broken master with a real one under the same key and retries
        storage.put(storage.buckets().masters(), key, Files.readAllBytes(master(640, 360, 2)), "video/quicktime");
        TestHttp.Response retried = post("/api/transcode/jobs/" + jobId + "/retry", null, token);
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(retried.json().get("status").asString()).isEqualTo("QUEUED");
        awaitStatus(jobId, token, "COMPLETED", Duration.ofSeconds(60));
        assertThat(eventsFor(TranscodeEvents.FAILED, jobId)).isEqualTo(1);
        assertThat(eventsFor(TranscodeEvents.COMPLETED, jobId)).isEqualTo(1);

        TestHttp.Response again = post("/api/transcode/jobs/" + jobId + "/retry", null, token);
        assertThat(again.status()).isEqualTo(409);
    }

    /** The nice value of a Linux process (field 19 of /proc/<pid>/stat). */
    private static int niceness(long pid) throws Exception {
        String stat = Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    private List<java.nio.file.Path> workFolders(UUID jobId) throws Exception {
        if (!Files.isDirectory(settings.workDir())) {
            return List.of();
        }
        try (var list = Files.list(settings.workDir())) {
            return list.filter(p -> p.getFileName().toString().startsWith(jobId.toString())).toList();
        }
    }
}
