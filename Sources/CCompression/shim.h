#ifndef SCO_CCOMPRESSION_SHIM_H
#define SCO_CCOMPRESSION_SHIM_H

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <zlib.h>

/// The most bytes `ccompression_gzip` may write for `length` bytes of input.
static inline size_t ccompression_gzip_bound(size_t length) {
    /* deflateBound's worst case for the default window and memLevel, plus the gzip header and
       trailer (18 bytes) that a raw bound leaves out. */
    return length + (length >> 12) + (length >> 14) + (length >> 25) + 13 + 18 + 64;
}

/// Compresses `input` as one gzip member (RFC 1952) at `level` (1-9) into `output`, whose
/// capacity is `*output_length`; sets `*output_length` to the bytes written. Returns 0 on
/// success, a zlib error code otherwise. deflateInit2 is a macro, which Swift cannot call.
static inline int ccompression_gzip(
    const uint8_t *input, size_t input_length, uint8_t *output, size_t *output_length, int level
) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    /* windowBits 15 + 16 asks for a gzip header and trailer; memLevel 8 is zlib's default. */
    int rc = deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    if (rc != Z_OK) return rc;
    stream.next_in = (Bytef *)input;
    stream.avail_in = (uInt)input_length;
    stream.next_out = output;
    stream.avail_out = (uInt)*output_length;
    rc = deflate(&stream, Z_FINISH);
    *output_length = stream.total_out;
    deflateEnd(&stream);
    return rc == Z_STREAM_END ? 0 : (rc == Z_OK ? Z_BUF_ERROR : rc);
}

/// The most bytes `ccompression_brotli` may write for `length` bytes of input.
static inline size_t ccompression_brotli_bound(size_t length) {
    return BrotliEncoderMaxCompressedSize(length);
}

/// Compresses `input` as a brotli stream (RFC 7932) at `quality` (0-11), for text, into
/// `output` of capacity `*output_length`; sets `*output_length`. Returns 0 on success.
static inline int ccompression_brotli(
    const uint8_t *input, size_t input_length, uint8_t *output, size_t *output_length, int quality
) {
    BROTLI_BOOL ok = BrotliEncoderCompress(
        quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, input_length, input, output_length, output);
    return ok == BROTLI_TRUE ? 0 : 1;
}

/// Decompresses one gzip member into `output` of capacity `*output_length`; sets it. 0 on
/// success. For tests and tools that check what the server sent.
static inline int ccompression_gunzip(
    const uint8_t *input, size_t input_length, uint8_t *output, size_t *output_length
) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    int rc = inflateInit2(&stream, 15 + 16);
    if (rc != Z_OK) return rc;
    stream.next_in = (Bytef *)input;
    stream.avail_in = (uInt)input_length;
    stream.next_out = output;
    stream.avail_out = (uInt)*output_length;
    rc = inflate(&stream, Z_FINISH);
    *output_length = stream.total_out;
    inflateEnd(&stream);
    return rc == Z_STREAM_END ? 0 : (rc == Z_OK ? Z_BUF_ERROR : rc);
}

/// Decompresses a brotli stream into `output` of capacity `*output_length`; sets it. 0 on success.
static inline int ccompression_unbrotli(
    const uint8_t *input, size_t input_length, uint8_t *output, size_t *output_length
) {
    return BrotliDecoderDecompress(input_length, input, output_length, output) == BROTLI_DECODER_RESULT_SUCCESS ? 0 : 1;
}

#endif
