# One image per deployable module, built from the jar Maven already produced:
#   ./mvnw -DskipTests package && docker build --build-arg MODULE=catalog-service -t thewans/catalog-service .
FROM eclipse-temurin:25-jre
ARG MODULE
# devstack's runnable jar is devstack-exec.jar; every service's is <module>.jar
ARG JAR=${MODULE}.jar
RUN useradd --system --uid 10001 wans
WORKDIR /app
COPY ${MODULE}/target/${JAR} /app/app.jar
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
