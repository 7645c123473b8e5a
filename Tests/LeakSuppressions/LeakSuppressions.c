#include "LeakSuppressions.h"

// LeakSanitizer reads this at start-up when the test runner is built with
// `swift test --sanitize=address`; without a sanitizer nothing calls it.
//
// - The toolchain's test libraries keep their run state until exit (XCTest leaks even when no
//   test runs at all).
// - A Swift global or static `let` is made once, under swift_once, and lives until exit;
//   LeakSanitizer does not see the reference that keeps it.
//
// Only allocations made under those frames are suppressed: a leak in our own code, a retain
// cycle between a server and its responder for example, still fails the run.
const char *__lsan_default_suppressions(void) {
    return "leak:libXCTest.so\n"
           "leak:libTesting.so\n"
           "leak:swift::threading_impl::once_slow\n";
}
