package org.disclosuredesk.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict JSON input for {@code /api}: no coercion between types ({@code "channel":1} is not LETTER,
 * {@code "name":123} or {@code true} is not a name, {@code 1.5} is not an integer, {@code ""} is not
 * null), and text without control characters or unpaired surrogates (see {@link CleanText}).
 */
@Configuration
class StrictJsonConfiguration {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJson() {
    return builder -> builder
        .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
            DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
            JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .postConfigurer(mapper -> {
          for (LogicalType t : new LogicalType[] {LogicalType.Textual, LogicalType.Enum, LogicalType.Integer,
              LogicalType.Float, LogicalType.Boolean, LogicalType.DateTime}) {
            mapper.coercionConfigFor(t)
                .setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer || t == LogicalType.Float
                    ? CoercionAction.TryConvert : CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, t == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Array, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Object, CoercionAction.Fail);
          }
          mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        });
  }

  /**
   * Installed by Spring Boot after the well-known modules (so its LocalDate wins over JavaTimeModule's):
   * text only from clean JSON strings, dates only from {@code "YYYY-MM-DD"} strings (not {@code []} or numbers).
   */
  @Bean
  com.fasterxml.jackson.databind.Module strictTextAndDates() {
    return new SimpleModule("strict-text-and-dates")
        .addDeserializer(String.class, new CleanTextDeserializer())
        .addDeserializer(java.time.LocalDate.class, new IsoDateDeserializer());
  }

  /** A date only from a JSON string {@code YYYY-MM-DD}. */
  static final class IsoDateDeserializer extends StdScalarDeserializer<java.time.LocalDate> {

    IsoDateDeserializer() {
      super(java.time.LocalDate.class);
    }

    @Override
    public java.time.LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (java.time.LocalDate) ctxt.handleUnexpectedToken(java.time.LocalDate.class, p);
      }
      String text = p.getText().trim();
      try {
        return java.time.LocalDate.parse(text);
      } catch (java.time.format.DateTimeParseException e) {
        throw InvalidFormatException.from(p, "日期格式应为 YYYY-MM-DD", CleanText.printable(text), java.time.LocalDate.class);
      }
    }
  }

  /** Strings only from JSON strings, and only clean ones. */
  static final class CleanTextDeserializer extends StdScalarDeserializer<String> {

    CleanTextDeserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (String) ctxt.handleUnexpectedToken(String.class, p);
      }
      String text = p.getText();
      String problem = CleanText.problem(text);
      if (problem != null) {
        throw InvalidFormatException.from(p, problem, CleanText.printable(text), String.class);
      }
      return text;
    }
  }
}
