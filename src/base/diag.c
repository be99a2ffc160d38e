/* base/diag.c: formats diagnostics and forwards them to the user's sink;
 * the library itself never prints. */
#include <stdio.h>

#include "base.h"

void base_diag(BaseDiag *d, AuSrcLoc loc, AuSeverity sev, const char *code,
               const char *fmt, ...)
{
    if (!d)
        return;
    if (sev == AU_SEVERITY_ERROR)
        d->errors++;
    else if (sev == AU_SEVERITY_WARNING)
        d->warnings++;
    if (!d->fn)
        return;
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    AuDiagnostic diag = { loc, sev, code, text };
    d->fn(d->user, &diag);
}
