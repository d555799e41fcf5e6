package dev.gemscope.app.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How "See everything" starts the privileged collector on machines with pkexec, sudo or neither. */
public class SeeEverythingTest {

    public record FakeHost(Set<String> programs, Set<Path> executables, Map<String, String> environment)
            implements SeeEverything.Host {
        @Override
        public Optional<Path> which(String program) {
            return programs.contains(program) ? Optional.of(Path.of("/usr/bin", program)) : Optional.empty();
        }

        @Override
        public boolean isExecutable(Path file) {
            return executables.contains(file);
        }
    }

    static final Set<Path> INSTALLED = Set.of(SeeEverything.INSTALLED_WRAPPER);

    @Test
    void pkexecRunsTheInstalledWrapperWithOnlyTheInterval() {
        SeeEverything.Plan plan = SeeEverything.plan(new FakeHost(Set.of("pkexec", "sudo"), INSTALLED, Map.of()),
                Optional.empty(), 5);
        StreamCommand c = plan.command().orElseThrow();
        assertEquals(List.of("pkexec", "/usr/lib/gemscope/gemscope-collector", "--interval", "5"), c.argv());
        assertTrue(c.privileged());
        assertTrue(plan.message().contains("polkit"), plan.message());
    }

    @Test
    void withoutPkexecSudoIsTriedNonInteractivelyOrWithAskpass() {
        StreamCommand n = SeeEverything.plan(new FakeHost(Set.of("sudo"), INSTALLED, Map.of()), Optional.empty(), 2)
                .command().orElseThrow();
        assertEquals(List.of("sudo", "-n", "/usr/lib/gemscope/gemscope-collector", "--interval", "2"), n.argv());
        StreamCommand a = SeeEverything.plan(new FakeHost(Set.of("sudo"), INSTALLED, Map.of("SUDO_ASKPASS", "/usr/bin/ssh-askpass")),
                Optional.empty(), 2).command().orElseThrow();
        assertEquals("-A", a.argv().get(1));
    }

    @Test
    void withNeitherTheUserIsToldWhatToDo() {
        SeeEverything.Plan plan = SeeEverything.plan(new FakeHost(Set.of(), INSTALLED, Map.of()), Optional.empty(), 2);
        assertTrue(plan.command().isEmpty());
        assertTrue(plan.message().startsWith("Neither pkexec nor sudo is installed"), plan.message());
    }

    @Test
    void aCheckoutUsesItsOwnWrapperAndAMissingOneIsExplained() {
        Path home = Path.of("/src/gemscope");
        Path checkout = home.resolve(SeeEverything.CHECKOUT_WRAPPER);
        StreamCommand c = SeeEverything.plan(new FakeHost(Set.of("pkexec"), Set.of(checkout), Map.of()),
                Optional.of(home), 99999).command().orElseThrow();
        assertEquals(List.of("pkexec", checkout.toString(), "--interval", "3600"), c.argv(), "interval is clamped");
        SeeEverything.Plan none = SeeEverything.plan(new FakeHost(Set.of("pkexec"), Set.of(), Map.of()), Optional.of(home), 2);
        assertTrue(none.command().isEmpty());
        assertTrue(none.message().contains("not installed"), none.message());
    }
}
