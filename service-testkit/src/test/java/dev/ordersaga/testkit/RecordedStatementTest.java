package dev.ordersaga.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordedStatementTest {

    @Test
    void aSelectIsRecognisedWhateverItsCaseAndLeadingWhitespace() {
        assertThat(new RecordedStatement("  \n select * from items", false, 0).isSelect()).isTrue();
        assertThat(new RecordedStatement("SELECT 1", false, 0).isSelect()).isTrue();
    }

    @Test
    void writesAndSettingsAreNotSelects() {
        assertThat(new RecordedStatement("insert into items (id) values (?)", true, 2).isSelect()).isFalse();
        assertThat(new RecordedStatement("SET search_path TO public", false, 0).isSelect()).isFalse();
    }
}
