package com.thewans.common.web;

import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ProblemDetail;

import com.thewans.common.problem.ProblemDecorator;
import com.thewans.common.problem.Problems;

import tools.jackson.databind.json.JsonMapper;

/** Writes a problem straight to the response, for filters that answer before any controller runs. */
public class ProblemWriter {

    private final ProblemDecorator decorator;
    private final JsonMapper json;

    public ProblemWriter(ProblemDecorator decorator, JsonMapper json) {
        this.decorator = decorator;
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        decorator.decorate(problem, request.getRequestURI());
        response.setStatus(problem.getStatus());
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), Problems.asMap(problem));
    }

}
