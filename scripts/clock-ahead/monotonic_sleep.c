/* Sleeping on the monotonic clock, untouched by libfaketime.
 *
 * With FAKETIME_DONT_FAKE_MONOTONIC=1 (needed, or every timed wait on a lock hangs: glibc's
 * sem_clockwait is not intercepted and sees a deadline 400 days away), libfaketime 0.9.10
 * still shifts the absolute deadline of clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME),
 * which Python's time.sleep uses, and the kernel answers EINVAL. Preloaded before
 * libfaketime, this sends monotonic sleeps straight to the kernel and everything else to
 * libfaketime. Built and preloaded by run.sh; used by tests only. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int clock_nanosleep(clockid_t clock, int flags, const struct timespec *request,
                    struct timespec *remain) {
    if (clock == CLOCK_MONOTONIC) {
        return syscall(SYS_clock_nanosleep, clock, flags, request, remain) == 0 ? 0 : errno;
    }
    static int (*next)(clockid_t, int, const struct timespec *, struct timespec *);
    if (!next) next = dlsym(RTLD_NEXT, "clock_nanosleep");
    return next(clock, flags, request, remain);
}
