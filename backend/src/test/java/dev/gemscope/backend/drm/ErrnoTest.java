package dev.gemscope.backend.drm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrnoTest {

    /** Everything kernel-interfaces.md §5, §7 and §9 says the kernel returns. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            1, EPERM
            2, ENOENT
            3, ESRCH
            4, EINTR
            5, EIO
            6, ENXIO
            7, E2BIG
            9, EBADF
            11, EAGAIN
            12, ENOMEM
            13, EACCES
            14, EFAULT
            16, EBUSY
            17, EEXIST
            19, ENODEV
            22, EINVAL
            25, ENOTTY
            28, ENOSPC
            38, ENOSYS
            95, EOPNOTSUPP
            110, ETIMEDOUT
            """)
    void namesTheNumbersTheKernelReturns(int number, String name) {
        assertEquals(name, Errno.nameOf(number));
        assertEquals(name, Errno.of(number).orElseThrow().name());
        assertEquals(number, Errno.valueOf(name).number());
    }

    @Test
    void unknownNumbersPrintAsErrnoN() {
        assertEquals("errno 4242", Errno.nameOf(4242));
        assertEquals("errno 0", Errno.nameOf(0));
        assertEquals(Optional.empty(), Errno.of(41), "41 is unused on Linux");
    }

    @Test
    void acceptsNegativeKernelReturnValues() {
        assertEquals("ENODEV", Errno.nameOf(-19));
    }

    @Test
    void kernelInternalCodesAreMarked() {
        assertTrue(Errno.ERESTARTSYS.internal());
        assertEquals(512, Errno.ERESTARTSYS.number());
        assertEquals("ENOTSUPP", Errno.nameOf(524));
        assertFalse(Errno.EOPNOTSUPP.internal());
    }

    @Test
    void numbersAreUnique() {
        assertEquals(Errno.values().length, Arrays.stream(Errno.values()).mapToInt(Errno::number).distinct().count());
    }
}
