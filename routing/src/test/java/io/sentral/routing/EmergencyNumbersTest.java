package io.sentral.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.number.Country;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** T6 recognition on its own: every form, in both countries, and what is deliberately not one. */
class EmergencyNumbersTest {

    @ParameterizedTest(name = "''{0}'' from {1}: {2} in {3}, national {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            112                              | NO | 112                      | NO | 112
            110                              | NO | 110                      | NO | 110
            113                              | NO | 113                      | NO | 113
            112                              | SE | 112                      | SE | 112
            110                              | SE | -                        | -  | -
            113                              | SE | -                        | -  | -
            +47112                           | SE | 112                      | NO | 112
            +46110                           | NO | -                        | -  | -
            00 47 113                        | SE | 113                      | NO | 113
            (+46) 112                        | NO | 112                      | SE | 112
            ' 112 '                          | NO | 112                      | NO | 112
            112;phone-context=+47            | NO | 112                      | NO | 112
            112#                             | SE | 112                      | SE | 112
            +47112#                          | NO | 112                      | NO | 112
            urn:service:sos                  | SE | urn:service:sos          | SE | 112
            urn:service:sos.fire             | NO | urn:service:sos.fire     | NO | 110
            urn:service:sos.fire             | SE | urn:service:sos.fire     | SE | 112
            urn:service:sos.ambulance        | NO | urn:service:sos.ambulance| NO | 113
            urn:service:sos.animal-control   | NO | urn:service:sos.animal-control | NO | 112
            URN:SERVICE:SOS.POLICE           | NO | urn:service:sos.police   | NO | 112
            urn:service:sos.police.           | NO | urn:service:sos.police   | NO | 112
            urn:service:sos;x=1              | NO | urn:service:sos          | NO | 112
            urn:service:sos.fire.hazmat      | NO | urn:service:sos.fire.hazmat | NO | 110
            urn:service:sosa                 | NO | -                        | -  | -
            urn:service:sos-x                | NO | -                        | -  | -
            urn:service:counseling           | NO | -                        | -  | -
            urn:service:counseling.sos       | NO | -                        | -  | -
            urn:x:sos                        | NO | -                        | -  | -
            1120                             | NO | -                        | -  | -
            0112                             | NO | -                        | -  | -
            911                              | NO | -                        | -  | -
            112112                           | NO | -                        | -  | -
            +471120                          | NO | -                        | -  | -
            0047 1121                        | NO | -                        | -  | -
            +47 11 2 x                       | NO | -                        | -  | -
            ''                               | NO | -                        | -  | -
            #                                | NO | -                        | -  | -
            ١١٢                              | NO | -                        | -  | -
            """)
    void recognises(String dialled, Country customer, String service, Country country, String shortNumber) {
        Optional<EmergencyService> expected = Optional.ofNullable(service)
                .map(s -> new EmergencyService(s, country, shortNumber));

        assertThat(EmergencyNumbers.recognise(dialled, customer)).isEqualTo(expected);
    }
}
