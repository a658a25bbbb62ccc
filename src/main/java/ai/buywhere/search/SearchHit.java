package ai.buywhere.search;

import ai.buywhere.catalog.Product;

/** One result: the product as indexed (no database round trip) and its relevance score. */
public record SearchHit(Product product, float score) {}
