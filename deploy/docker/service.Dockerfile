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
# A database password given as a file (compose's generated one, a mounted secret) is read at start,
# so it is written neither into the compose file nor into the image.
ENTRYPOINT ["sh", "-c", "if [ -n \"$QUARKUS_DATASOURCE_PASSWORD_FILE\" ]; then QUARKUS_DATASOURCE_PASSWORD=$(cat \"$QUARKUS_DATASOURCE_PASSWORD_FILE\") && export QUARKUS_DATASOURCE_PASSWORD; fi; exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
