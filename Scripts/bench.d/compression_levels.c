/* Scripts/bench compression: the size and CPU time of each gzip level and brotli quality on
 * the bodies sco-api serves, with the same libraries and calls as Sources/CCompression.
 *
 *   cc -O2 compression_levels.c -lz -lbrotlienc -o levels && ./levels body1 body2 ...
 */
#include <brotli/encode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static size_t gzip_once(const unsigned char *in, size_t n, unsigned char *out, size_t cap, int level) {
    z_stream s;
    memset(&s, 0, sizeof s);
    if (deflateInit2(&s, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return 0;
    s.next_in = (Bytef *)in; s.avail_in = (uInt)n; s.next_out = out; s.avail_out = (uInt)cap;
    deflate(&s, Z_FINISH);
    size_t written = s.total_out;
    deflateEnd(&s);
    return written;
}

int main(int argc, char **argv) {
    printf("| body | bytes | coding | level | compressed bytes | ratio | CPU us per body |\n|---|---:|---|---:|---:|---:|---:|\n");
    for (int a = 1; a < argc; a++) {
        FILE *f = fopen(argv[a], "rb");
        if (!f) { perror(argv[a]); return 1; }
        static unsigned char in[1 << 22], out[1 << 23];
        size_t n = fread(in, 1, sizeof in, f);
        fclose(f);
        const char *name = strrchr(argv[a], '/') ? strrchr(argv[a], '/') + 1 : argv[a];
        int gz[] = {1, 6, 9}, br[] = {1, 5, 9, 11};
        for (int i = 0; i < 3; i++) {
            int reps = 200; size_t size = 0; double t0 = now();
            for (int r = 0; r < reps; r++) size = gzip_once(in, n, out, sizeof out, gz[i]);
            double us = (now() - t0) / reps * 1e6;
            printf("| %s | %zu | gzip | %d | %zu | %.3f | %.0f |\n", name, n, gz[i], size, (double)size / n, us);
        }
        for (int i = 0; i < 4; i++) {
            int reps = br[i] >= 10 ? 10 : 200; size_t size = 0; double t0 = now();
            for (int r = 0; r < reps; r++) {
                size = sizeof out;
                BrotliEncoderCompress(br[i], BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, n, in, &size, out);
            }
            double us = (now() - t0) / reps * 1e6;
            printf("| %s | %zu | br | %d | %zu | %.3f | %.0f |\n", name, n, br[i], size, (double)size / n, us);
        }
    }
    return 0;
}
