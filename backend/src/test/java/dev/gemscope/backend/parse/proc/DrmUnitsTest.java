package dev.gemscope.backend.parse.proc;

import java.util.OptionalLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DrmUnitsTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,            0
            4096,         4096
            4 KiB,        4096
            12 MiB,       12582912
            '  7 KiB ',   7168
            2 GiB,        2147483648
            """)
    void convertsSizesToBytes(String value, long bytes) {
        assertEquals(OptionalLong.of(bytes), DrmUnits.bytes(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "KiB", "-4 KiB", "4 TiB", "4 kb", "9223372036854775807 KiB", "x"})
    void rejectsUnreadableSizes(String value) {
        assertEquals(OptionalLong.empty(), DrmUnits.bytes(value));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            587000000 Hz, 587000000
            800 MHz,      800000000
            5 KHz,        5000
            5 kHz,        5000
            100,          100
            """)
    void convertsFrequenciesToHertz(String value, long hz) {
        assertEquals(OptionalLong.of(hz), DrmUnits.hertz(value));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            9288864723 ns, 9288864723
            17,            17
            """)
    void readsNanoseconds(String value, long ns) {
        assertEquals(OptionalLong.of(ns), DrmUnits.nanoseconds(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 ms", "-5 ns", "ns"})
    void rejectsOtherTimeUnits(String value) {
        assertEquals(OptionalLong.empty(), DrmUnits.nanoseconds(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2 ns", "two", ""})
    void rejectsUnitsOnPlainCounts(String value) {
        assertEquals(OptionalLong.empty(), DrmUnits.plain(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"18446744073709551615"})
    void keepsHugePlainCountsAsUnsignedBits(String value) {
        assertEquals(value, Long.toUnsignedString(DrmUnits.plain(value).getAsLong()));
    }
}
