package com.thewans.common.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.problem.ProblemDecorator;
import com.thewans.common.problem.Problems;

/**
 * Errors that never reach a controller (the container refusing a request, a filter failing)
 * are forwarded to /error; they too answer as problems, and never with a stack trace.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
public class ProblemErrorController implements ErrorController {

    private final ProblemDecorator decorator;

    public ProblemErrorController(ProblemDecorator decorator) {
        this.decorator = decorator;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = status.is5xxServerError()
                ? "Something went wrong on our side; quote the trace id when you report it"
                : status.getReasonPhrase();
        ProblemDetail problem = Problems.of(status, Problems.codeFor(status), status.getReasonPhrase(), detail);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        decorator.decorate(problem, uri == null ? request.getRequestURI() : uri.toString());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.asMap(problem));
    }
}
