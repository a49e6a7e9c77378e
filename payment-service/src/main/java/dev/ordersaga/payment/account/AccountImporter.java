package dev.ordersaga.payment.account;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Account import: a bulk upsert as ONE JDBC batch, tokens encrypted exactly as the entity mapping does. */
@Component
class AccountImporter {

    // version is bumped so that a charge that read the old balance fails its optimistic check instead of
    // writing a stale balance over the import.
    private static final String UPSERT = """
            INSERT INTO accounts (customer_id, balance_amount, currency, payment_token, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, 0, ?, ?)
            ON CONFLICT (customer_id) DO UPDATE
               SET balance_amount = excluded.balance_amount,
                   currency = excluded.currency,
                   payment_token = COALESCE(excluded.payment_token, accounts.payment_token),
                   version = accounts.version + 1,
                   updated_at = excluded.updated_at""";

    private final JdbcTemplate jdbc;
    private final TokenCipher cipher;

    AccountImporter(JdbcTemplate jdbc, TokenCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** @return how many accounts were inserted or updated */
    @Transactional
    public int upsert(List<AccountImport> accounts) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate(UPSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                AccountImport account = accounts.get(i);
                statement.setString(1, account.customerId());
                statement.setLong(2, account.balance().amount());
                statement.setString(3, account.balance().currency());
                statement.setBytes(4, account.paymentToken() == null ? null : cipher.encrypt(account.paymentToken()));
                statement.setTimestamp(5, now);
                statement.setTimestamp(6, now);
            }

            @Override
            public int getBatchSize() {
                return accounts.size();
            }
        });
        return accounts.size();
    }
}
