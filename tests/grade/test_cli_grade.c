/* tests/grade/test_cli_grade.c: the grade's command-line options on
 * `auteur still`: good values render, bad values exit 1 with a message,
 * a malformed .cube exits 2 naming file:line:col, a missing one 3. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "check.h"

// Runs `auteur still` on the first example with @p extra options; keeps
// stderr in @p err. Returns the exit code.
static int run_still(const char *extra, char *err, size_t err_size)
{
    char cmd[2048], log[512];
    snprintf(log, sizeof log, "%s/grade_cli_stderr.txt", AU_BINARY_DIR);
    snprintf(cmd, sizeof cmd,
             "%s still %s/examples/first-light.fountain --shot 2 --size 64x28 "
             "--samples 1 -q %s -o %s/grade_cli.png 2>%s",
             AU_CLI_PATH, AU_SOURCE_DIR, extra, AU_BINARY_DIR, log);
    int rc = system(cmd);
    err[0] = '\0';
    FILE *f = fopen(log, "r");
    if (f) {
        size_t n = fread(err, 1, err_size - 1, f);
        err[n] = '\0';
        fclose(f);
    }
    return rc >= 0 && WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static void test_good_options(void)
{
    char err[2048], opts[512];
    snprintf(opts, sizeof opts,
             "--tonemap agx --wb 3200K --grain 0.3 --exposure -0.5 --meter "
             "center --bloom 0.2 --halation 0.5 --aberration 0.5 --lut "
             "%s/tests/grade/data/film_print_9.cube",
             AU_SOURCE_DIR);
    CHECK_INT_EQ(run_still(opts, err, sizeof err), 0);
    CHECK_INT_EQ(run_still("--tonemap aces", err, sizeof err), 0);
}

static void test_bad_values(void)
{
    static const char *const bad[][2] = {
        { "--tonemap reinhard", "--tonemap wants filmic, aces or agx" },
        { "--wb 500", "--wb wants a colour temperature" },
        { "--wb warm", "--wb wants a colour temperature" },
        { "--grain 1.5", "--grain wants a strength from 0 to 1" },
        { "--bloom -1", "--bloom wants a strength" },
        { "--exposure 99", "--exposure wants stops" },
        { "--meter spot", "--meter wants 'average' or 'center'" },
    };
    char err[2048];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_INT_EQ(run_still(bad[i][0], err, sizeof err), 1);
        CHECK(strstr(err, bad[i][1]) != NULL);
    }
}

static void test_bad_lut(void)
{
    char path[512], opts[600], err[2048];
    snprintf(path, sizeof path, "%s/grade_cli_bad.cube", AU_BINARY_DIR);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs("TITLE \"bad\"\nLUT_3D_SIZE 2\n0 0 0\n1 0 0\n0 1 0\n1 1 0\n"
          "0 0 1\n1 0 x\n",
          f);
    fclose(f);
    snprintf(opts, sizeof opts, "--lut %s", path);
    CHECK_INT_EQ(run_still(opts, err, sizeof err), 2);
    char want[600];
    snprintf(want, sizeof want, "%s:8:5: error:", path);
    CHECK(strstr(err, want) != NULL);
    snprintf(opts, sizeof opts, "--lut %s/no-such.cube", AU_BINARY_DIR);
    CHECK_INT_EQ(run_still(opts, err, sizeof err), 3);
    remove(path);
}

// Reads the width and height from the PNG the last run wrote.
static void png_size(int *w, int *h)
{
    char path[512];
    unsigned char hdr[24] = { 0 };
    snprintf(path, sizeof path, "%s/grade_cli.png", AU_BINARY_DIR);
    FILE *f = fopen(path, "rb");
    if (f) {
        if (fread(hdr, 1, sizeof hdr, f) != sizeof hdr)
            memset(hdr, 0, sizeof hdr);
        fclose(f);
    }
    *w = hdr[16] << 24 | hdr[17] << 16 | hdr[18] << 8 | hdr[19];
    *h = hdr[20] << 24 | hdr[21] << 16 | hdr[22] << 8 | hdr[23];
}

static void test_reframe(void)
{
    char err[2048];
    int w = 0, h = 0;
    // 64x28 cropped to 9:16 keeps the height: 16x28 (even widths).
    CHECK_INT_EQ(run_still("--reframe 9:16", err, sizeof err), 0);
    png_size(&w, &h);
    CHECK_INT_EQ(w, 16);
    CHECK_INT_EQ(h, 28);
    // Letterboxed into 1:1 it keeps the width: 64x64 with bars.
    CHECK_INT_EQ(run_still("--letterbox 1:1", err, sizeof err), 0);
    png_size(&w, &h);
    CHECK_INT_EQ(w, 64);
    CHECK_INT_EQ(h, 64);
    CHECK_INT_EQ(run_still("--reframe 0:1", err, sizeof err), 1);
    CHECK(strstr(err, "--reframe wants an aspect") != NULL);
}

int main(void)
{
    CHECK_RUN(test_reframe);
    CHECK_RUN(test_good_options);
    CHECK_RUN(test_bad_values);
    CHECK_RUN(test_bad_lut);
    return CHECK_DONE();
}
