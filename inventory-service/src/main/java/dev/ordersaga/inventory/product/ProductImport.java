package dev.ordersaga.inventory.product;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** One entry of a catalogue import: the product's name and its available units, replacing what was there. */
record ProductImport(
        @NotBlank @Size(max = 64) String sku,
        @NotBlank @Size(max = 200) String name,
        @NotNull @PositiveOrZero Integer available) {
}
