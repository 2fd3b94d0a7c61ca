package com.thewans.common.client;

import java.io.IOException;

import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.thewans.common.security.CurrentUser;

/**
 * Passes on who is calling: the bearer token of the user (or service) this request acts for,
 * and the request id. The W3C trace headers are added by the observed RestClient itself.
 */
public class CallerContextInterceptor implements ClientHttpRequestInterceptor {

    public static final String REQUEST_ID = "X-Request-Id";

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user
                && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            request.getHeaders().setBearerAuth(user.token());
        }
        String requestId = MDC.get("requestId");
        if (requestId != null && !request.getHeaders().containsHeader(REQUEST_ID)) {
            request.getHeaders().set(REQUEST_ID, requestId);
        }
        return execution.execute(request, body);
    }
}
