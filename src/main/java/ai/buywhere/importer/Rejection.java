package ai.buywhere.importer;

import ai.buywhere.catalog.RejectReason;
import java.util.List;

/** One rejected record: where it was in the file, its sku when known, and every reason. */
public record Rejection(long line, String sku, List<RejectReason> reasons) {}
