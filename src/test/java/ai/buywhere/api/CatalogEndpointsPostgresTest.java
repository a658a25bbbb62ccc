package ai.buywhere.api;

import ai.buywhere.store.Dialect;

class CatalogEndpointsPostgresTest extends CatalogEndpointsTests {
  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }
}
