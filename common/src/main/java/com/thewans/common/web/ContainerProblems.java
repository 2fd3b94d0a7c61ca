package com.thewans.common.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import com.thewans.common.problem.ProblemDecorator;
import com.thewans.common.problem.Problems;

import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses before Spring sees them (an encoded NUL or {@code ..%2f} in the path, a
 * request line too long) are answered by the host's error report valve, which writes an HTML
 * page. This puts a valve in its place that writes the same problem JSON as every other refusal.
 * It runs after Spring Boot's own customizer, which installs the stock valve, and replaces it.
 */
class ContainerProblems implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    private final ProblemDecorator decorator;
    private final JsonMapper json;

    ContainerProblems(ProblemDecorator decorator, JsonMapper json) {
        this.decorator = decorator;
        this.json = json;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof StandardHost standardHost) {
                // otherwise the host adds the stock valve back when it starts
                standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            host.getPipeline().addValve(new ProblemReportValve(decorator, json));
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Writes a problem instead of Tomcat's HTML error page; never the exception or server version. */
    static class ProblemReportValve extends ErrorReportValve {

        private final ProblemDecorator decorator;
        private final JsonMapper json;

        ProblemReportValve(ProblemDecorator decorator, JsonMapper json) {
            this.decorator = decorator;
            this.json = json;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            // only errors nobody answered yet: a written body is the application's answer
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            if (status == null) {
                status = HttpStatus.BAD_REQUEST;
            }
            String detail = status.is5xxServerError()
                    ? "Something went wrong on our side; quote the trace id when you report it"
                    : "The server refused the request as sent (" + status.getReasonPhrase() + ")";
            ProblemDetail problem = Problems.of(status, Problems.codeFor(status), status.getReasonPhrase(), detail);
            // the raw path may be what was refused; the problem does not echo it back
            decorator.decorate(problem, null);
            try {
                response.setContentType(Problems.MEDIA_TYPE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json.writeValueAsString(Problems.asMap(problem)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is going away; nothing more can be said
            }
        }
    }
}
