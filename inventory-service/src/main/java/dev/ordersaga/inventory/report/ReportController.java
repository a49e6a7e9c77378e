package dev.ordersaga.inventory.report;

import dev.ordersaga.inventory.report.ProductRanking.RankedProduct;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/reports")
class ReportController {

    private final ProductRanking ranking;

    ReportController(ProductRanking ranking) {
        this.ranking = ranking;
    }

    @GetMapping("/products/ranking")
    List<RankedProduct> productRanking(@RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        return ranking.topSellers(limit);
    }
}
