package com.thewans.common.problem;

import java.net.URI;

import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;

/** Adds the members every problem of this service carries: type, code, instance, service, trace id. */
public final class ProblemDecorator {

    private final String service;

    public ProblemDecorator(String service) {
        this.service = service;
    }

    public ProblemDetail decorate(ProblemDetail problem, String path) {
        if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
            String code = Problems.codeFor(org.springframework.http.HttpStatusCode.valueOf(problem.getStatus()));
            problem.setType(Problems.type(code));
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                problem.setProperty("code", code);
            }
        }
        if (problem.getInstance() == null && path != null) {
            problem.setInstance(URI.create(path));
        }
        problem.setProperty("service", service);
        String traceId = MDC.get("traceId");
        if (traceId != null) {
            problem.setProperty("traceId", traceId);
        }
        return problem;
    }

    public String service() {
        return service;
    }
}
