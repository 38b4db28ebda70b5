package dev.paperstream.kernel.store;

import dev.paperstream.events.BenchmarkCompleted.DeviceInfo;
import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.events.EventJson;
import dev.paperstream.kernel.bench.JobRequest;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** The JSON text columns of benchmark_job, in the events' JSON form (what benchmark.completed carries). */
final class JsonColumns {
    private JsonColumns() {
    }

    static String write(Object value) {
        return value == null ? null : EventJson.write(value);
    }

    @Converter
    public static class RequestColumn implements AttributeConverter<JobRequest, String> {
        @Override
        public String convertToDatabaseColumn(JobRequest request) {
            return write(request);
        }

        @Override
        public JobRequest convertToEntityAttribute(String json) {
            return json == null ? null : EventJson.read(json, JobRequest.class);
        }
    }

    @Converter
    public static class DeviceColumn implements AttributeConverter<DeviceInfo, String> {
        @Override
        public String convertToDatabaseColumn(DeviceInfo device) {
            return write(device);
        }

        @Override
        public DeviceInfo convertToEntityAttribute(String json) {
            return json == null ? null : EventJson.read(json, DeviceInfo.class);
        }
    }

    @Converter
    public static class ResultsColumn implements AttributeConverter<List<Result>, String> {
        @Override
        public String convertToDatabaseColumn(List<Result> results) {
            return write(results == null ? List.of() : results);
        }

        @Override
        public List<Result> convertToEntityAttribute(String json) {
            return json == null ? List.of() : List.of(EventJson.read(json, Result[].class));
        }
    }
}
