/*
 * object.h - reads what the tests need from an ELF64 object or shared
 * library: section sizes by kind, dynamic relocations, and the undefined
 * symbols it references.
 */
#ifndef AUXCHAN_OBJECT_H
#define AUXCHAN_OBJECT_H

#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct elf_sizes {
	size_t text, rodata, data, bss;
	size_t writable; /* bytes of allocated, writable sections: data and bss */
	size_t relocs;   /* entries of loaded relocation sections: dynamic ones */
};

static inline int elf_prefix(const char *name, const char *kind)
{
	size_t n = strlen(kind);

	return strncmp(name, kind, n) == 0 && (name[n] == '\0' || name[n] == '.');
}

/*
 * Reads the object file at path: adds its section sizes to *sz and calls
 * undef(name, ctx) for each undefined symbol.  Returns 0, or -1 if the file
 * cannot be read or is not a 64-bit ELF object.
 */
static inline int elf_scan(const char *path, struct elf_sizes *sz,
                    void (*undef)(const char *name, void *ctx), void *ctx)
{
	FILE *f = fopen(path, "rb");
	unsigned char *b = NULL;
	size_t len = 0, cap = 0;
	const Elf64_Ehdr *eh;
	const Elf64_Shdr *sh;
	const char *shstr;
	int rc = -1;

	if (!f)
		return -1;
	do {
		cap = cap ? cap * 2 : 65536;
		if (!(b = realloc(b, cap)))
			goto out;
		len += fread(b + len, 1, cap - len, f);
	} while (len == cap);
	eh = (const Elf64_Ehdr *)b;
	if (len < sizeof *eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_shoff + (size_t)eh->e_shnum * sizeof *sh > len)
		goto out;
	sh = (const Elf64_Shdr *)(b + eh->e_shoff);
	shstr = (const char *)b + sh[eh->e_shstrndx].sh_offset;
	for (unsigned i = 0; i < eh->e_shnum; i++) {
		const char *name = shstr + sh[i].sh_name;

		if (elf_prefix(name, ".text"))
			sz->text += sh[i].sh_size;
		else if (elf_prefix(name, ".rodata"))
			sz->rodata += sh[i].sh_size;
		else if (elf_prefix(name, ".data"))
			sz->data += sh[i].sh_size;
		else if (elf_prefix(name, ".bss"))
			sz->bss += sh[i].sh_size;
		if ((sh[i].sh_flags & (SHF_ALLOC | SHF_WRITE)) == (SHF_ALLOC | SHF_WRITE))
			sz->writable += sh[i].sh_size;
		if ((sh[i].sh_type == SHT_RELA || sh[i].sh_type == SHT_REL) &&
		    (sh[i].sh_flags & SHF_ALLOC) && sh[i].sh_entsize)
			sz->relocs += sh[i].sh_size / sh[i].sh_entsize;
		if (sh[i].sh_type == SHT_SYMTAB && undef) {
			const Elf64_Sym *sym = (const Elf64_Sym *)(b + sh[i].sh_offset);
			const char *str = (const char *)b + sh[sh[i].sh_link].sh_offset;

			for (size_t k = 1; k < sh[i].sh_size / sizeof *sym; k++)
				if (sym[k].st_shndx == SHN_UNDEF && sym[k].st_name)
					undef(str + sym[k].st_name, ctx);
		}
	}
	rc = 0;
out:
	free(b);
	fclose(f);
	return rc;
}

/* With check.h: the checks of a library module's objects. */
#ifdef AUXCHAN_CHECK_H
struct object_rules {
	const char *path;
	const char *const *allowed; /* NULL-terminated */
	const char *own;            /* the library's prefix, or NULL */
};

static inline void object_undefined(const char *name, void *ctx)
{
	const struct object_rules *r = ctx;
	int ok = r->own && !strncmp(name, r->own, strlen(r->own));

	for (const char *const *a = r->allowed; *a; a++)
		ok |= strcmp(*a, name) == 0;
	check(ok, "%s references '%s': only string functions%s are allowed", r->path, name,
	      r->own ? " and the library" : "");
}

/*
 * Checks a library module's object, BUILD/NAME.o (of both libraries):
 * tables in read-only data, no writable data (no mutable state), and no
 * undefined symbol but those of allowed[] (NULL-terminated; no malloc) and,
 * if own is not NULL, the library's own (own is their prefix).  Skipped in
 * a sanitizer build, whose instrumented objects reference the sanitizer.
 */
static inline void object_check_module(const char *build, const char *name,
                                const char *const *allowed, const char *own)
{
	if (CHECK_SANITIZED) {
		printf("note: sanitizer build: %s.o is checked by make check\n", name);
		return;
	}
	struct elf_sizes sz = { 0 };
	char path[4096];
	struct object_rules r = { path, allowed, own };

	snprintf(path, sizeof path, "%s/%s.o", build, name);
	if (!check(elf_scan(path, &sz, object_undefined, &r) == 0, "%s: readable ELF object", path))
		return;
	check(sz.data == 0 && sz.bss == 0 && sz.writable == 0,
	      "%s: no writable data (.data %zu, .bss %zu, writable %zu bytes)", path, sz.data, sz.bss,
	      sz.writable);
	check(sz.rodata > 0, "%s: its tables are read-only data", path);
}
#endif

#endif /* AUXCHAN_OBJECT_H */
