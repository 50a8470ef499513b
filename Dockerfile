# Cutover container image.
#   build:  docker build -t cutover .                (H2 or PostgreSQL state store: chosen at run time, CUTOVER_STATE_STORE)
#           docker build --build-arg BUILD_OPTIONS=-Dengine-only -t cutover .    the engine without the simulators
#   run:    docker run -p 8080:8080 -p 9000:9000 -v cutover-data:/app/data -e CUTOVER_TARGET_LOGIN_URL=... cutover
#           docker run -v cutover-data:/app/data cutover migrate --kind dry-run     (a command: docs/cli.md)
# Mount your own application.properties, routes/, sources/, mappings/, targets/ and export folder over the ones in /app.

# --- build: the project's Maven wrapper on a JDK 17 ---------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
ARG BUILD_OPTIONS=""
COPY mvnw pom.xml application.properties ./
COPY .mvn/ .mvn/
COPY salesforce-schema/ salesforce-schema/
COPY simulators/ simulators/
COPY engine/ engine/
# application.properties is read from the working folder at build time too (quarkus.config.locations)
RUN ./mvnw -B package -DskipTests $BUILD_OPTIONS

# --- run: a Java 17 runtime, as a non-root user ---------------------------------------------------------------
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin cutover
WORKDIR /app
COPY --from=build --chown=cutover:cutover /build/engine/target/quarkus-app/ /app/quarkus-app/
COPY --chown=cutover:cutover cutover application.properties /app/
COPY --chown=cutover:cutover routes/ /app/routes/
COPY --chown=cutover:cutover sources/ /app/sources/
COPY --chown=cutover:cutover mappings/ /app/mappings/
COPY --chown=cutover:cutover matching/ /app/matching/
COPY --chown=cutover:cutover targets/ /app/targets/
COPY --chown=cutover:cutover schemas/ /app/schemas/
COPY --chown=cutover:cutover samples/ /app/samples/
RUN mkdir -p /app/data && chown cutover:cutover /app/data
ENV CUTOVER_DATA_DIR=/app/data
# the heap follows the container's memory limit (Kubernetes: deploy/kubernetes, docs/deploy.md)
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME /app/data
USER 10001
# 8080: the control API (/runs, /sync) and the sandbox; 9000: the management port, /q/health and /q/metrics
EXPOSE 8080 9000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:9000/q/health/ready || exit 1
# the command line's launcher: without arguments it runs java -jar quarkus-app/quarkus-run.jar as configured
# (CUTOVER_MODE); with a command (migrate, sync, ...) that command. It execs the JVM, which gets the signals itself.
ENTRYPOINT ["/app/cutover"]
