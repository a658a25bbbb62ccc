package ai.buywhere.api;

import ai.buywhere.shared.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * The wire JSON mapper: the shared Jackson configuration with snake_case property names, so view
 * records keep Java names ({@code imageUrl}) and go out as {@code image_url}. Nulls are left out
 * unless a view field says otherwise. Only view records are serialised, never catalog rows, so
 * internal columns cannot leak.
 */
public final class ApiJson {
  private static final ObjectMapper MAPPER =
      Json.create().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private ApiJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
