package com.thewans.transcoding.job;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A film has one running job at a time; a second start or retry is refused, naming the running one. */
public class FilmAlreadyTranscoding extends WansException {

    public FilmAlreadyTranscoding(UUID filmId, UUID activeJobId) {
        super(HttpStatus.CONFLICT, "film-already-transcoding",
                "This film is already being transcoded; cancel that job or wait for it to finish");
        with("filmId", filmId);
        if (activeJobId != null) {
            with("activeJobId", activeJobId);
        }
    }
}
