/* hello.c - a bare process: make bench compares the command's run time
 * with this one's. */
#include <stdio.h>

int main(void)
{
	puts("hello, world");
	return 0;
}
