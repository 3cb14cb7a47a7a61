package io.sentral.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberNormaliser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dialling-plan table routing relies on (T4): what each form of number becomes in each plan. */
class NumberNormaliserTableTest {

    @ParameterizedTest(name = "{0} dialled in {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            +4722120005            | NO | +4722120005
            004722120005           | NO | +4722120005
            22120005               | NO | +4722120005
            91234567               | NO | +4791234567
            0812345600             | SE | +46812345600
            08-123 456 00          | SE | +46812345600
            0701234567             | SE | +46701234567
            +46812345600           | NO | +46812345600
            0046812345600          | NO | +46812345600
            22120005               | SE | -
            0812345600             | NO | -
            12345                  | NO | -
            112                    | NO | -
            abcdefgh               | NO | -
            2212OOO5               | NO | -
            +472212000512345678    | NO | -
            00472212000512345678   | NO | -
            ''                     | NO | -
            """)
    void normalises(String dialled, Country plan, String expected) {
        assertThat(NumberNormaliser.normalise(dialled, plan).map(E164Number::value))
                .as("%s in the %s plan", dialled, plan)
                .isEqualTo(java.util.Optional.ofNullable(expected));
    }
}
