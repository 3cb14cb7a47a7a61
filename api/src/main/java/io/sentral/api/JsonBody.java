package io.sentral.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads request bodies strictly (N5: bad input gets a 400 that names the problem): unknown
 * fields, wrong types and strings where numbers belong are refused, naming the field's path;
 * nothing is coerced. A field left out arrives as null: the body's record says which are
 * required ({@link #required}).
 */
public final class JsonBody {
    /** The shortest password or SIP secret accepted. */
    public static final int MIN_SECRET_LENGTH = 8;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    public JsonBody() {
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }

    public <T> T read(String body, Class<T> type) {
        if (body.isBlank()) {
            throw ApiException.badRequest("the request needs a JSON body");
        }
        try {
            mapper.readTree(body); // syntax first: a malformed body is named so, whatever shape it has
            return mapper.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("unknown field '" + path(e) + "' (expected one of: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
                    + ")");
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw ApiException.badRequest(cause.getMessage());
        } catch (InvalidFormatException e) {
            throw ApiException.badRequest(where(e) + "expected " + describe(e.getTargetType()) + ", not " + e.getValue());
        } catch (MismatchedInputException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.contains("Missing") && message.contains("creator property")) {
                throw ApiException.badRequest(where(e) + "required");
            }
            if (message != null && message.contains("Null value for creator property")) {
                throw ApiException.badRequest(where(e) + "must not be null");
            }
            throw ApiException.badRequest(where(e) + "expected "
                    + (e.getTargetType() == null ? "another type" : describe(e.getTargetType())));
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            int marker = message.indexOf(" (start marker at");
            throw ApiException.badRequest("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + (marker < 0 ? message : message.substring(0, marker)));
        }
    }

    /** For a body record's constructor: {@code value}, or a 400 naming the missing field. */
    public static <T> T required(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "': required");
        }
        return value;
    }

    /**
     * For a body record's constructor: a secret left out, or at least {@value #MIN_SECRET_LENGTH}
     * characters long — else a 400 naming the field.
     */
    public static String secret(String value, String field) {
        if (value != null && value.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("field '" + field + "': at least " + MIN_SECRET_LENGTH + " characters");
        }
        return value;
    }

    private static String describe(Class<?> type) {
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return switch (type.getSimpleName()) {
            case "String" -> "a string";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            default -> "a " + type.getSimpleName().toLowerCase(Locale.ROOT) + " value";
        };
    }

    private static String where(MismatchedInputException e) {
        String path = path(e);
        return path.isEmpty() ? "" : "field '" + path + "': ";
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
