#ifndef LEAK_SUPPRESSIONS_H
#define LEAK_SUPPRESSIONS_H

/// LeakSanitizer's suppressions for the test runner (see LeakSuppressions.c).
const char *__lsan_default_suppressions(void);

/// LeakSanitizer's options for the test runner.
const char *__lsan_default_options(void);

#endif
