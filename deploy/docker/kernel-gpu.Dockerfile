# kernel-service for an NVIDIA GPU: docker build -f deploy/docker/kernel-gpu.Dockerfile -t paperstream/kernel-service-gpu .
# The CUDA version matches the JavaCPP presets in the parent pom (cuda-presets.version 13.1-...): their JNI
# wrappers (org.bytedeco:cuda:linux-x86_64, already a kernel-service dependency) link against this
# runtime's libcudart, libcublas and libnvrtc; libcuda.so.1 comes from the host's driver through the
# NVIDIA Container Toolkit.

# nvcc is on /usr/local/cuda/bin here, so kernel-service's "nvcc" profile compiles attention.cu into the
# sm_90 cubin during the Maven build (and fails it on register spills); other GPUs compile the same
# source at run time with NVRTC.
FROM nvidia/cuda:13.1.0-devel-ubuntu24.04 AS build
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl kernel-service -am package \
    && test -s kernel-service/target/classes/cuda/attention.sm_90.cubin

FROM nvidia/cuda:13.1.0-runtime-ubuntu24.04
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 1001 paperstream \
    && mkdir -p /var/cache/javacpp && chown 1001 /var/cache/javacpp
COPY --from=build --chown=1001 /src/kernel-service/target/quarkus-app/ /app/
USER 1001
# JavaCPP unpacks its JNI libraries into a cache; the system user has no home directory.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 --add-modules=jdk.incubator.vector -Dorg.bytedeco.javacpp.cachedir=/var/cache/javacpp" \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    PAPERSTREAM_KERNEL_CUDA_ENABLED=true
EXPOSE 8080
# As service.Dockerfile: secrets given as files are read at start (service-entrypoint.sh).
COPY --chmod=755 deploy/docker/service-entrypoint.sh /app/service-entrypoint.sh
ENTRYPOINT ["/app/service-entrypoint.sh"]
