package com.thewans.common.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import com.thewans.common.problem.ProblemDecorator;
import com.thewans.common.problem.ProblemHandler;
import com.thewans.common.problem.Problems;
import com.thewans.common.security.AccessTokenVerifier;
import com.thewans.common.security.SessionRevocations;
import com.thewans.common.security.TokenVerificationAutoConfiguration;

import tools.jackson.databind.json.JsonMapper;

/**
 * What makes a servlet app a WANS service: problem answers for every error, stateless bearer-token
 * security with VIEWER/CREATOR/ADMIN roles, and open health, metrics and API-doc endpoints.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class, after = TokenVerificationAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableMethodSecurity
public class ServiceWebAutoConfiguration {

    static final String[] OPEN_PATHS = {"/health", "/livez", "/readyz", "/actuator/health/**", "/actuator/prometheus",
        "/actuator/info", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error"};

    /** First of all filters, so even a refused token's log line carries the request id. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ProblemDecorator problemDecorator(@Value("${spring.application.name:service}") String service) {
        return new ProblemDecorator(service);
    }

    @Bean
    ProblemHandler problemHandler(ProblemDecorator decorator) {
        return new ProblemHandler(decorator);
    }

    @Bean
    ProblemWriter problemWriter(ProblemDecorator decorator, JsonMapper json) {
        return new ProblemWriter(decorator, json);
    }

    /** Tomcat's own refusals (bad path encoding, request line too long) as problems too. */
    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory")
    ContainerProblems containerProblems(ProblemDecorator decorator, JsonMapper json) {
        return new ContainerProblems(decorator, json);
    }

    @Bean
    @ConditionalOnMissingBean(org.springframework.boot.webmvc.error.ErrorController.class)
    ProblemErrorController problemErrorController(ProblemDecorator decorator) {
        return new ProblemErrorController(decorator);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain wansSecurityFilterChain(HttpSecurity http, AccessTokenVerifier verifier,
            ProblemWriter problems, ObjectProvider<AuthorizationRules> serviceRules,
            ObjectProvider<StringRedisTemplate> redis) throws Exception {
        SessionRevocations revocations = redis.getIfAvailable() == null ? null
                : new SessionRevocations(redis.getIfAvailable());
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new AccessTokenFilter(verifier, problems, revocations), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                                    "Unauthorized", "Sign in to do this: send a valid bearer token"));
                        })
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                        "Your role does not allow this operation"))))
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers(OPEN_PATHS).permitAll();
                    serviceRules.orderedStream().forEach(r -> r.apply(rules));
                    rules.anyRequest().authenticated();
                });
        return http.build();
    }
}
