package dev.gemscope.app.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamCommandTest {

    @Test
    void wordsAreSplitLikeAShellWithoutRunningOne() {
        assertEquals(List.of("ssh", "box", "sudo", "gemscope", "collect", "--stream"),
                StreamCommand.parse("  ssh box\tsudo gemscope collect --stream "));
        assertEquals(List.of("sh", "-c", "ssh box 'gemscope collect --stream' | cat"),
                StreamCommand.parse("sh -c \"ssh box 'gemscope collect --stream' | cat\""));
        assertEquals(List.of("a b", "c\"d", "e\\f", ""), StreamCommand.parse("'a b' \"c\\\"d\" e\\\\f ''"));
        assertEquals(List.of("$HOME", ">", "x"), StreamCommand.parse("$HOME > x"), "no expansion, no redirection");
    }

    @Test
    void badCommandLinesAreRefusedWithAReason() {
        assertEquals("unterminated ' quote in: ssh 'box",
                assertThrows(IllegalArgumentException.class, () -> StreamCommand.parse("ssh 'box")).getMessage());
        assertEquals("no command given", assertThrows(IllegalArgumentException.class, () -> StreamCommand.parse("   ")).getMessage());
    }
}
