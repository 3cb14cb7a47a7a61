package io.sentral.core.number;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NumberRangeTest {

    @Test
    void parsesRangesAndSingleNumbers() {
        assertThat(NumberRange.parse("+4722120000-+4722120099")).isEqualTo(NumberRange.of("+4722120000", "+4722120099"));
        assertThat(NumberRange.parse(" +4791000001 ")).isEqualTo(NumberRange.single(E164Number.of("+4791000001")));
    }

    @Test
    void refusesWhatIsNotARange() {
        assertThatThrownBy(() -> NumberRange.parse("+47abc")).hasMessage("not an E.164 range: '+47abc'");
        assertThatThrownBy(() -> NumberRange.parse("+4722120099-+4722120000"))
                .hasMessage("range starts after it ends: +4722120099 – +4722120000");
    }

    @Test
    void minusLeavesTheUncoveredParts() {
        NumberRange all = NumberRange.of("+4722120000", "+4722120099");
        assertThat(all.minus(List.of(NumberRange.of("+4722120000", "+4722120098"))))
                .containsExactly(NumberRange.single(E164Number.of("+4722120099")));
        assertThat(all.minus(List.of(NumberRange.of("+4722120010", "+4722120019"),
                NumberRange.of("+4722120015", "+4722120029"), NumberRange.of("+4722120090", "+4722120199"))))
                .containsExactly(NumberRange.of("+4722120000", "+4722120009"), NumberRange.of("+4722120030", "+4722120089"));
        assertThat(all.minus(List.of(all))).isEmpty();
        assertThat(all.minus(List.of(NumberRange.of("+46812345600", "+46812345699")))).containsExactly(all);
    }

    @Test
    void coversOnlyWholeRangesOfTheSameLength() {
        NumberRange all = NumberRange.of("+4722120000", "+4722120099");
        assertThat(all.covers(NumberRange.of("+4722120010", "+4722120019"))).isTrue();
        assertThat(all.covers(NumberRange.of("+4722120090", "+4722120100"))).isFalse();
        assertThat(all.covers(NumberRange.of("+472212001", "+472212001"))).isFalse();
    }
}
