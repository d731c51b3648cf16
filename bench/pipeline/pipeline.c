/*
 * pipeline.c - the whole C pipeline on a JSONL corpus, without Lua: tokens, sentences,
 * lexicon matching, scoring and the per-document summary (records.h), reusing one
 * document across texts as a batch job would.
 *
 *   pipeline LEXICON.tsv CORPUS.jsonl [REPEAT [DUMP]]
 *
 * LEXICON.tsv comes from bench/pipeline/dump_lexicon.lua (the default lexicon). Reads the
 * "text" (and "date") field of each JSON line (enough of a JSON string decoder for the
 * corpus: escapes \n \t \" \\ \/ \uXXXX). Prints one line of key=value figures.
 * DUMP: also write every document's tokens, sentences, hits, mentions, cues, sectors,
 * contributions and summary records to that file (first pass), so that a speed change
 * can be checked byte for byte against the output before it.
 */
#include "../../csrc/analyze.h"
#include "../../csrc/date.h"
#include "../../csrc/lexicon.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (f == NULL) return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) { fclose(f); free(buf); return NULL; }
    fclose(f);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

static const char *field(char **cols, int i)
{
    return cols[i][0] ? cols[i] : NULL;
}

static int load_lexicon(dy_lexicon *lex, const char *path)
{
    size_t len;
    char *buf = slurp(path, &len), *line, *next;
    int n = 0;
    if (buf == NULL) return -1;
    for (line = buf; line && *line; line = next) {
        char *cols[14], *p = line, err[256];
        int i;
        dy_entry_spec sp;
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        for (i = 0; i < 14; i++) {
            cols[i] = p;
            p = p ? strchr(p, '\t') : NULL;
            if (p) *p++ = '\0';
            if (cols[i] == NULL) cols[i] = "";
        }
        memset(&sp, 0, sizeof sp);
        if (strcmp(cols[0], "actor") == 0) sp.kind = DY_KIND_ACTOR;
        else if (strcmp(cols[0], "cue") == 0) sp.kind = DY_KIND_CUE;
        else if (strcmp(cols[0], "sector") == 0) sp.kind = DY_KIND_SECTOR;
        else if (strcmp(cols[0], "discard") == 0) sp.kind = DY_KIND_DISCARD;
        else continue;
        sp.term = field(cols, 1);
        sp.code = field(cols, 2);
        sp.role = field(cols, 3);
        sp.type = field(cols, 4);
        sp.category = field(cols, 5);
        sp.sector = field(cols, 6);
        sp.cameo = field(cols, 7);
        sp.from = field(cols, 8);
        sp.to = field(cols, 9);
        sp.weight = field(cols, 10) ? atof(cols[10]) : NAN;
        sp.goldstein = field(cols, 11) ? atof(cols[11]) : NAN;
        sp.titlecase = field(cols, 12) && strcmp(cols[12], "title") == 0;
        sp.lowercase = field(cols, 12) && strcmp(cols[12], "lower") == 0;
        sp.reverse = field(cols, 13) && strcmp(cols[13], "reverse") == 0;
        if (dy_lexicon_add(lex, &sp, err, sizeof err) < 0) fprintf(stderr, "%s: %s (%s)\n", path, err, cols[1]);
        else n++;
    }
    free(buf);
    return n;
}

/* Decode the JSON string starting after the opening quote at *p into out. */
static size_t json_string(const char *p, char *out, const char **end)
{
    size_t n = 0;
    while (*p && *p != '"') {
        if (*p == '\\') {
            p++;
            switch (*p) {
            case 'n': out[n++] = '\n'; break;
            case 't': out[n++] = '\t'; break;
            case 'r': out[n++] = '\r'; break;
            case 'b': case 'f': out[n++] = ' '; break;
            case 'u': {
                unsigned cp = (unsigned)strtoul((char[]){ p[1], p[2], p[3], p[4], 0 }, NULL, 16);
                p += 4;
                if (cp < 0x80) out[n++] = (char)cp;
                else if (cp < 0x800) { out[n++] = (char)(0xC0 | (cp >> 6)); out[n++] = (char)(0x80 | (cp & 0x3F)); }
                else {
                    out[n++] = (char)(0xE0 | (cp >> 12));
                    out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                    out[n++] = (char)(0x80 | (cp & 0x3F));
                }
                break;
            }
            default: out[n++] = *p; break;
            }
            p++;
        } else {
            out[n++] = *p++;
        }
    }
    *end = p;
    return n;
}

