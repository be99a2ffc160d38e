/* base/status.c: names and sentences for AuStatus codes, shared by the
 * library and its tests without pulling in any stage. */
#include "base.h"

static const struct {
    int status;
    const char *name;
    const char *text;
} status_table[] = {
    { AU_OK, "AU_OK", "success" },
    { AU_ENOMEM, "AU_ENOMEM", "out of memory" },
    { AU_EINVAL, "AU_EINVAL", "invalid argument" },
    { AU_ESYNTAX, "AU_ESYNTAX", "malformed screenplay" },
    { AU_EIO, "AU_EIO", "input/output error" },
    { AU_ELICENSE, "AU_ELICENSE", "licence forbids this use" },
    { AU_EUNSUPPORTED, "AU_EUNSUPPORTED", "not supported" },
    { AU_ECANCELED, "AU_ECANCELED", "canceled" },
    { AU_EINTERNAL, "AU_EINTERNAL", "internal error in a dependency" },
};

const char *au_strerror(int status)
{
    for (size_t i = 0; i < BASE_ARRAY_LEN(status_table); i++)
        if (status_table[i].status == status)
            return status_table[i].text;
    return "unknown error";
}

const char *au_status_name(int status)
{
    for (size_t i = 0; i < BASE_ARRAY_LEN(status_table); i++)
        if (status_table[i].status == status)
            return status_table[i].name;
    return "AU_E?";
}
