package dev.ordersaga.inventory.product;

import dev.ordersaga.inventory.api.NotFoundException;
import dev.ordersaga.support.web.RequestValidation;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/products")
class ProductController {

    private final ProductCatalogue catalogue;
    private final ProductRepository products;
    private final RequestValidation validation;

    ProductController(ProductCatalogue catalogue, ProductRepository products, RequestValidation validation) {
        this.catalogue = catalogue;
        this.products = products;
        this.validation = validation;
    }

    @PutMapping
    Map<String, Integer> upsert(@RequestBody List<ProductImport> imports) {
        validation.requireValidEntries(imports, ProductImport::sku, "sku");
        return Map.of("upserted", catalogue.upsert(imports));
    }

    @GetMapping("/{sku}")
    @Transactional(readOnly = true)
    ProductView product(@PathVariable String sku) {
        return products.findById(sku)
                .map(ProductView::of)
                .orElseThrow(() -> new NotFoundException("No product with SKU " + sku));
    }

    record ProductView(String sku, String name, int available, int reserved, int sold) {

        static ProductView of(Product product) {
            return new ProductView(product.getSku(), product.getName(), product.getAvailable(),
                    product.getReserved(), product.getSold());
        }
    }
}