typedef struct { char *text; size_t len; int32_t date; } doc_in;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);  /* CPU time: per core, on a shared machine */
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void dump_items(FILE *f, const char *what, const dy_item *v, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        fprintf(f, "%s %u %u e%u t%u-%u s%u c%u %u %u %.17g\n", what, v[i].s, v[i].e, v[i].entry, v[i].t0, v[i].t1,
                v[i].sentence, v[i].code, v[i].subtype, v[i].flags, v[i].weight);
}

/* Everything the document holds after analysis and summary, as text. */
static void dump_doc(FILE *f, size_t k, struct dy_doc *doc, const dy_doc_summary *S)
{
    size_t i;
    fprintf(f, "doc %zu tokens %zu sentences %zu hits %zu\n", k, doc->toks.n, doc->sents.n, doc->hits.n);
    for (i = 0; i < doc->toks.n; i++)
        fprintf(f, "k %u %u %u %u\n", doc->toks.v[i].s, doc->toks.v[i].e, doc->toks.v[i].kind, doc->toks.v[i].flags);
    for (i = 0; i < doc->sents.n; i++)
        fprintf(f, "s %u %u %u %u\n", doc->sents.v[i].s, doc->sents.v[i].e, doc->sents.v[i].tok_first, doc->sents.v[i].tok_end);
    for (i = 0; i < doc->hits.n; i++)
        fprintf(f, "h %u %u %u\n", doc->hits.v[i].s, doc->hits.v[i].e, doc->hits.v[i].entry);
    dump_items(f, "m", doc->mentions, doc->nmentions);
    dump_items(f, "c", doc->cues, doc->ncues);
    dump_items(f, "x", doc->sectors, doc->nsectors);
    for (i = 0; i < doc->nparts; i++) fprintf(f, "p %s\n", dy_doc_string(doc, doc->parts[i]));
    for (i = 0; i < doc->ncontribs; i++) {
        const dy_contrib *c = &doc->contribs[i];
        fprintf(f, "r s%u %s>%s cue%d m%d,%d %s|%s|%s %lld %lld %lld %lld %lld f%u d%u\n", c->sentence,
                dy_doc_string(doc, c->source), dy_doc_string(doc, c->target), c->cue, c->src_mention, c->tgt_mention,
                dy_doc_string(doc, c->rule), dy_doc_string(doc, c->note), dy_doc_string(doc, c->sector),
                (long long)c->coop, (long long)c->conflict, (long long)c->dependency, (long long)c->gsum,
                (long long)c->wsum, c->flags, c->direction);
    }
    for (i = 0; i < S->ndyads; i++) {
        const dy_dyad_sum *d = &S->dyads[i];
        fprintf(f, "D %s>%s %lld %lld %lld %lld %lld %lld %lld\n", dy_strtab_get(S->strings, d->source, NULL),
                dy_strtab_get(S->strings, d->target, NULL), (long long)d->n, (long long)d->hedged, (long long)d->coop,
                (long long)d->conflict, (long long)d->dependency, (long long)d->gsum, (long long)d->wsum);
    }
    for (i = 0; i < S->nsectors; i++)
        fprintf(f, "S %s>%s %s %lld\n", dy_strtab_get(S->strings, S->sectors[i].source, NULL),
                dy_strtab_get(S->strings, S->sectors[i].target, NULL), dy_strtab_get(S->strings, S->sectors[i].sector, NULL),
                (long long)S->sectors[i].weight);
    for (i = 0; i < S->nactors; i++) {
        const dy_actor_sum *a = &S->actors[i];
        fprintf(f, "A %s %lld %lld %lld %lld %lld %lld\n", dy_strtab_get(S->strings, a->actor, NULL), (long long)a->mentions,
                (long long)a->salience, (long long)a->coop, (long long)a->conflict, (long long)a->gsum, (long long)a->wsum);
    }
}

