/* fuzz/fuzz_cube.c: libFuzzer target for the .cube 3D LUT reader (grade
 * stage): any bytes as a .cube file. A failure must say why with a
 * diagnostic; a table that parses must interpolate to finite values. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "grade/grade.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    BaseDiag diag = { 0 };
    GradeLut lut;
    AuStatus st = grade_lut_parse(base_allocator_default(), &diag, "fuzz.cube",
                                  (const char *)data, size, &lut);
    if (st != AU_OK) {
        if (lut.rgb || (st == AU_ESYNTAX && diag.errors == 0))
            abort();
        return 0;
    }
    if (lut.size < 2 || lut.size > 65 || !lut.rgb)
        abort();
    // Corners, the middle and points outside the domain (clamped).
    const double probes[][3] = { { 0, 0, 0 },
                                 { 1, 1, 1 },
                                 { 0.5, 0.25, 1 },
                                 { -5, 2, 0.3 },
                                 { 1e30, -1e30, 0.999 } };
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        double out[3];
        grade_lut_apply(&lut, probes[i], out);
        for (int c = 0; c < 3; c++)
            if (!isfinite(out[c]))
                abort();
    }
    grade_lut_free(&lut);
    return 0;
}
