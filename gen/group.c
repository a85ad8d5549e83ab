/* group.c - groups of rooms (see group.h). */
#include <string.h>

#include "group.h"
#include "key.h"
#include "mem.h"

size_t group_stem(const char *lp, size_t n)
{
	while (n > 0 && lp[n - 1] != '-')
		n--;
	return n ? n - 1 : 0;
}

size_t group_topic(const char *name, const char **start)
{
	const char *colon = strchr(name, ':'), *last;

	/* "SIG:" or "Committee: ": a first word ending in ':' is a prefix. */
	if (colon && colon > name && !memchr(name, ' ', (size_t)(colon - name))) {
		name = colon + 1;
		while (*name == ' ')
			name++;
	}
	*start = name;
	last = strrchr(name, ' ');
	return last ? (size_t)(last - name) : strlen(name);
}

void group_assign(struct page *pg)
{
	size_t cap = 0;

	for (size_t i = 0; i < pg->n; i++) {
		struct room *c = &pg->rooms[i];
		size_t stem = group_stem(c->alias + 1, c->lplen), g;
		const char *topic;
		size_t topiclen;

		c->group = NO_GROUP;
		if (stem == 0)
			continue;
		for (g = 0; g < pg->ngroups; g++) {
			const struct group *gr = &pg->groups[g];

			if (gr->stemlen == stem &&
			    key_strn_equal(pg->rooms[gr->first].alias + 1, c->alias + 1, stem))
				break;
		}
		if (g == pg->ngroups) {
			pg->groups = xgrow(pg->groups, &cap, g + 1, sizeof *pg->groups);
			topiclen = group_topic(c->name, &topic);
			pg->groups[g].first = i;
			pg->groups[g].stemlen = stem;
			pg->groups[g].topic = xmemdup(topic, topiclen);
			pg->ngroups++;
		}
		c->group = g;
	}
}
