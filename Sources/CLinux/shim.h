// Linux interfaces that Swift's Glibc module does not export: epoll, eventfd, accept4, memmem.
#ifndef SCO_CLINUX_SHIM_H
#define SCO_CLINUX_SHIM_H

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <pthread.h>
// accept4, pthread_setname_np and memmem are declared only under _GNU_SOURCE, which Glibc's module map
// does not define.
extern int accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags);
extern int pthread_setname_np(pthread_t thread, const char *name);
extern void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);

#endif
