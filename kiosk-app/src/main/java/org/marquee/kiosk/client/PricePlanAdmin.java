package org.marquee.kiosk.client;

import java.util.List;
import org.marquee.model.PricePlan;

/** {@code /admin/price-plans} (DESIGN §7.1): a plan is sent without id and answered with it. Blocking. */
public interface PricePlanAdmin {

    List<PricePlan> pricePlans();

    PricePlan createPricePlan(PricePlan plan);

    PricePlan updatePricePlan(long id, PricePlan plan);
}
