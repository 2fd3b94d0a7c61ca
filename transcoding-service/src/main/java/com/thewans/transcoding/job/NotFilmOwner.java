package com.thewans.transcoding.job;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A creator asked to upload or transcode a film that is not theirs. */
public class NotFilmOwner extends WansException {

    public NotFilmOwner(UUID filmId) {
        super(HttpStatus.FORBIDDEN, "not-film-owner",
                "Only the film's creator (or an admin) may upload and transcode its masters");
        with("filmId", filmId);
    }
}
