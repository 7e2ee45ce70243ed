/*
 * Benchmark harness beside vmscope: the same work done with libkdumpfile/addrxlat.
 *
 *   kdxlat vtop DUMP ADDRFILE   translate one hex address per line (KVADDR -> KPHYSADDR) and print
 *                               "VA PA" or "VA -", like `vmscope vtop DUMP --from ADDRFILE --brief`
 *   kdxlat read DUMP [END]      read every page of physical memory below END (default: max_pfn), count
 *                               the pages read and the pages libkdumpfile reports missing
 *   kdxlat read DUMP START:END...  the same over the given ranges only (e.g. the RAM ranges of
 *                               `vmscope map DUMP`)
 *
 * Not part of the build; see build.sh.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libkdumpfile/kdumpfile.h>

static kdump_ctx_t *open_dump(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		perror(path);
		exit(2);
	}
	kdump_ctx_t *ctx = kdump_new();
	if (!ctx || kdump_open_fd(ctx, fd) != KDUMP_OK) {
		fprintf(stderr, "kdxlat: %s: %s\n", path, ctx ? kdump_get_err(ctx) : "kdump_new");
		exit(2);
	}
	/* libkdumpfile 0.5.1 does not detect the architecture of QEMU's compressed kdumps (the corpus
	 * README and libkdumpfile/<dump>.info.json say so); the corpus tool set it, and so does this. */
	const char *arch;
	if (kdump_get_string_attr(ctx, KDUMP_ATTR_ARCH_NAME, &arch) != KDUMP_OK)
		kdump_set_string_attr(ctx, KDUMP_ATTR_ARCH_NAME, getenv("KDXLAT_ARCH") ? getenv("KDXLAT_ARCH") : "x86_64");
	if (kdump_set_string_attr(ctx, KDUMP_ATTR_OSTYPE, "linux") != KDUMP_OK) {
		fprintf(stderr, "kdxlat: %s: ostype: %s\n", path, kdump_get_err(ctx));
		exit(2);
	}
	return ctx;
}

static int vtop(const char *dump, const char *list)
{
	kdump_ctx_t *ctx = open_dump(dump);
	addrxlat_ctx_t *axctx;
	addrxlat_sys_t *axsys;
	if (kdump_get_addrxlat(ctx, &axctx, &axsys) != KDUMP_OK) {
		fprintf(stderr, "kdxlat: %s\n", kdump_get_err(ctx));
		return 2;
	}
	FILE *in = strcmp(list, "-") ? fopen(list, "r") : stdin;
	if (!in) {
		perror(list);
		return 2;
	}
	static char out[1 << 16];
	setvbuf(stdout, out, _IOFBF, sizeof out);
	char line[128];
	int unmapped = 0;
	while (fgets(line, sizeof line, in)) {
		char *end;
		uint64_t va = strtoull(line, &end, 16);
		if (end == line)
			continue;
		addrxlat_fulladdr_t fa = { .addr = va, .as = ADDRXLAT_KVADDR };
		if (addrxlat_fulladdr_conv(&fa, ADDRXLAT_KPHYSADDR, axctx, axsys) == ADDRXLAT_OK) {
			printf("0x%" PRIx64 " 0x%" PRIx64 "\n", va, (uint64_t)fa.addr);
		} else {
			printf("0x%" PRIx64 " -\n", va);
			if (getenv("KDXLAT_DEBUG"))
				fprintf(stderr, "%s\n", addrxlat_ctx_get_err(axctx));
			unmapped = 1;
		}
	}
	fflush(stdout);
	addrxlat_sys_decref(axsys);
	addrxlat_ctx_decref(axctx);
	kdump_free(ctx);
	return unmapped;
}

static int readall(const char *dump, int nranges, char **ranges)
{
	const char *endarg = nranges == 1 && !strchr(ranges[0], ':') ? ranges[0] : NULL;
	kdump_ctx_t *ctx = open_dump(dump);
	kdump_num_t max_pfn = 0, page_size = 4096;
	kdump_get_number_attr(ctx, KDUMP_ATTR_PAGE_SIZE, &page_size);
	uint64_t end;
	if (endarg) {
		end = strtoull(endarg, NULL, 16);
	} else if (nranges > 0) {
		end = 0;
	} else if (kdump_get_number_attr(ctx, "max_pfn", &max_pfn) == KDUMP_OK) {
		end = max_pfn * page_size;
	} else {
		fprintf(stderr, "kdxlat: no max_pfn, give END\n");
		return 2;
	}
	char *buf = malloc(page_size);
	uint64_t read = 0, missing = 0, sum = 0;
	for (int r = 0; r < (endarg || nranges == 0 ? 1 : nranges); r++) {
		uint64_t start = 0, stop = end;
		if (!endarg && nranges > 0) {
			char *colon;
			start = strtoull(ranges[r], &colon, 16);
			stop = strtoull(colon + 1, NULL, 16);
		}
		for (uint64_t a = start; a < stop; a += page_size) {
			size_t sz = page_size;
			if (kdump_read(ctx, KDUMP_KPHYSADDR, a, buf, &sz) == KDUMP_OK && sz == page_size) {
				read++;
				sum += (unsigned char)buf[a / page_size % page_size];
			} else {
				missing++;
			}
		}
	}
	printf("pages read %" PRIu64 ", missing %" PRIu64 ", bytes 0x%" PRIx64 ", checksum %" PRIu64 "\n",
	       read, missing, read * page_size, sum);
	free(buf);
	kdump_free(ctx);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && !strcmp(argv[1], "vtop"))
		return vtop(argv[2], argv[3]);
	if (argc >= 3 && !strcmp(argv[1], "read"))
		return readall(argv[2], argc - 3, argv + 3);
	fprintf(stderr, "usage: kdxlat vtop DUMP ADDRFILE | kdxlat read DUMP [END | START:END...]\n");
	return 2;
}
