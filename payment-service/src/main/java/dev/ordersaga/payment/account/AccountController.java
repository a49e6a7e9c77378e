package dev.ordersaga.payment.account;

import dev.ordersaga.payment.api.MoneyJson;
import dev.ordersaga.payment.api.NotFoundException;
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
@RequestMapping("/accounts")
class AccountController {

    private final AccountImporter importer;
    private final AccountRepository accounts;
    private final RequestValidation validation;

    AccountController(AccountImporter importer, AccountRepository accounts, RequestValidation validation) {
        this.importer = importer;
        this.accounts = accounts;
        this.validation = validation;
    }

    @PutMapping
    Map<String, Integer> upsert(@RequestBody List<AccountImport> imports) {
        validation.requireValidEntries(imports, AccountImport::customerId, "customerId");
        return Map.of("upserted", importer.upsert(imports));
    }

    /** Never the payment token. */
    @GetMapping("/{customerId}")
    @Transactional(readOnly = true)
    AccountView account(@PathVariable String customerId) {
        return accounts.findById(customerId)
                .map(account -> new AccountView(account.getCustomerId(), MoneyJson.of(account.getBalance())))
                .orElseThrow(() -> new NotFoundException("No account for customer " + customerId));
    }

    record AccountView(String customerId, MoneyJson balance) {
    }
}
