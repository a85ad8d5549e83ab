# paths.mk - paths make or the shell would take for something else (a
# space, a quote, a '$', a '#'...) are refused before anything is built,
# rather than leaving stray folders in the tree.

HASH := \#
UNSAFE = ' " $(HASH) % : ; \\ * ? [ ] ( ) { } < > | & `
unsafe_path = $(or $(filter-out 1,$(words $(1))),$(findstring $$,$(2)), \
	$(strip $(foreach c,$(UNSAFE),$(findstring $(c),$(1)))))
$(foreach v,BUILDDIR DATA,$(if $(call unsafe_path,$($(v)),$(value $(v))),$(error \
	$(v)='$(value $(v))' is a path make cannot handle: use one without spaces, quotes, \
	'$$', '$(HASH)', '%', ':' or other characters of make and the shell)))
