package com.thewans.transcoding.job;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A creator named a master outside the film's own prefix (someone else's files). */
public class MasterNotOfFilm extends WansException {

    public MasterNotOfFilm(UUID filmId, String sourceKey) {
        super(HttpStatus.FORBIDDEN, "master-not-of-film",
                "Masters of this film are under " + MasterKeys.filmPrefix(filmId));
        with("sourceKey", sourceKey);
    }
}
