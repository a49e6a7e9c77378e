/** Read-only reports written as SQL on purpose, where window functions say it better than JPQL. */
package dev.ordersaga.inventory.report;
