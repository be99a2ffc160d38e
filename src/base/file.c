/* base/file.c: whole-file reads with clear failures, and atomic writes by
 * temporary file and rename, so no stage ever leaves a partial output. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base.h"

AuStatus base_file_read(const AuAllocator *a, BaseDiag *diag, const char *path,
                        size_t max_bytes, char **data, size_t *size)
{
    AuSrcLoc loc = { path, 0, 0 };
    char *buf = NULL;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "io", "cannot open: %s",
                  strerror(errno));
        return AU_EIO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "io", "cannot stat: %s",
                  strerror(errno));
        goto fail;
    }
    if (S_ISDIR(st.st_mode)) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "io",
                  "is a directory, not a file");
        goto fail;
    }
    if (!S_ISREG(st.st_mode)) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "io", "is not a regular file");
        goto fail;
    }
    if ((uintmax_t)st.st_size > (uintmax_t)max_bytes) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "too-large",
                  "file is %.1f MB, larger than the %.0f MB limit",
                  (double)st.st_size / 1e6, (double)max_bytes / 1e6);
        goto fail;
    }
    size_t n = (size_t)st.st_size;
    buf = base_realloc(a, NULL, n + 1);
    if (!buf) {
        close(fd);
        return AU_ENOMEM;
    }
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            base_diag(diag, loc, AU_SEVERITY_ERROR, "io", "cannot read: %s",
                      strerror(errno));
            goto fail;
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    buf[got] = '\0';
    *data = buf;
    *size = got;
    return AU_OK;
fail:
    base_free(a, buf);
    close(fd);
    return AU_EIO;
}

AuStatus base_atomic_begin(BaseAtomicFile *f, const char *target)
{
    size_t n = strlen(target);
    if (n == 0 || n >= sizeof f->target)
        return AU_EINVAL;
    memcpy(f->target, target, n + 1);
    // The pid keeps two concurrent renders of the same target apart; the
    // name stays in the same directory so rename() is atomic.
    const char *slash = strrchr(target, '/');
    size_t dir_len = slash ? (size_t)(slash - target) + 1 : 0;
    snprintf(f->tmp, sizeof f->tmp, "%.*s.%s.%ld.tmp", (int)dir_len, target,
             target + dir_len, (long)getpid());
    return AU_OK;
}

AuStatus base_atomic_commit(BaseAtomicFile *f, BaseDiag *diag)
{
    if (rename(f->tmp, f->target) != 0) {
        AuSrcLoc loc = { f->target, 0, 0 };
        base_diag(diag, loc, AU_SEVERITY_ERROR, "io", "cannot write: %s",
                  strerror(errno));
        unlink(f->tmp);
        return AU_EIO;
    }
    return AU_OK;
}

void base_atomic_abort(BaseAtomicFile *f)
{
    unlink(f->tmp);
}
