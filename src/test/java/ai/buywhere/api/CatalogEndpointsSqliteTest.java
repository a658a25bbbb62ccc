package ai.buywhere.api;

import ai.buywhere.store.Dialect;

class CatalogEndpointsSqliteTest extends CatalogEndpointsTests {
  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }
}
