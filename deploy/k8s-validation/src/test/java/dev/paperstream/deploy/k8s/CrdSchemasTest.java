package dev.paperstream.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Kubernetes extensions of openAPIV3Schema mean for validation what the API server makes of them. */
class CrdSchemasTest {
    private static final String OPEN_API = """
            type: object
            properties:
              spec:
                type: object
                required: [port]
                properties:
                  port: {x-kubernetes-int-or-string: true}
                  owner: {type: string, nullable: true}
                  config: {type: object, x-kubernetes-preserve-unknown-fields: true}
                  count: {type: integer, format: int32, x-kubernetes-validations: [{rule: "self > 0"}]}
            """;

    private static JsonSchema schema() {
        Map<String, Object> converted = CrdSchemas.toJsonSchema(Yaml.documents(OPEN_API).get(0));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(Yaml.JSON.valueToTree(converted));
    }

    private static int errors(String yaml) {
        return schema().validate(Yaml.JSON.valueToTree(Yaml.documents(yaml).get(0))).size();
    }

    @Test
    void intOrStringTakesBothAndNothingElse() {
        assertThat(errors("spec: {port: 8080}")).isZero();
        assertThat(errors("spec: {port: http}")).isZero();
        assertThat(errors("spec: {port: [8080]}")).isPositive(); // one message per anyOf branch
    }

    @Test
    void nullableAllowsNullOnlyWhereDeclared() {
        assertThat(errors("spec: {port: 1, owner: null}")).isZero();
        assertThat(errors("spec: {port: 1, count: null}")).isOne();
    }

    @Test
    void unknownFieldsAreRefusedExceptWhereTheSchemaPreservesThem() {
        assertThat(errors("spec: {port: 1, config: {anything: [1, 2], goes: true}}")).isZero();
        assertThat(errors("spec: {port: 1, colour: blue}")).isOne();
        assertThat(errors("spek: {}")).isOne();
    }

    @Test
    void requiredFieldsAndTypesAreChecked() {
        assertThat(errors("spec: {count: 3}")).isOne();
        assertThat(errors("spec: {port: 1, count: three}")).isOne();
    }
}
