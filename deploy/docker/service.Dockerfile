# One image per service, built from the repository: docker build -f deploy/docker/service.Dockerfile --build-arg SERVICE=ingest-service .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
ARG SERVICE
RUN ./mvnw -B -q -DskipTests -pl ${SERVICE} -am package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 1001 paperstream
ARG SERVICE
COPY --from=build --chown=1001 /src/${SERVICE}/target/quarkus-app/ /app/
USER 1001
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
# A database password and a Kafka password given as files are read at start (service-entrypoint.sh).
COPY --chmod=755 deploy/docker/service-entrypoint.sh /app/service-entrypoint.sh
ENTRYPOINT ["/app/service-entrypoint.sh"]
