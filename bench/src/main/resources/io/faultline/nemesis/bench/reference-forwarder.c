/*
 * The proxy benchmark's reference: the least a user-space TCP forwarder can do per message, one
 * epoll thread, one read and one write per hop, TCP_NODELAY, no toxics, no bookkeeping. It tells
 * how much of the fault proxy's cost is the machine's loopback TCP rather than the proxy.
 *
 *   reference-forwarder LISTEN_PORT UPSTREAM_PORT      (both on 127.0.0.1)
 *
 * Prints "ready" once it listens. Exits when its standard input closes, so it never outlives the
 * benchmark that started it, even one killed with SIGKILL.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_FD 65536

static int peer_of[MAX_FD];

static struct sockaddr_in loopback(int port) {
    struct sockaddr_in address = {0};
    address.sin_family = AF_INET;
    address.sin_port = htons((unsigned short) port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

static void watch(int epoll, int fd) {
    struct epoll_event event = {.events = EPOLLIN, .data.fd = fd};
    epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
}

static void tune(int fd) {
    int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

static void accept_one(int epoll, int listener, int upstream_port) {
    int client = accept(listener, NULL, NULL);
    if (client < 0) return;
    int server = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in upstream = loopback(upstream_port);
    if (client >= MAX_FD || server < 0 || server >= MAX_FD
            || connect(server, (struct sockaddr *) &upstream, sizeof upstream) != 0) {
        close(client);
        if (server >= 0) close(server);
        return;
    }
    tune(client);
    tune(server);
    peer_of[client] = server;
    peer_of[server] = client;
    watch(epoll, client);
    watch(epoll, server);
}

/* Writes all of it; waits for room when the peer's buffer is full (rare for small messages). */
static int write_all(int fd, const char *data, ssize_t length) {
    while (length > 0) {
        ssize_t written = write(fd, data, (size_t) length);
        if (written < 0) {
            if (errno != EAGAIN) return -1;
            struct pollfd room = {.fd = fd, .events = POLLOUT};
            poll(&room, 1, 1000);
            continue;
        }
        data += written;
        length -= written;
    }
    return 0;
}

static void forward(int fd) {
    static char buffer[16384];
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EAGAIN) return;
    if (n <= 0 || write_all(peer_of[fd], buffer, n) != 0) {
        close(peer_of[fd]);
        close(fd);
    }
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s LISTEN_PORT UPSTREAM_PORT\n", argv[0]);
        return 2;
    }
    int upstream_port = atoi(argv[2]);
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    int on = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    struct sockaddr_in address = loopback(atoi(argv[1]));
    if (bind(listener, (struct sockaddr *) &address, sizeof address) != 0 || listen(listener, 512) != 0) {
        perror("reference-forwarder: cannot listen");
        return 1;
    }
    int epoll = epoll_create1(0);
    watch(epoll, listener);
    watch(epoll, STDIN_FILENO);
    printf("ready\n");
    fflush(stdout);
    struct epoll_event events[256];
    for (;;) {
        int ready = epoll_wait(epoll, events, 256, -1);
        for (int i = 0; i < ready; i++) {
            int fd = events[i].data.fd;
            if (fd == STDIN_FILENO) return 0;
            if (fd == listener) accept_one(epoll, listener, upstream_port);
            else forward(fd);
        }
    }
}
