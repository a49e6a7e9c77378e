package dev.ordersaga.support.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The lifecycle hooks are called as JPA would call them. */
class AuditedEntityTest {

    @Test
    void freshEntityIsNewUntilPersistedOrLoaded() {
        Thing thing = new Thing();
        assertThat(thing.isNew()).isTrue();

        thing.markPersisted();

        assertThat(thing.isNew()).isFalse();
    }

    @Test
    void creationStampsBothTimestampsAtPostgresPrecision() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Thing thing = new Thing();

        thing.stampCreation();

        assertThat(thing.getCreatedAt()).isEqualTo(thing.getUpdatedAt()).isAfterOrEqualTo(before);
        assertThat(thing.getCreatedAt()).isEqualTo(thing.getCreatedAt().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void updateMovesOnlyTheUpdateTimestamp() {
        Thing thing = new Thing();
        thing.stampCreation();
        Instant created = thing.getCreatedAt();

        thing.stampUpdate();

        assertThat(thing.getCreatedAt()).isEqualTo(created);
        assertThat(thing.getUpdatedAt()).isAfterOrEqualTo(created)
                .isEqualTo(thing.getUpdatedAt().truncatedTo(ChronoUnit.MICROS));
    }

    static final class Thing extends AuditedEntity<Long> {

        @Override
        public Long getId() {
            return 1L;
        }
    }
}
