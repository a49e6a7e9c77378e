package dev.ordersaga.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagesTest {

    private final List<Integer> afters = new ArrayList<>();

    @Test
    void readsPageAfterPageFromTheLastKeyUntilAShortPage() {
        List<Integer> rows = new ArrayList<>();
        new Pages<>(this::numbersUpTo7, Function.identity(), null, 3).forEachRemaining(rows::add);

        assertThat(rows).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(afters).containsExactly(null, 3, 6);
    }

    @Test
    void aFullLastPageCostsOneEmptyQuery() {
        List<Integer> rows = new ArrayList<>();
        new Pages<>(this::numbersUpTo7, Function.identity(), 1, 3).forEachRemaining(rows::add);

        assertThat(rows).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(afters).containsExactly(1, 4, 7);
    }

    @Test
    void nothingIsReadBeforeItIsAskedFor() {
        new Pages<>(this::numbersUpTo7, Function.identity(), null, 3);

        assertThat(afters).isEmpty();
    }

    private List<Integer> numbersUpTo7(Integer after, int limit) {
        afters.add(after);
        int from = after == null ? 1 : after + 1;
        return IntStream.rangeClosed(from, 7).limit(limit).boxed().toList();
    }
}