int main(int argc, char **argv)
{
    dy_lexicon *lex;
    size_t clen, ndocs = 0, cap = 0, i, bytes = 0, sentences = 0, contribs = 0, dyads = 0;
    char *corpus, *line, *next, err[256];
    doc_in *docs = NULL;
    struct dy_doc *doc;
    int repeat = argc > 3 ? atoi(argv[3]) : 1, r, nentries;
    FILE *dumpf = NULL;
    double t0, t1, tc;
    struct rusage ru;
    dy_score_params params;
    if (argc < 3) { fprintf(stderr, "usage: pipeline LEXICON.tsv CORPUS.jsonl [REPEAT [DUMP]]\n"); return 2; }
    if (argc > 4 && (dumpf = fopen(argv[4], "w")) == NULL) { fprintf(stderr, "cannot write %s\n", argv[4]); return 1; }
    lex = dy_lexicon_new();
    if (lex == NULL || (nentries = load_lexicon(lex, argv[1])) < 0) { fprintf(stderr, "cannot load %s\n", argv[1]); return 1; }
    tc = now();
    if (dy_lexicon_compile(lex, err, sizeof err) != 0) { fprintf(stderr, "compile: %s\n", err); return 1; }
    tc = now() - tc;
    corpus = slurp(argv[2], &clen);
    if (corpus == NULL) { fprintf(stderr, "cannot read %s\n", argv[2]); return 1; }
    for (line = corpus; line && *line; line = next) {
        const char *t = strstr(line, "\"text\": \""), *d = strstr(line, "\"date\": \""), *end;
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        if (t == NULL) continue;
        if (ndocs == cap) {
            doc_in *grown;
            cap = cap ? cap * 2 : 1024;
            grown = realloc(docs, cap * sizeof *docs);
            if (grown == NULL) { free(docs); return 1; }
            docs = grown;
        }
        docs[ndocs].text = malloc(strlen(t) + 1);
        if (docs[ndocs].text == NULL) return 1;
        docs[ndocs].len = json_string(t + 9, docs[ndocs].text, &end);
        docs[ndocs].date = DY_NODATE;
        if (d) dy_parse_date(d + 9, 10, &docs[ndocs].date);
        bytes += docs[ndocs].len;
        ndocs++;
    }
    doc = dy_doc_new();
    dy_score_params_default(&params);
    dy_score_params_from_lexicon(&params, lex);  /* once, not per document */
    t0 = now();
    for (r = 0; r < repeat; r++) {
        for (i = 0; i < ndocs; i++) {
            dy_doc_summary S;
            if (dy_doc_analyze(doc, lex, docs[i].text, docs[i].len, NULL, 0, docs[i].date, &params, err, sizeof err) != 0) {
                fprintf(stderr, "analyze: %s\n", err);
                return 1;
            }
            if (dy_doc_summarize(doc, &S) != 0) { fprintf(stderr, "summarize: out of memory\n"); return 1; }
            if (r == 0) { sentences += doc->sents.n; contribs += doc->ncontribs; dyads += S.ndyads; }
            if (r == 0 && dumpf) dump_doc(dumpf, i, doc, &S);
        }
    }
    t1 = now() - t0;
    if (dumpf && fclose(dumpf) != 0) { fprintf(stderr, "cannot write %s\n", argv[4]); return 1; }
    {
        /* the stages alone, to see where the time goes: tokens + sentences; + matching */
        dy_tokens toks = { NULL, 0, 0 };
        dy_sentences sents = { NULL, 0, 0 };
        dy_hits hits = { NULL, 0, 0 };
        double ts, tm;
        t0 = now();
        for (r = 0; r < repeat; r++) {
            for (i = 0; i < ndocs; i++) {
                toks.n = sents.n = 0;
                if (dy_tokenize(docs[i].text, docs[i].len, &toks) || dy_split_sentences(docs[i].text, docs[i].len, &toks, &sents))
                    return 1;
            }
        }
        ts = now() - t0;
        t0 = now();
        for (r = 0; r < repeat; r++) {
            for (i = 0; i < ndocs; i++) {
                hits.n = 0;
                if (dy_lexicon_match(lex, docs[i].text, docs[i].len, docs[i].date, &hits)) return 1;
            }
        }
        tm = now() - t0;
        printf("stage_text_mb_s=%.1f stage_match_mb_s=%.1f stage_score_share=%.2f ",
               (double)bytes * repeat / ts / 1e6, (double)bytes * repeat / tm / 1e6, (t1 - ts - tm) / t1);
        dy_tokens_free(&toks);
        dy_sentences_free(&sents);
        dy_hits_free(&hits);
    }
    getrusage(RUSAGE_SELF, &ru);
    printf("entries=%d compile_s=%.3f docs=%zu bytes=%zu repeat=%d seconds=%.3f mb_s=%.1f docs_s=%.0f "
           "sentences_s=%.0f sentences=%zu contributions=%zu dyads=%zu maxrss_kb=%ld\n",
           nentries, tc, ndocs, bytes, repeat, t1, (double)bytes * repeat / t1 / 1e6, (double)ndocs * repeat / t1,
           (double)sentences * repeat / t1, sentences, contribs, dyads, ru.ru_maxrss);
    dy_doc_free(doc);
    for (i = 0; i < ndocs; i++) free(docs[i].text);
    free(docs);
    free(corpus);
    dy_lexicon_free(lex);
    return 0;
}
