/*
 * text_speed.c - throughput of dy_tokenize and dy_split_sentences (see docs/DESIGN.md (the text section)).
 *
 *   cc -O2 -std=c99 -D_POSIX_C_SOURCE=200809L -Icsrc bench/text_speed.c csrc/text.c csrc/unicode.c \
 *      -o build/text_speed && build/text_speed [FILE...]
 *
 * Reads the files (raw text) into one buffer, or, without arguments, uses the project's own
 * fixtures in spec/fixtures/text repeated to 8 MB (and says so). Reports the best of 7 runs
 * in MB/s (10^6 bytes per second) for tokens, for sentences over ready tokens, and for both.
 *
 * Wall time on a shared machine is noisy; instruction counts are not. To compare two versions:
 *   valgrind --tool=callgrind --callgrind-out-file=cg.out build/text_speed FILE
 *   callgrind_annotate --inclusive=yes cg.out | grep -E 'dy_tokenize|dy_split_sentences'
 * (the counts cover all 7 runs).
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L  /* clock_gettime */
#endif
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int append_file(const char *path, char **buf, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char chunk[65536];
    size_t n;
    if (f == NULL) { perror(path); return -1; }
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        char *p = realloc(*buf, *len + n + 1);
        if (p == NULL) { fclose(f); return -1; }
        *buf = p;
        memcpy(*buf + *len, chunk, n);
        *len += n;
        (*buf)[*len] = '\n';  /* files are separated by a line break */
    }
    fclose(f);
    if (*len > 0) (*len)++;
    return 0;
}

int main(int argc, char **argv)
{
    static const char *const fixtures[] = {
        "spec/fixtures/text/article_en.txt", "spec/fixtures/text/multilingual.txt", NULL
    };
    char *buf = NULL, *text;
    size_t len = 0, tlen, i;
    int run;
    double best_tok = 1e9, best_sent = 1e9, best_both = 1e9;
    dy_tokens toks = {NULL, 0, 0};
    dy_sentences sents = {NULL, 0, 0};

    if (argc > 1) {
        for (i = 1; i < (size_t)argc; i++)
            if (append_file(argv[i], &buf, &len) != 0) return 1;
    } else {
        fprintf(stderr, "text_speed: no input files, using spec/fixtures/text repeated to 8 MB\n");
        for (i = 0; fixtures[i]; i++)
            if (append_file(fixtures[i], &buf, &len) != 0) return 1;
    }
    if (len == 0) { fprintf(stderr, "text_speed: empty input\n"); return 1; }
    tlen = len;
    if (argc <= 1) {
        tlen = (8u << 20) / len * len;
        text = malloc(tlen);
        if (text == NULL) return 1;
        for (i = 0; i < tlen; i += len) memcpy(text + i, buf, len);
    } else {
        text = buf;
    }

    for (run = 0; run < 7; run++) {
        double t0, t1, t2;
        toks.n = 0;
        sents.n = 0;
        t0 = now();
        if (dy_tokenize(text, tlen, &toks) != 0) return 1;
        t1 = now();
        if (dy_split_sentences(text, tlen, &toks, &sents) != 0) return 1;
        t2 = now();
        if (t1 - t0 < best_tok) best_tok = t1 - t0;
        if (t2 - t1 < best_sent) best_sent = t2 - t1;
        if (t2 - t0 < best_both) best_both = t2 - t0;
    }
    printf("input: %.2f MB, %lu tokens, %lu sentences\n", (double)tlen / 1e6, (unsigned long)toks.n,
           (unsigned long)sents.n);
    printf("dy_tokenize:          %8.1f MB/s\n", (double)tlen / 1e6 / best_tok);
    printf("dy_split_sentences:   %8.1f MB/s\n", (double)tlen / 1e6 / best_sent);
    printf("tokens + sentences:   %8.1f MB/s\n", (double)tlen / 1e6 / best_both);
    dy_tokens_free(&toks);
    dy_sentences_free(&sents);
    if (text != buf) free(text);
    free(buf);
    return 0;
}
