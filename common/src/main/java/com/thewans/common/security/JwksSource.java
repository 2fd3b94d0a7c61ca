package com.thewans.common.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the JSON Web Key Set of identity-service comes from: its {@code /.well-known/jwks.json}
 * over HTTP in a running platform, or a file (a mounted secret, or a test key) otherwise.
 */
@FunctionalInterface
public interface JwksSource {

    String fetch() throws IOException;

    static JwksSource of(String location) {
        URI uri = URI.create(location);
        if ("file".equals(uri.getScheme())) {
            Path path = Path.of(uri);
            return () -> Files.readString(path);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("JWKS location must be http(s) or file: " + location);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3))
                .header("Accept", "application/json").GET().build();
        return () -> {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException("JWKS endpoint answered " + response.statusCode());
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching JWKS", e);
            }
        };
    }
}
