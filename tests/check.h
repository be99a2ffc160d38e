/* tests/check.h: the plain-C test harness. Each test executable defines
 * test functions, lists them in main with CHECK_RUN, and ends with
 * CHECK_DONE(), which prints "N passed, N failed" and sets the exit code. */
#ifndef AU_TESTS_CHECK_H
#define AU_TESTS_CHECK_H

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "auteur.h"

static int check_passed_;
static int check_failed_;
static int check_current_failed_;

#define CHECK_FAIL_(fmt, ...)                                                 \
    do {                                                                      \
        fprintf(stderr, "%s:%d: check failed: " fmt "\n", __FILE__, __LINE__, \
                __VA_ARGS__);                                                 \
        check_current_failed_ = 1;                                            \
    } while (0)

#define CHECK(cond)                   \
    do {                              \
        if (!(cond))                  \
            CHECK_FAIL_("%s", #cond); \
    } while (0)

#define CHECK_INT_EQ(a, b)                                          \
    do {                                                            \
        long long a_ = (long long)(a), b_ = (long long)(b);         \
        if (a_ != b_)                                               \
            CHECK_FAIL_("%s == %s (%lld vs %lld)", #a, #b, a_, b_); \
    } while (0)

#define CHECK_INT_GE(a, b)                                          \
    do {                                                            \
        long long a_ = (long long)(a), b_ = (long long)(b);         \
        if (!(a_ >= b_))                                            \
            CHECK_FAIL_("%s >= %s (%lld vs %lld)", #a, #b, a_, b_); \
    } while (0)

#define CHECK_STR_EQ(a, b)                                       \
    do {                                                         \
        const char *a_ = (a), *b_ = (b);                         \
        if (!a_ || !b_ || strcmp(a_, b_) != 0)                   \
            CHECK_FAIL_("%s == %s (\"%s\" vs \"%s\")", #a, #b,   \
                        a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
    } while (0)

#define CHECK_NEAR(a, b, tol)                                                \
    do {                                                                     \
        double a_ = (double)(a), b_ = (double)(b), t_ = (double)(tol);       \
        if (!(fabs(a_ - b_) <= t_))                                          \
            CHECK_FAIL_("%s ~= %s within %g (%.6g vs %.6g)", #a, #b, t_, a_, \
                        b_);                                                 \
    } while (0)

#define CHECK_OK(expr)                                                \
    do {                                                              \
        int s_ = (int)(expr);                                         \
        if (s_ != 0)                                                  \
            CHECK_FAIL_("%s returned %s", #expr, au_status_name(s_)); \
    } while (0)

#define CHECK_STATUS(expr, want)                                              \
    do {                                                                      \
        int s_ = (int)(expr), w_ = (int)(want);                               \
        if (s_ != w_)                                                         \
            CHECK_FAIL_("%s returned %s, want %s", #expr, au_status_name(s_), \
                        au_status_name(w_));                                  \
    } while (0)

#define CHECK_RUN(fn)                          \
    do {                                       \
        check_current_failed_ = 0;             \
        fn();                                  \
        if (check_current_failed_) {           \
            check_failed_++;                   \
            fprintf(stderr, "FAIL %s\n", #fn); \
        } else {                               \
            check_passed_++;                   \
            fprintf(stderr, "ok   %s\n", #fn); \
        }                                      \
    } while (0)

#define CHECK_DONE()                                                 \
    (printf("%d passed, %d failed\n", check_passed_, check_failed_), \
     check_failed_ ? 1 : 0)

#endif
