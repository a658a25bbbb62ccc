package ai.buywhere.catalog;

import ai.buywhere.shared.Json;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content hash of a {@link ProductInput}: the first 16 bytes (hex) of the SHA-256 of its
 * canonical JSON, an object of everything a source controls with the keys in sorted order, nulls
 * left out (as {@code Json.mapper()} writes a map), decimals without trailing zeros and the
 * top-level keys of the spec maps sorted. Equal hash means nothing to store or re-index.
 *
 * <p>The JSON is streamed straight into the digest in key order, without building the sorted map
 * and the byte array first; the bytes are the ones {@code Json.mapper()} writes for that map, so
 * hashes stored by earlier versions still match.
 */
final class ContentHash {
  private static final MessageDigest SHA_256 = sha256();

  private ContentHash() {}

  static String of(ProductInput in) {
    MessageDigest md = newDigest();
    try (JsonGenerator g =
        Json.mapper()
            .createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), md))) {
      g.writeStartObject();
      if (in.availability() != null) {
        // as databind writes an enum without @JsonValue: its name
        g.writeStringField("availability", in.availability().name());
      }
      text(g, "brand", in.brand());
      strings(g, "category_path", in.categoryPath());
      object(g, "comparison_attributes", sorted(in.comparisonAttributes()));
      text(g, "country_code", in.countryCode());
      text(g, "currency", in.currency());
      text(g, "description", in.description());
      text(g, "domain", in.domain());
      text(g, "gtin", in.gtin());
      text(g, "image_url", in.imageUrl());
      text(g, "merchant_id", in.merchantId());
      text(g, "model", in.model());
      decimal(g, "original_price", in.originalPrice());
      decimal(g, "price", in.price());
      decimal(g, "rating", in.rating());
      text(g, "region", in.region());
      if (in.reviewCount() != null) {
        g.writeNumberField("review_count", in.reviewCount());
      }
      object(g, "structured_specs", sorted(in.structuredSpecs()));
      text(g, "title", in.title());
      text(g, "url", in.url());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(md.digest(), 0, 16);
  }

  private static void text(JsonGenerator g, String key, String value) throws IOException {
    if (value != null) {
      g.writeStringField(key, value);
    }
  }

  /** A list of strings as databind writes it, without a serializer lookup per product. */
  private static void strings(JsonGenerator g, String key, List<String> values) throws IOException {
    if (values != null) {
      g.writeArrayFieldStart(key);
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    }
  }

  private static void decimal(JsonGenerator g, String key, BigDecimal value) throws IOException {
    if (value != null) {
      g.writeFieldName(key);
      g.writeNumber(value.stripTrailingZeros());
    }
  }

  private static void object(JsonGenerator g, String key, Object value) throws IOException {
    if (value != null) {
      g.writeFieldName(key);
      g.writeObject(value);
    }
  }

  private static Map<String, Object> sorted(Map<String, Object> m) {
    return m == null ? null : new TreeMap<>(m);
  }

  private static MessageDigest newDigest() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      return sha256();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
