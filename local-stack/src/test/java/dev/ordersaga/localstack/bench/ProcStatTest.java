package dev.ordersaga.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void readsPidParentAndTheFourCpuTimes() {
        ProcStat stat = ProcStat.parse("4242 (postgres) S 4200 4200 4200 0 -1 4194560 1234 0 0 0 "
                + "1500 320 7 3 20 0 1 0 444363 3133440 393 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n");

        assertThat(stat).isEqualTo(new ProcStat(4242, 4200, 1500, 320, 7, 3));
        assertThat(stat.ownTicks()).isEqualTo(1820);
        assertThat(stat.ticksWithEndedChildren()).isEqualTo(1830);
    }

    @Test
    void aCommandNameWithBlanksAndParenthesesDoesNotShiftTheFields() {
        ProcStat stat = ProcStat.parse("77 (postgres: walsender (x) 1) S 12 77 77 0 -1 0 0 0 0 0 40 2 0 0 20 0 1 0");

        assertThat(stat).isEqualTo(new ProcStat(77, 12, 40, 2, 0, 0));
    }

    @Test
    void aLineThatIsNotAStatLineIsRejectedWithTheLine() {
        assertThatThrownBy(() -> ProcStat.parse("no parentheses here"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no parentheses here");
        assertThatThrownBy(() -> ProcStat.parse("1 (java) S 0 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Too few fields");
    }

    @Test
    void theMachineLineCountsEverythingButIdleAndIowaitAsBusy() {
        SystemCpu cpu = SystemCpu.parse("cpu  558580 10 69397 248608 1413 5 2747 748 0 0");

        assertThat(cpu.busyTicks()).isEqualTo(558580 + 10 + 69397 + 5 + 2747 + 748);
        assertThat(cpu.idleTicks()).isEqualTo(248608 + 1413);
    }

    @Test
    void aPerCoreLineIsNotTheMachineLine() {
        assertThatThrownBy(() -> SystemCpu.parse("cpu0 278299 0 33604 127068 251 0 1096 359 0 0"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
