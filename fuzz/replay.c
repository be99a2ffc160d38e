/* fuzz/replay.c: runs committed fuzz corpora through a target's
 * LLVMFuzzerTestOneInput in gcc builds, where libFuzzer is not available,
 * so `make test` replays every input (files or directories as arguments). */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 4096, n = 0, got;
    uint8_t *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        uint8_t *bigger = n == cap ? realloc(buf, cap *= 2) : buf;
        if (!bigger)
            free(buf);
        buf = bigger;
    }
    int bad = ferror(f) || !buf;
    fclose(f);
    if (!bad)
        LLVMFuzzerTestOneInput(buf, n);
    free(buf);
    return bad ? -1 : 0;
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        DIR *dir = stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)
                       ? opendir(argv[i])
                       : NULL;
        if (!dir) {
            replay_file(argv[i]) == 0 ? passed++ : failed++;
            continue;
        }
        for (struct dirent *e; (e = readdir(dir)) != NULL;) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
            if (e->d_name[0] != '.' && stat(path, &st) == 0 &&
                S_ISREG(st.st_mode))
                replay_file(path) == 0 ? passed++ : failed++;
        }
        closedir(dir);
    }
    printf("replayed %d inputs\n%d passed, %d failed\n", passed + failed,
           passed, failed);
    return failed || passed == 0;
}
