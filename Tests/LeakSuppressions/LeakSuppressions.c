#include "LeakSuppressions.h"

// LeakSanitizer reads this at start-up when the test runner is built with
// `swift test --sanitize=address`; without a sanitizer nothing calls it.
//
// - The toolchain's test libraries keep their run state until exit (XCTest leaks even when no
//   test runs at all).
// - A Swift global or static `let` is made once, under swift_once, and lives until exit;
//   LeakSanitizer does not see the reference that keeps it.
//
// - The tests' helpers use the toolchain's Foundation (Process, FileHandle, Pipe): a finished
//   Process and what it holds are never freed. The code under test does not link it.
// - FoundationEssentials' file reads (String(contentsOf:), FileManager.contents(atPath:)) leave
//   their buffers behind.
//
// Only allocations made under those frames, and what they alone reach, are suppressed: a leak
// in our own code, a retain cycle between a server and its responder for example, still fails
// the run.
const char *__lsan_default_suppressions(void) {
    return "leak:libXCTest.so\n"
           "leak:libTesting.so\n"
           "leak:libFoundation.so\n"
           "leak:readBytesFromFile\n"
           "leak:swift::threading_impl::once_slow\n";
}

// Keeps the table of suppressions used out of the test log.
const char *__lsan_default_options(void) {
    return "print_suppressions=0";
}
