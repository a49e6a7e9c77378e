package dev.ordersaga.ops.audit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The payment provider's reporting API, as the audit reads it. */
interface ProviderReader {

    /** The most captures one page may ask for; the simulator's reporting API allows 10,000. */
    int MAX_PAGE = 1000;

    /**
     * Captures in the order the provider made them, at most {@code limit}.
     *
     * @param startingAfter only those made after this charge; from the first when null
     */
    List<CaptureRow> captures(String startingAfter, int limit);

    /** The capture made under the order's charge key, if any, as the provider holds it now. */
    Optional<CaptureRow> capture(UUID orderId);
}
